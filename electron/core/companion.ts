// The companion's brain, assembled once and hosted by either shell (Electron main or the
// browser shell). Everything a shell needs from core comes out of startCompanion().
import type { AppInfo, CoreHandlers } from '../../shared/bridge.ts';
import { createAccountsClient } from './accounts-client.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { createReferralService } from './referral-service.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import { createCompanionSession } from './session/companion-session.ts';
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
  /** Where the sign-in is kept between runs (keychain, safeStorage); default: memory only. */
  secrets?: SecretStore;
  /** Demo mode: which embedded sandbox the kept sign-in belongs to (e.g. its data directory). */
  demoScope?: string;
  /** How long a sign-in waits for the browser (default 5 minutes). */
  signInTimeoutMs?: number;
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
  const { session, auth } = createCompanionSession({
    accountsUrl,
    demoScope: demo ? (options.demoScope ?? 'default') : undefined,
    store: options.secrets,
    events,
    loadProfile: () => accounts.getProfile(),
    fetch: options.fetch,
    signInTimeoutMs: options.signInTimeoutMs,
  });
  const accounts = createAccountsClient({
    baseUrl: accountsUrl,
    auth,
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
    getSession: async () => session.view(),
    signIn: async () => session.signIn(),
    cancelSignIn: async () => session.cancelSignIn(),
    signOut: async () => session.signOut(),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
  } satisfies CoreHandlers;

  // A sign-in kept from the last run: signed in at once, refreshed on the first call.
  await session.restore();
  return {
    info,
    handlers,
    events,
    async close() {
      await session.close();
      await demo?.close();
    },
  };
}
