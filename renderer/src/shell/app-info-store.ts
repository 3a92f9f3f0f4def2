// The app's info (version, mode, shell) that the shell draws from: the demo badge, the welcome
// before a mode is chosen, link mode's sections. Read once, then followed: a change of mode
// (welcome, Settings) is announced as appInfoChanged, so it needs no reload.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, BridgeApi } from '../../../shared/bridge.ts';
import { firstPaintOf } from './bridge-context.tsx';

export interface AppInfoState {
  /** Null until the bridge has answered (or the first paint brought it); the demo badge waits for it. */
  appInfo: AppInfo | null;
  /** Reads the app info and follows appInfoChanged; returns a function that stops. */
  watch(): () => void;
}

export type AppInfoStore = StoreApi<AppInfoState>;

export function createAppInfoStore(bridge: BridgeApi): AppInfoStore {
  return createStore<AppInfoState>()((set) => ({
    appInfo: firstPaintOf(bridge)?.appInfo ?? null,
    watch() {
      // An answer that arrives after a change was announced is older than what it would overwrite.
      let changed = false;
      const stop = bridge.on('appInfoChanged', (appInfo) => {
        changed = true;
        set({ appInfo });
      });
      bridge.getAppInfo({}).then(
        (appInfo) => {
          if (!changed) set({ appInfo });
        },
        // Only what the shell draws from it waits; the sections report any connectivity problem.
        () => {},
      );
      return stop;
    },
  }));
}
