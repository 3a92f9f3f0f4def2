// A store for a view core serves and announces (getPayouts + payoutsChanged, getLicenses +
// licensesChanged): loads it, follows the event, and reloads when the window regains focus, so a
// status changed elsewhere shows without polling from the page.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeFailure } from '../../../shared/bridge.ts';
import { toBridgeFailure } from '../store/bridge-failure.ts';

export interface ViewState<V> {
  /** Null until the first answer. */
  view: V | null;
  /** The last load failure, cleared by the next success. */
  error: BridgeFailure | null;
  loading: boolean;
  start(): () => void;
  load(): Promise<void>;
  /** Shows a view answered by another call (e.g. dismissOffer). */
  show(view: V): void;
}

export function createViewStore<V>(options: {
  load: () => Promise<V>;
  subscribe: (listener: (view: V) => void) => () => void;
  /** Where focus events come from; absent outside a browser. */
  focusTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined;
}): StoreApi<ViewState<V>> {
  return createStore<ViewState<V>>()((set, get) => ({
    view: null,
    error: null,
    loading: false,
    show: (view) => set({ view, error: null }),
    async load() {
      set({ loading: true });
      try {
        set({ view: await options.load(), error: null, loading: false });
      } catch (error) {
        set({ error: toBridgeFailure(error), loading: false });
      }
    },
    start() {
      const stop = options.subscribe((view) => get().show(view));
      const onFocus = () => void get().load();
      options.focusTarget?.addEventListener('focus', onFocus);
      void get().load();
      return () => {
        stop();
        options.focusTarget?.removeEventListener('focus', onFocus);
      };
    },
  }));
}
