// A notification click or a tray item asks core to open the companion on something (the `navigate`
// bridge event): select the section that shows it.
import { useEffect } from 'react';
import type { NavigationTarget } from '../../../shared/bridge/live.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { navigation } from '../shell/stores.ts';
import { qrRequest } from './qr-request.ts';

/** Core's sections → the renderer's section ids (shell/sections.ts): the same names but `qr` and `terms`. */
const SECTION_FOR: Record<NavigationTarget['section'], string> = {
  referral: 'referral',
  qr: 'referral',
  earnings: 'earnings',
  referrals: 'referrals',
  payouts: 'payouts',
  licenses: 'licenses',
  terms: 'earnings',
  settings: 'settings',
};

/** A single commission opens in the history list; a summary on the dashboard. */
export function sectionFor(target: NavigationTarget): string {
  return target.section === 'earnings' && target.itemId ? 'history' : SECTION_FOR[target.section];
}

export function useNavigateRequests(): void {
  const bridge = useBridge();
  const select = navigation.use((state) => state.select);
  const qr = qrRequest.useStore();
  useEffect(
    () =>
      bridge.on('navigate', (target) => {
        if (target.section === 'qr') qr.getState().request();
        select(sectionFor(target));
      }),
    [bridge, select, qr],
  );
}
