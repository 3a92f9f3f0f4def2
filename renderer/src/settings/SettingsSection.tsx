// The Settings section: groups of settings, one component each. Other features add their group
// (e.g. notifications) with one line below.
import { useTranslation } from 'react-i18next';
import { AutoApplySettings } from '../licenses/AutoApplySettings.tsx';
import { AboutSettings } from './AboutSettings.tsx';
import { GeneralSettings } from './GeneralSettings.tsx';
import { LiveSettings } from './LiveSettings.tsx';

export function SettingsSection() {
  return (
    <>
      <GeneralSettings />
      <LiveSettings />
      <AutoApplySettings asCard />
      <AboutSettings />
    </>
  );
}

export function SettingsTabLabel() {
  return useTranslation().t('sections.settings');
}
