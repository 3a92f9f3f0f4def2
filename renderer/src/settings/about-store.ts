// Settings → About and the update notice: diagnostics from core, the update status (kept current
// from updateStatusChanged), copying the diagnostics and opening the logs folder.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Diagnostics, UpdateStatus } from '../../../shared/bridge/about.ts';
import type { BridgeApi, BridgeFailure } from '../../../shared/bridge.ts';
import { toBridgeFailure } from '../store/bridge-failure.ts';

export interface AboutState {
  diagnostics: Diagnostics | null;
  update: UpdateStatus | null;
  error: BridgeFailure | null;
  copy: 'idle' | 'copied' | 'failed';
  /** Set when the shell could not open the logs folder (the browser shell): show where it is. */
  logsPathShown: boolean;
  /** Subscribes to update status changes; answers the unsubscribe. */
  start(): () => void;
  /** Reads the diagnostics afresh (About opens, or before copying). */
  load(): Promise<Diagnostics | null>;
  copyDiagnostics(): Promise<void>;
  openLogsFolder(): Promise<void>;
  restart(): Promise<void>;
  later(): Promise<void>;
}

export function createAboutStore(bridge: BridgeApi): StoreApi<AboutState> {
  return createStore<AboutState>()((set, get) => {
    const fail = (error: unknown) => set({ error: toBridgeFailure(error) });
    return {
      diagnostics: null,
      update: null,
      error: null,
      copy: 'idle',
      logsPathShown: false,
      start() {
        const off = bridge.on('updateStatusChanged', (update) => set({ update }));
        bridge.getUpdateStatus({}).then((update) => set({ update }), fail);
        return off;
      },
      async load() {
        try {
          const diagnostics = await bridge.getDiagnostics({});
          set({ diagnostics, update: diagnostics.update, error: null });
          return diagnostics;
        } catch (error) {
          fail(error);
          return null;
        }
      },
      async copyDiagnostics() {
        // Fresh: the log lines of this moment, not of when About opened.
        const diagnostics = await get().load();
        if (!diagnostics) return set({ copy: 'failed' });
        try {
          await bridge.copyText({ text: diagnostics.text });
          set({ copy: 'copied' });
        } catch {
          set({ copy: 'failed' });
        }
      },
      async openLogsFolder() {
        try {
          const { opened } = await bridge.openLogsFolder({});
          set({ logsPathShown: !opened });
        } catch {
          set({ logsPathShown: true });
        }
      },
      async restart() {
        try {
          await bridge.restartToUpdate({});
        } catch (error) {
          fail(error);
        }
      },
      async later() {
        try {
          set({ update: await bridge.postponeUpdate({}) });
        } catch (error) {
          fail(error);
        }
      },
    };
  });
}
