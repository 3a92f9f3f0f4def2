// Hands the one ShareStore to the share components, like referral-context.tsx does for the referral store.
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { ShareState, ShareStore } from './share-store.ts';

const ShareContext = createContext<ShareStore | null>(null);

export function ShareStoreProvider({ store, children }: { store: ShareStore; children: ReactNode }) {
  return <ShareContext value={store}>{children}</ShareContext>;
}

export function useShare<T>(selector: (state: ShareState) => T): T {
  const store = useContext(ShareContext);
  if (!store) throw new Error('useShare needs a ShareStoreProvider above it.');
  return useStore(store, selector);
}
