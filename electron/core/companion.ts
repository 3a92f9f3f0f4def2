// The companion's brain, assembled once and hosted by either shell (Electron main or the
// browser shell). Everything a shell needs from core comes out of startCompanion().
import type { AppInfo, CoreHandlers } from '../../shared/bridge.ts';
import type { FirstPaint } from '../../shared/first-paint.ts';
import { createAccountsClient } from './accounts-client.ts';
import { createEarningsApi } from './earnings/earnings-api.ts';
import { createEarningsService } from './earnings/earnings-service.ts';
import { createEarningsHandlers } from './earnings/handlers.ts';
import { createMemoryEarningsCache, type EarningsCacheStorage } from './earnings/snapshot-cache.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { createLiveFeatures, type LiveFeatures } from './live/live-features.ts';
import type { LiveTiming } from './live/live-service.ts';
import type { NotificationSink } from './notifications/notification-service.ts';
import { createMemoryNotificationStateStore, type NotificationStateStore } from './notifications/state.ts';
import { createMemoryRequestsStorage, type RequestKind, type RequestsStorage } from './payouts/outbox.ts';
import { createRequestsModule } from './payouts/requests-module.ts';
import { createMemoryReferralCache, type ReferralCacheStorage } from './referral-cache.ts';
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
  /**
   * The system's preferred languages, when the shell knows them before any page (Electron:
   * app.getPreferredSystemLanguages). Core words notifications and the tray in the UI's language;
   * this list only decides it for a "system" setting until the UI reports what it resolved.
   */
  systemLanguages?: readonly string[];
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
  /** How long the first notice of a burst waits for the rest before one summary (default 400 ms). */
  notificationBurstMs?: number;
  /** What was notified and the event stream position (openNotificationStateFile); default: memory. */
  notificationState?: NotificationStateStore;
  /** Native notifications (Electron); the browser shell's page shows the `notification` event. */
  notificationSink?: NotificationSink;
  /** Reconnect/poll timing of the live updates (tests). */
  liveTiming?: Partial<LiveTiming>;
  /** The payout/credit outbox (openRequestsFile in the shell's data directory); default: memory. */
  requests?: RequestsStorage;
  /** The dashboard's snapshot cache (openEarningsCacheFile in the shell's data directory); default: memory. */
  earningsCache?: EarningsCacheStorage;
  /** The last referral read (openReferralCacheFile in the shell's data directory); default: memory. */
  referralCache?: ReferralCacheStorage;
  /**
   * TEST ONLY (demo mode): called between the server's answer to a payout/credit request and the
   * recorded acknowledgement; the browser shell exits there for COMPANION_TEST_CRASH_AFTER_SEND.
   */
  afterRequestSent?: (kind: RequestKind) => void;
}

export interface Companion {
  readonly info: AppInfo;
  readonly handlers: CoreHandlers;
  readonly events: EventHub;
  /** Live updates, notifications and the tray model (the Electron glue draws the tray from it). */
  readonly live: LiveFeatures;
  /**
   * What the UI shows first, from what core holds (no network): the shells pre-render the page
   * from it. `systemLanguages`: the OS's or the browser's preferred languages.
   */
  firstPaint(systemLanguages: readonly string[]): FirstPaint;
  close(): Promise<void>;
}

export async function startCompanion(options: CompanionOptions): Promise<Companion> {
  // An explicit URL (environment, command line) wins over the setting; neither: demo mode.
  const configured = options.accountsUrl?.trim() || options.settings.read().accountsUrl || undefined;
  const demo = configured ? undefined : await options.startDemoSandbox();
  const accountsUrl = configured ? new URL(configured).toString() : (demo as DemoSandbox).url;

  const events = createEventHub();
  const demoScope = options.demoScope ?? 'default';
  const { session, auth } = createCompanionSession({
    accountsUrl,
    demoScope: demo ? demoScope : undefined,
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
  // Whose data it is: the server and the account (a cache of another owner is never shown).
  const owner = () => `${demo ? `demo:${demoScope}` : accountsUrl}|${session.view().email ?? ''}`;
  const referral = createReferralService(accounts, events, {
    cache: options.referralCache ?? createMemoryReferralCache(),
    owner,
  });
  const settings = createSettingsService(options.settings, events);
  const info: AppInfo = {
    version: options.version,
    mode: demo ? 'demo' : 'custom',
    accountsUrl,
    shell: options.shell,
  };

  const requests = createRequestsModule({
    accounts,
    events,
    storage: options.requests ?? createMemoryRequestsStorage(),
    settings: () => settings.get(),
    // Requests are resent only for the account (on the server) that filed them.
    owner,
    active: () => session.view().state === 'signed-in',
    ...(demo && options.afterRequestSent ? { afterSend: options.afterRequestSent } : {}),
  });

  const earningsApi = createEarningsApi(accounts);
  const earnings = createEarningsService({
    api: earningsApi,
    events,
    cache: options.earningsCache ?? createMemoryEarningsCache(),
    owner,
  });

  const live = createLiveFeatures({
    accountsUrl,
    scope: demo ? `demo:${options.demoScope ?? 'default'}` : accountsUrl,
    accounts,
    auth,
    events,
    session,
    settings: () => settings.get(),
    referralLink: async () => (await referral.get()).link,
    store: options.notificationState ?? createMemoryNotificationStateStore(),
    sink: options.notificationSink,
    burstMs: options.notificationBurstMs,
    systemLanguages: options.systemLanguages,
    fetch: options.fetch,
    timing: options.liveTiming,
    refreshData: () => {
      void earnings.refresh();
      // Payout status and credit events: the lists update live, and unacknowledged requests retry.
      void requests.reconcile();
    },
  });

  const handlers = {
    ...live.handlers,
    ...requests.handlers,
    ...createEarningsHandlers(earnings, earningsApi),
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
  live.start();
  // Requests the last run left unacknowledged are resent with their keys, in the background.
  void requests.reconcile();
  return {
    info,
    handlers,
    events,
    live,
    firstPaint(systemLanguages) {
      const sessionView = session.view();
      return {
        appInfo: info,
        session: sessionView,
        settings: settings.get(),
        earnings: sessionView.state === 'signed-in' ? earnings.view() : null,
        referral: sessionView.state === 'signed-in' ? referral.cached() : null,
        systemLanguages: systemLanguages.slice(0, 20),
      };
    },
    async close() {
      await live.close();
      requests.close();
      await session.close();
      await demo?.close();
    },
  };
}
