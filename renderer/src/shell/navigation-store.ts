// Which section is on screen. A zustand slice, no router: the window is one compact page. Ids are
// plain strings so any feature can ask for another section (e.g. Earnings → Payouts) without
// importing the registry; the shell shows the first section for an id it does not know.
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface NavigationState {
  current: string;
  select(id: string): void;
}

/** `remember` keeps the user's choice for the next start (the companion opens where it was left). */
export function createNavigationStore(
  initial: string,
  remember: (id: string) => void = () => {},
): StoreApi<NavigationState> {
  return createStore<NavigationState>()((set, get) => ({
    current: initial,
    select: (id) => {
      if (id === get().current) return;
      set({ current: id });
      remember(id);
    },
  }));
}
