// Hands the one CompanionStore to the component tree, so components never reach for a global.
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { CompanionState, CompanionStore } from './referral-store.ts';

const StoreContext = createContext<CompanionStore | null>(null);

export function CompanionStoreProvider({ store, children }: { store: CompanionStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

export function useCompanion<T>(selector: (state: CompanionState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useCompanion needs a CompanionStoreProvider above it.');
  return useStore(store, selector);
}
