// The app shell: header, section tabs, the current section. Sections register in shell/sections.ts.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBadge } from './components/DemoBadge.tsx';
import { useNavigateRequests } from './notifications/use-navigate-requests.ts';
import { AccountMenu } from './session/AccountMenu.tsx';
import { SignInScreen } from './session/SignInScreen.tsx';
import { session } from './session/stores.ts';
import { UpdateNotice } from './settings/AboutSettings.tsx';
import { sections } from './shell/sections.ts';
import { navigation } from './shell/stores.ts';
import { Tabs } from './shell/Tabs.tsx';
import { useApplyPreferences } from './shell/use-preferences.ts';
import { useCompanion } from './store/store-context.tsx';

export function App() {
  const { t } = useTranslation();
  useApplyPreferences();
  // Notification clicks and tray items open the companion on their section.
  useNavigateRequests();
  const sessionStore = session.useStore();
  useEffect(() => sessionStore.getState().start(), [sessionStore]);
  const sessionState = session.use((state) => state.view?.state);
  const signedIn = sessionState === 'signed-in';
  // Once signed in, the referral (and the app info behind the demo badge) loads whichever section is open.
  const start = useCompanion((state) => state.start);
  useEffect(() => (signedIn ? start() : undefined), [start, signedIn]);
  const currentId = navigation.use((state) => state.current);
  const select = navigation.use((state) => state.select);
  const current = sections.find((section) => section.id === currentId) ?? sections[0];
  if (!current) return null;
  const { Component } = current;
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <DemoBadge />
        <AccountMenu />
      </header>
      <UpdateNotice />
      <nav>
        <Tabs sections={sections} current={current.id} onSelect={select} />
      </nav>
      <main
        role="tabpanel"
        id={`section-${current.id}`}
        data-testid={`section-${current.id}`}
        aria-labelledby={`tab-${current.id}`}
      >
        {signedIn || current.signedOut ? <Component /> : sessionState && <SignInScreen />}
      </main>
    </div>
  );
}
