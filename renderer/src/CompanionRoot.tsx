// The whole UI on a bridge: providers, the stores created for it, and the app. The page renders
// it (main.tsx) and so does the shells' pre-rendering (first-paint/render-first-paint.tsx), so the
// pre-rendered page is the same tree the app draws.
import type { i18n } from 'i18next';
import { useState } from 'react';
import type { BridgeApi } from '../../shared/bridge.ts';
import { App } from './App.tsx';
import { ReferralStoreProvider } from './referral/referral-context.tsx';
import { createReferralStore } from './referral/referral-store.ts';
import { ShareStoreProvider } from './referral/share/share-context.tsx';
import { createShareStore } from './referral/share/share-store.ts';
import { AppProviders } from './shell/bridge-context.tsx';

/** `i18n` defaults to English (AppProviders), as the unit tests expect. */
export function CompanionRoot({ bridge, i18n }: { bridge: BridgeApi; i18n?: i18n }) {
  const [referralStore] = useState(() => createReferralStore(bridge));
  const [shareStore] = useState(() => createShareStore(bridge));
  return (
    <AppProviders bridge={bridge} i18n={i18n}>
      <ReferralStoreProvider store={referralStore}>
        <ShareStoreProvider store={shareStore}>
          <App />
        </ShareStoreProvider>
      </ReferralStoreProvider>
    </AppProviders>
  );
}
