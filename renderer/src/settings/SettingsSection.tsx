// The Settings section: groups of settings, one component each. Other features add their group
// (e.g. notifications) with one line below.

import { useTranslation } from 'react-i18next';
import { AutoApplySettings } from '../licenses/AutoApplySettings.tsx';
import { appInfo } from '../shell/stores.ts';
import { ModeSettings } from '../welcome/ModeSettings.tsx';
import { AboutSettings } from './AboutSettings.tsx';
import { GeneralSettings } from './GeneralSettings.tsx';
import { LiveSettings } from './LiveSettings.tsx';

export function SettingsSection() {
  const linkMode = appInfo.use((state) => state.appInfo?.mode === 'link');
  return (
    <>
      <GeneralSettings />
      <ModeSettings />
      <LiveSettings />
      {/* Auto-apply needs the accounts API (the balance): not in link mode. */}
      {!linkMode && <AutoApplySettings asCard />}
      <AboutSettings />
    </>
  );
}

export function SettingsTabLabel() {
  return useTranslation().t('sections.settings');
}
