// The About side of the fake bridge (diagnostics, updates, logs folder): state a test can set and
// the updateStatusChanged event, answering like core and the shells do.
import type { Diagnostics, UpdateStatus } from '../../../shared/bridge/about.ts';
import type { BridgeApi, EventName } from '../../../shared/bridge.ts';

type AboutMethods = Pick<
  BridgeApi,
  'getDiagnostics' | 'getUpdateStatus' | 'restartToUpdate' | 'postponeUpdate' | 'openLogsFolder'
>;

export function isAboutEvent(event: EventName): event is 'updateStatusChanged' {
  return event === 'updateStatusChanged';
}

export const demoDiagnostics: Diagnostics = {
  version: '0.1.0',
  shell: 'browser',
  mode: 'demo',
  host: null,
  os: 'Linux 6.1.0 (x64)',
  language: { setting: 'system', system: 'en' },
  connection: 'push',
  lastSync: '2026-11-21T06:00:00.000Z',
  pendingRequests: 1,
  update: { state: 'unsupported', version: null, lastCheck: null, notice: false },
  logsDir: '/home/demo/.local/share/referral-companion/logs',
  logLines: ['2026-11-21T06:00:00.000Z INFO [session] signed in as d…@example.com'],
  text: 'Referral Companion for Quantower — diagnostics\nversion: 0.1.0\n',
};

export class FakeAbout {
  diagnostics: Diagnostics = demoDiagnostics;
  update: UpdateStatus = demoDiagnostics.update;
  /** Whether "Open logs folder" opens it (Electron) or not (browser shell). */
  opensFolder = false;
  readonly calls: string[] = [];
  private readonly listeners = new Set<(status: UpdateStatus) => void>();

  readonly methods: AboutMethods = {
    getDiagnostics: async () => {
      this.calls.push('getDiagnostics');
      return { ...this.diagnostics, update: this.update };
    },
    getUpdateStatus: async () => this.update,
    restartToUpdate: async () => {
      this.calls.push('restartToUpdate');
      return { restarting: this.update.state === 'ready' };
    },
    postponeUpdate: async () => {
      this.calls.push('postponeUpdate');
      this.emit({ ...this.update, notice: false });
      return this.update;
    },
    openLogsFolder: async () => {
      this.calls.push('openLogsFolder');
      return { opened: this.opensFolder };
    },
  };

  on(_event: 'updateStatusChanged', listener: (status: UpdateStatus) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(status: UpdateStatus): void {
    this.update = status;
    for (const listener of this.listeners) listener(status);
  }
}
