// The companion's brain, assembled once and hosted by either shell (Electron main or the
// browser shell). Everything a shell needs from core comes out of startCompanion().
import type { AppInfo, CoreHandlers } from '../../shared/bridge.ts';
import { createAccountsClient } from './accounts-client.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { createReferralService } from './referral-service.ts';
import { createSettingsService } from './settings/settings-service.ts';
import type { SettingsStorage } from './settings/settings-storage.ts';

export interface DemoSandbox {
  url: string;
  close(): Promise<void>;
}

export interface CompanionOptions {
  /** The accounts API base URL. Absent: demo mode on the embedded sandbox. */
  accountsUrl?: string | undefined;
  version: string;
  shell: AppInfo['shell'];
  /** Starts the embedded sandbox for demo mode (injected so tests and shells choose where it lives). */
  startDemoSandbox: () => Promise<DemoSandbox>;
  /** Where the user's settings live (openSettingsFile in the shell's data directory). */
  settings: SettingsStorage;
  fetch?: typeof fetch;
}

export interface Companion {
  readonly info: AppInfo;
  readonly handlers: CoreHandlers;
  readonly events: EventHub;
  close(): Promise<void>;
}

export async function startCompanion(options: CompanionOptions): Promise<Companion> {
  const configured = options.accountsUrl?.trim();
  const demo = configured ? undefined : await options.startDemoSandbox();
  const accountsUrl = configured ? new URL(configured).toString() : (demo as DemoSandbox).url;

  const events = createEventHub();
  const accounts = createAccountsClient({
    baseUrl: accountsUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const referral = createReferralService(accounts, events);
  const settings = createSettingsService(options.settings, events);
  const info: AppInfo = {
    version: options.version,
    mode: demo ? 'demo' : 'custom',
    accountsUrl,
    shell: options.shell,
  };

  const handlers = {
    getAppInfo: async () => info,
    getReferral: async () => referral.get(),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
  } satisfies CoreHandlers;

  return {
    info,
    handlers,
    events,
    async close() {
      await demo?.close();
    },
  };
}
