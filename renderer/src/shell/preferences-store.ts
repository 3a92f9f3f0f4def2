// The settings the shell itself applies: the UI language and the theme. Loads them, follows
// settingsChanged, and saves changes made in the Settings section.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeApi, BridgeFailure } from '../../../shared/bridge.ts';
import type { Settings, SettingsPatch } from '../../../shared/settings.ts';
import { toBridgeFailure } from '../store/bridge-failure.ts';
import { firstPaintOf } from './bridge-context.tsx';

export interface PreferencesState {
  /** Null until the first answer. */
  settings: Settings | null;
  /** The last load or save failure, cleared by the next success. */
  error: BridgeFailure | null;
  start(): () => void;
  update(patch: SettingsPatch): Promise<void>;
}

export type PreferencesStore = StoreApi<PreferencesState>;

export function createPreferencesStore(bridge: BridgeApi): PreferencesStore {
  return createStore<PreferencesState>()((set) => {
    const show = (settings: Settings) => set({ settings, error: null });
    return {
      settings: firstPaintOf(bridge)?.settings ?? null,
      error: null,
      start() {
        const stop = bridge.on('settingsChanged', show);
        bridge.getSettings({}).then(show, (error: unknown) => set({ error: toBridgeFailure(error) }));
        return stop;
      },
      async update(patch) {
        try {
          show(await bridge.updateSettings(patch));
        } catch (error) {
          set({ error: toBridgeFailure(error) });
        }
      },
    };
  });
}
