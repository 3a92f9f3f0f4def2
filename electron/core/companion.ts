// The companion's brain, assembled once and hosted by either shell (Electron main or the
// browser shell). Everything a shell needs from core comes out of startCompanion().

import { arch, type as osType, release } from 'node:os';
import type { AppInfo, CoreHandlers } from '../../shared/bridge.ts';
import type { FirstPaint } from '../../shared/first-paint.ts';
import { createAccountsClient } from './accounts-client.ts';
import { collectDiagnostics, type LogSource } from './diagnostics.ts';
import { createEarningsApi } from './earnings/earnings-api.ts';
import { createEarningsService } from './earnings/earnings-service.ts';
import { createEarningsHandlers } from './earnings/handlers.ts';
import { createMemoryEarningsCache, type EarningsCacheStorage } from './earnings/snapshot-cache.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { createLiveFeatures, type LiveFeatures, systemLanguage } from './live/live-features.ts';
import type { LiveTiming } from './live/live-service.ts';
import { createConsoleLogger, type Logger } from './logging/logger.ts';
import type { NotificationSink } from './notifications/notification-service.ts';
import { silence } from './notifications/policy.ts';
import { createMemoryNotificationStateStore, type NotificationStateStore } from './notifications/state.ts';
import { createMemoryRequestsStorage, type RequestKind, type RequestsStorage } from './payouts/outbox.ts';
import { createRequestsModule } from './payouts/requests-module.ts';
import { createMemoryReferralCache, type ReferralCacheStorage } from './referral-cache.ts';
import { createReferralService } from './referral-service.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import { createCompanionSession } from './session/companion-session.ts';
import { createSettingsService } from './settings/settings-service.ts';
import type { SettingsStorage } from './settings/settings-storage.ts';
import {
  createUpdateService,
  UNSUPPORTED_UPDATES,
  type Updater,
  type UpdateService,
  type UpdateTimers,
} from './updates/update-service.ts';

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
  /** Where every module logs, each under its own scope (default: the console, scrubbed). */
  logger?: Logger;
  /** The log file's folder and tail, for Settings → About's diagnostics. */
  logs?: LogSource;
  /** The Electron shell's updater (electron/main/updater.ts); absent: updates are unsupported. */
  updater?: Updater;
  /** The update checks' clock and timers (tests). */
  updateClock?: { now: () => number; timers: UpdateTimers };
}

export interface Companion {
  readonly info: AppInfo;
  readonly handlers: CoreHandlers;
  readonly events: EventHub;
  /** Live updates, notifications and the tray model (the Electron glue draws the tray from it). */
  readonly live: LiveFeatures;
  /** Updates, when the shell has an updater. */
  readonly updates: UpdateService | undefined;
  readonly logger: Logger;
  /**
   * What the UI shows first, from what core holds (no network): the shells pre-render the page
   * from it. `systemLanguages`: the OS's or the browser's preferred languages.
   */
  firstPaint(systemLanguages: readonly string[]): FirstPaint;
  close(): Promise<void>;
}

export async function startCompanion(options: CompanionOptions): Promise<Companion> {
  // An explicit URL (environment, command line) wins over the setting; neither: demo mode.
  const logger = options.logger ?? createConsoleLogger('warn');
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
    logger: logger.scope('session'),
  });
  const accounts = createAccountsClient({
    baseUrl: accountsUrl,
    auth,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    logger: logger.scope('accounts'),
  });
  // Whose data it is: the server and the account (a cache of another owner is never shown).
  const owner = () => `${demo ? `demo:${demoScope}` : accountsUrl}|${session.view().email ?? ''}`;
  const referral = createReferralService(accounts, events, {
    cache: options.referralCache ?? createMemoryReferralCache(),
    owner,
    log: logger.scope('referral').warn,
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
    log: logger.scope('payouts').warn,
    logger: logger.scope('payouts'),
  });

  const earningsApi = createEarningsApi(accounts);
  const earnings = createEarningsService({
    api: earningsApi,
    events,
    cache: options.earningsCache ?? createMemoryEarningsCache(),
    owner,
    log: logger.scope('earnings').warn,
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
    fetch: options.fetch,
    timing: options.liveTiming,
    refreshData: () => {
      void earnings.refresh();
      // Payout status and credit events: the lists update live, and unacknowledged requests retry.
      void requests.reconcile();
    },
    log: logger.scope('live').warn,
  });

  const updates = options.updater
    ? createUpdateService({
        updater: options.updater,
        events,
        logger: logger.scope('updates'),
        enabled: () => settings.get().updates.enabled,
        // The notice follows notifications' holds: "I'm trading", a pause, quiet hours.
        silenced: () => {
          const pause = live.notifications.pause();
          const at = options.updateClock?.now() ?? Date.now();
          const local = new Date(at);
          return (
            silence({
              settings: settings.get().notifications,
              pause: {
                pausedUntil: pause.pausedUntil ? Date.parse(pause.pausedUntil) : null,
                trading: pause.trading,
              },
              now: at,
              localMinutes: local.getHours() * 60 + local.getMinutes(),
            }) !== undefined
          );
        },
        ...(options.updateClock ?? {}),
      })
    : undefined;
  const stopWatchingHolds = events.subscribe((message) => {
    if (message.event === 'settingsChanged' || message.event === 'notificationPauseChanged')
      updates?.reconsider();
  });
  const updateStatus = () => updates?.status() ?? UNSUPPORTED_UPDATES;

  const diagnostics = () => {
    const current = settings.get();
    const mode = current.mode ?? (demo ? 'demo' : 'server');
    const pending = (['payout', 'credit'] as const).reduce(
      (sum, kind) =>
        sum + requests.outbox.items(kind, owner()).filter((item) => item.state === 'sending').length,
      0,
    );
    return collectDiagnostics(
      {
        version: info.version,
        shell: info.shell,
        mode,
        host: mode === 'server' ? new URL(accountsUrl).host : null,
        os: `${osType()} ${release()} (${arch()})`,
        language: { setting: current.ui.language, system: systemLanguage() },
        connection: live.live.status().connection,
        lastSync: earnings.view().snapshot?.fetchedAt ?? null,
        pendingRequests: pending,
        update: updateStatus(),
      },
      options.logs,
    );
  };

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
    getDiagnostics: diagnostics,
    getUpdateStatus: async () => updateStatus(),
    restartToUpdate: async () => updates?.restartNow() ?? { restarting: false },
    postponeUpdate: async () => updates?.later() ?? UNSUPPORTED_UPDATES,
  } satisfies CoreHandlers;

  // A sign-in kept from the last run: signed in at once, refreshed on the first call.
  await session.restore();
  live.start();
  updates?.start();
  logger.info(`started ${info.version} (${info.shell}, ${info.mode})`);
  // Requests the last run left unacknowledged are resent with their keys, in the background.
  void requests.reconcile();
  return {
    info,
    handlers,
    events,
    live,
    updates,
    logger,
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
      stopWatchingHolds();
      updates?.close();
      await live.close();
      requests.close();
      await session.close();
      await demo?.close();
    },
  };
}
