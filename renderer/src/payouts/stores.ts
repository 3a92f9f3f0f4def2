// The payouts and licenses feature stores (one per bridge, outliving the sections).
import type { LicensesView, PayoutsView } from '../../../shared/bridge/payouts.ts';
import { featureStore } from '../shell/bridge-context.tsx';
import { createViewStore } from './view-store.ts';

const focusTarget = typeof window === 'undefined' ? undefined : window;

export const payoutsStore = featureStore((bridge) =>
  createViewStore<PayoutsView>({
    load: () => bridge.getPayouts({}),
    subscribe: (listener) => bridge.on('payoutsChanged', listener),
    focusTarget,
  }),
);

export const licensesStore = featureStore((bridge) =>
  createViewStore<LicensesView>({
    load: () => bridge.getLicenses({}),
    subscribe: (listener) => bridge.on('licensesChanged', listener),
    focusTarget,
  }),
);
