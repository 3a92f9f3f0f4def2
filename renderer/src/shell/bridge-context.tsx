// Hands the bridge and the i18n instance to the tree. Feature stores are created from the bridge
// on first use (featureStore), so a new section needs no provider of its own.
import type { i18n } from 'i18next';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { BridgeApi } from '../../../shared/bridge.ts';
import type { FirstPaint } from '../../../shared/first-paint.ts';
import { createI18n } from '../i18n/i18n.ts';

const BridgeContext = createContext<BridgeApi | null>(null);

export function AppProviders({
  bridge,
  i18n,
  children,
}: {
  bridge: BridgeApi;
  /** Default: English, as tests expect; main.tsx passes one in the system's language. */
  i18n?: i18n;
  children: ReactNode;
}) {
  const [instance] = useState(() => i18n ?? createI18n('en'));
  return (
    <BridgeContext value={bridge}>
      <I18nextProvider i18n={instance}>{children}</I18nextProvider>
    </BridgeContext>
  );
}

export function useBridge(): BridgeApi {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge needs AppProviders above it.');
  return bridge;
}

const firstPaints = new WeakMap<BridgeApi, FirstPaint>();

/**
 * The state the page was pre-rendered with (shared/first-paint.ts): the stores created for this
 * bridge start from it, so the first render draws what the pre-rendered page already shows.
 */
export function seedFirstPaint(bridge: BridgeApi, state: FirstPaint): void {
  firstPaints.set(bridge, state);
}

export function firstPaintOf(bridge: BridgeApi): FirstPaint | undefined {
  return firstPaints.get(bridge);
}

export interface FeatureStore<S> {
  /** Selects from this feature's store, creating it for the current bridge on first use. */
  use<T>(selector: (state: S) => T): T;
  /** The store itself (e.g. to start it in an effect). */
  useStore(): StoreApi<S>;
  /** The store for a given bridge, outside React (tests). */
  for(bridge: BridgeApi): StoreApi<S>;
}

/** One store per bridge for a feature; it outlives its section's component (tab switches keep state). */
export function featureStore<S>(create: (bridge: BridgeApi) => StoreApi<S>): FeatureStore<S> {
  const stores = new WeakMap<BridgeApi, StoreApi<S>>();
  const storeFor = (bridge: BridgeApi) => {
    let store = stores.get(bridge);
    if (!store) {
      store = create(bridge);
      stores.set(bridge, store);
    }
    return store;
  };
  return {
    use: <T,>(selector: (state: S) => T) => useStore(storeFor(useBridge()), selector),
    useStore: () => storeFor(useBridge()),
    for: storeFor,
  };
}
