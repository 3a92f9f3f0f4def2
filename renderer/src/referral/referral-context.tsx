// Hands the one ReferralStore to the component tree, so components never reach for a global.
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { ReferralStore, ReferralStoreState } from './referral-store.ts';

const ReferralContext = createContext<ReferralStore | null>(null);

export function ReferralStoreProvider({ store, children }: { store: ReferralStore; children: ReactNode }) {
  return <ReferralContext value={store}>{children}</ReferralContext>;
}

export function useReferral<T>(selector: (state: ReferralStoreState) => T): T {
  const store = useContext(ReferralContext);
  if (!store) throw new Error('useReferral needs a ReferralStoreProvider above it.');
  return useStore(store, selector);
}
