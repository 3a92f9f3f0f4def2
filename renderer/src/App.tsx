// The app shell: header, section tabs, the current section. Sections register in shell/sections.ts.
// Before a mode is chosen it shows the welcome; in link mode the sections show what that mode can
// (link/link-sections.tsx), with no sign-in.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBadge } from './components/DemoBadge.tsx';
import { ClipboardOffer } from './link/ClipboardOffer.tsx';
import { linkModeSections } from './link/link-sections.tsx';
import { useNavigateRequests } from './notifications/use-navigate-requests.ts';
import { useReferral } from './referral/referral-context.tsx';
import { AccountMenu } from './session/AccountMenu.tsx';
import { SignInScreen } from './session/SignInScreen.tsx';
import { session } from './session/stores.ts';
import { UpdateNotice } from './settings/AboutSettings.tsx';
import { sections } from './shell/sections.ts';
import { appInfo, navigation } from './shell/stores.ts';
import { Tabs } from './shell/Tabs.tsx';
import { useApplyPreferences } from './shell/use-preferences.ts';
import { Welcome } from './welcome/Welcome.tsx';

export function App() {
  const { t } = useTranslation();
  useApplyPreferences();
  // Notification clicks and tray items open the companion on their section.
  useNavigateRequests();
  const sessionStore = session.useStore();
  useEffect(() => sessionStore.getState().start(), [sessionStore]);
  // The mode, followed: a change (welcome, Settings) needs no reload; the old mode's referral is dropped.
  const appInfoStore = appInfo.useStore();
  useEffect(() => appInfoStore.getState().watch(), [appInfoStore]);
  const watchMode = useReferral((state) => state.watchMode);
  useEffect(() => watchMode(), [watchMode]);
  const mode = appInfo.use((state) => state.appInfo?.mode);
  const linkMode = mode === 'link';
  const sessionState = session.use((state) => state.view?.state);
  const signedIn = sessionState === 'signed-in';
  // Once signed in (or on the saved link), the referral loads whichever section is open.
  const start = useReferral((state) => state.start);
  useEffect(() => (signedIn || linkMode ? start() : undefined), [start, signedIn, linkMode]);
  const shown = useMemo(() => (linkMode ? linkModeSections(sections) : sections), [linkMode]);
  const currentId = navigation.use((state) => state.current);
  const select = navigation.use((state) => state.select);
  const current = shown.find((section) => section.id === currentId) ?? shown[0];
  if (!current) return null;
  const { Component } = current;
  const header = (
    <header className="app-header">
      <h1>{t('appTitle')}</h1>
      <DemoBadge />
      {mode !== 'link' && mode !== 'unchosen' && <AccountMenu />}
    </header>
  );
  if (mode === 'unchosen') {
    return (
      <div className="app">
        {header}
        <main>
          <Welcome />
        </main>
      </div>
    );
  }
  return (
    <div className="app">
      {header}
      <UpdateNotice />
      <nav>
        <Tabs sections={shown} current={current.id} onSelect={select} />
      </nav>
      <main
        role="tabpanel"
        id={`section-${current.id}`}
        data-testid={`section-${current.id}`}
        aria-labelledby={`tab-${current.id}`}
      >
        {linkMode && <ClipboardOffer />}
        {signedIn || current.signedOut ? <Component /> : sessionState && <SignInScreen />}
      </main>
    </div>
  );
}
