// The companion's brain, assembled once and hosted by either shell (Electron main or the
// browser shell). Everything a shell needs from core comes out of startCompanion().

import { arch, type as osType, release } from 'node:os';
import {
  type AppInfo,
  BridgeError,
  bridgeMethods,
  type CoreHandlers,
  type MethodName,
} from '../../shared/bridge.ts';
import type { FirstPaint } from '../../shared/first-paint.ts';
import type { CompanionMode, Settings } from '../../shared/settings.ts';
import { createAccountsClient } from './accounts-client.ts';
import { collectDiagnostics, type LogSource } from './diagnostics.ts';
import { createEarningsApi } from './earnings/earnings-api.ts';
import { createEarningsService } from './earnings/earnings-service.ts';
import { createEarningsHandlers } from './earnings/handlers.ts';
import { createMemoryEarningsCache, type EarningsCacheStorage } from './earnings/snapshot-cache.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { createLinkRuntime, type ModeRuntime } from './link-mode.ts';
import { coreLanguage, createLiveFeatures } from './live/live-features.ts';
import type { LiveService, LiveTiming } from './live/live-service.ts';
import { createConsoleLogger, type Logger } from './logging/logger.ts';
import type { NotificationSink } from './notifications/notification-service.ts';
import { silence } from './notifications/policy.ts';
import { createMemoryNotificationStateStore, type NotificationStateStore } from './notifications/state.ts';
import type { CoreLanguage } from './notifications/text.ts';
import { createMemoryRequestsStorage, type RequestKind, type RequestsStorage } from './payouts/outbox.ts';
import { createPayoutAndCreditRequests } from './payouts/payout-and-credit-requests.ts';
import { createMemoryReferralCache, type ReferralCacheStorage } from './referral-cache.ts';
import { createReferralService } from './referral-service.ts';
import type { SecretStore } from './secrets/secret-store.ts';
import { createCompanionSession } from './session/companion-session.ts';
import { createSettingsService, type SettingsService } from './settings/settings-service.ts';
import type { SettingsStorage } from './settings/settings-storage.ts';
import {
  createMemorySupportJournal,
  createSupportJournal,
  type SupportJournalStorage,
} from './support-journal/journal.ts';
import type { TrayPort, TrayService } from './tray/tray-service.ts';
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
  /** The accounts API base URL (environment, command line): implies server mode. */
  accountsUrl?: string | undefined;
  /** The mode asked for on the command line (`--mode`): skips the welcome (issue 13). */
  mode?: CompanionMode | undefined;
  version: string;
  shell: AppInfo['shell'];
  /** This run can register start at login (core/login/autostart.ts, loginItemMechanism). */
  startAtLogin?: boolean;
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
  /** Requests sent to support (openSupportJournalFile in the shell's data directory); default: memory. */
  supportJournal?: SupportJournalStorage;
  /** The clock of the support journal (its dates and reminders); default: the system clock. */
  now?: () => Date;
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
  /** The running mode's app info (it changes when the user picks another mode). */
  readonly info: AppInfo;
  readonly handlers: CoreHandlers;
  readonly events: EventHub;
  /**
   * Live updates and the tray model of whichever mode runs (the Electron glue draws the tray from
   * it and feeds it the system's signals); they follow a change of mode by themselves.
   */
  readonly live: { readonly live: LiveService; readonly tray: TrayService };
  /** Updates, when the shell has an updater. */
  readonly updates: UpdateService | undefined;
  /** The UI's language, which core words the OS's notifications, the tray and its own dialogs in. */
  language(): CoreLanguage;
  readonly logger: Logger;
  /**
   * What the UI shows first, from what core holds (no network): the shells pre-render the page
   * from it. `systemLanguages`: the OS's or the browser's preferred languages.
   */
  firstPaint(systemLanguages: readonly string[]): FirstPaint;
  close(): Promise<void>;
}

/**
 * The mode to start in: the command line's `--mode`, else server mode when an accounts URL is given
 * (environment, command line), else the saved choice (an accounts URL saved before modes existed
 * means server mode), else null: the welcome screen asks.
 */
export function startingMode(
  options: Pick<CompanionOptions, 'mode' | 'accountsUrl'>,
  saved: Settings,
): CompanionMode | null {
  if (options.mode) return options.mode;
  if (options.accountsUrl?.trim()) return 'server';
  return saved.mode ?? (saved.accountsUrl ? 'server' : null);
}

export async function startCompanion(options: CompanionOptions): Promise<Companion> {
  const logger = options.logger ?? createConsoleLogger('warn');
  const events = createEventHub();
  const settings = createSettingsService(options.settings, events);
  // The UI's language, which core also words the OS's notifications and the tray in: the setting,
  // or for "system" what the UI reported it resolved (reportUiLanguage), else the same rule over
  // the languages the shell gave. Kept here, so a change of mode keeps it.
  let reportedLanguage: CoreLanguage | null = null;
  const uiLanguage = () =>
    coreLanguage(settings.get().ui.language, reportedLanguage, options.systemLanguages ?? []);
  // Local only, in every mode (in link mode it is how requests reach support): requests sent to
  // support work whatever the accounts server does.
  const supportJournal = createSupportJournal({
    storage: options.supportJournal ?? createMemorySupportJournal(),
    events,
    ...(options.now ? { now: options.now } : {}),
  });
  // A reminder falls due with time alone: look hourly (no busy polling), announce only a change.
  const reminderTimer = setInterval(() => supportJournal.checkReminders(), 60 * 60 * 1000);
  reminderTimer.unref?.();
  const explicitUrl = options.accountsUrl?.trim() || undefined;
  const serverUrl = (saved: Settings) => explicitUrl ?? saved.accountsUrl ?? undefined;

  let mode = startingMode(options, settings.get());
  if (mode === 'server' && !serverUrl(settings.get())) {
    if (options.mode === 'server') {
      throw new Error(
        'Server mode needs an accounts URL: --accounts-url, COMPANION_ACCOUNTS_URL or Settings.',
      );
    }
    // A saved server mode whose address is gone: ask again rather than fail to start.
    mode = null;
  }
  const open = (next: CompanionMode | null): Promise<ModeRuntime> =>
    next === 'demo' || next === 'server'
      ? startAccountsRuntime(
          options,
          events,
          settings,
          next === 'server' ? serverUrl(settings.get()) : undefined,
          logger,
          uiLanguage,
        )
      : Promise.resolve(
          createLinkRuntime({
            mode: next ?? 'unchosen',
            version: options.version,
            shell: options.shell,
            events,
            settings: () => settings.get(),
            store: options.notificationState ?? sharedMemoryState,
            sink: options.notificationSink,
            startAtLogin: options.startAtLogin,
            language: uiLanguage,
          }),
        );
  const sharedMemoryState = createMemoryNotificationStateStore();
  let runtime = await open(mode);
  await runtime.start();
  logger.info(`started ${runtime.info.version} (${runtime.info.shell}, ${runtime.info.mode})`);

  // The shell's tray and system signals, kept here so they move to the next mode's runtime.
  let trayPort: TrayPort | undefined;
  let detachTray: (() => void) | undefined;
  let online: boolean | undefined;
  const tray: TrayService = {
    model: () => runtime.live.tray.model(),
    attach(port) {
      detachTray?.();
      trayPort = port;
      detachTray = runtime.live.tray.attach(port);
      return () => {
        detachTray?.();
        detachTray = undefined;
        trayPort = undefined;
      };
    },
    update: () => runtime.live.tray.update(),
    act: (action) => runtime.live.tray.act(action),
  };
  const live: LiveService = {
    start: () => runtime.live.live.start(),
    stop: () => runtime.live.live.stop(),
    status: () => runtime.live.live.status(),
    setOnline(value) {
      online = value;
      runtime.live.live.setOnline(value);
    },
    suspend: () => runtime.live.live.suspend(),
    resume: () => runtime.live.live.resume(),
    unlocked: () => runtime.live.live.unlocked(),
    sessionChanged: () => runtime.live.live.sessionChanged(),
  };

  // One change of mode at a time; the old mode is closed before the new one starts (the demo
  // sandbox, the sign-in and the live updates belong to one mode). What each mode keeps (the saved
  // link, the accounts URL, the demo database, the kept sign-in) stays where it is.
  let switching: Promise<unknown> = Promise.resolve();
  const switchTo = (next: CompanionMode): Promise<void> => {
    const run = switching.then(async () => {
      if (next === mode) return;
      detachTray?.();
      await runtime.close();
      const previous = mode;
      try {
        runtime = await open(next);
        mode = next;
      } catch (error) {
        runtime = await open(previous);
        throw error;
      } finally {
        await runtime.start();
        if (online !== undefined) runtime.live.live.setOnline(online);
        if (trayPort) detachTray = runtime.live.tray.attach(trayPort);
        events.emit('sessionChanged', runtime.sessionView());
        events.emit('appInfoChanged', runtime.info);
      }
    });
    switching = run.catch(() => undefined);
    return run;
  };

  // Every mode's method answered by whichever mode runs now (the transports hold this one object).
  const delegated = Object.fromEntries(
    (Object.keys(bridgeMethods) as MethodName[])
      .filter((name) => bridgeMethods[name].side === 'core')
      .map((name) => [
        name,
        (input: unknown) =>
          (runtime.handlers as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name]?.(
            input,
          ),
      ]),
  ) as unknown as ModeRuntime['handlers'];

  const updates = options.updater
    ? createUpdateService({
        updater: options.updater,
        events,
        logger: logger.scope('updates'),
        enabled: () => settings.get().updates.enabled,
        // The notice follows notifications' holds: "I'm trading", a pause, quiet hours.
        silenced: () => {
          const pause = runtime.notificationPause();
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

  const diagnostics = async () => {
    const current = settings.get();
    const info = runtime.info;
    const shown = info.mode === 'custom' ? 'server' : info.mode;
    return collectDiagnostics(
      {
        version: info.version,
        shell: info.shell,
        mode: shown,
        host: info.mode === 'custom' && info.accountsUrl ? new URL(info.accountsUrl).host : null,
        os: `${osType()} ${release()} (${arch()})`,
        language: { setting: current.ui.language, system: uiLanguage() },
        connection: runtime.live.live.status().connection,
        lastSync: runtime.firstPaintData().earnings?.snapshot?.fetchedAt ?? null,
        pendingRequests: runtime.pendingRequests(),
        update: updateStatus(),
      },
      options.logs,
    );
  };

  const handlers = {
    ...delegated,
    ...supportJournal.handlers,
    reportUiLanguage: async ({ language: shown }) => {
      reportedLanguage = shown;
      runtime.live.tray.update();
      return { language: uiLanguage() };
    },
    getDiagnostics: diagnostics,
    getUpdateStatus: async () => updateStatus(),
    restartToUpdate: async () => updates?.restartNow() ?? { restarting: false },
    postponeUpdate: async () => updates?.later() ?? UNSUPPORTED_UPDATES,
    getAppInfo: async () => runtime.info,
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      const next = patch.mode;
      const url = patch.accountsUrl === undefined ? settings.get().accountsUrl : patch.accountsUrl;
      if ((next ?? mode) === 'server' && !explicitUrl && !url) {
        throw new BridgeError({
          code: 'invalid-input',
          message: 'Server mode needs an accounts server address.',
          retryable: false,
        });
      }
      const before = settings.get();
      const saved = settings.update(patch);
      if (next !== undefined && next !== null && next !== mode) {
        try {
          await switchTo(next);
        } catch (error) {
          // The mode could not start (e.g. the sandbox): the choice is not kept either.
          settings.update({ mode: before.mode });
          throw error;
        }
      }
      return saved;
    },
  } satisfies CoreHandlers;

  updates?.start();
  return {
    get info() {
      return runtime.info;
    },
    handlers,
    events,
    live: { live, tray },
    updates,
    logger,
    language: uiLanguage,
    firstPaint(systemLanguages) {
      return {
        appInfo: runtime.info,
        session: runtime.sessionView(),
        settings: settings.get(),
        ...runtime.firstPaintData(),
        systemLanguages: systemLanguages.slice(0, 20),
      };
    },
    async close() {
      clearInterval(reminderTimer);
      stopWatchingHolds();
      updates?.close();
      await switching;
      detachTray?.();
      await runtime.close();
    },
  };
}

/** Demo mode (the embedded sandbox, started here) or server mode (`url`): an accounts API, sign-in, live updates. */
async function startAccountsRuntime(
  options: CompanionOptions,
  events: EventHub,
  settings: SettingsService,
  url: string | undefined,
  logger: Logger,
  language: () => CoreLanguage,
): Promise<ModeRuntime> {
  const demo = url ? undefined : await options.startDemoSandbox();
  const accountsUrl = url ? new URL(url).toString() : (demo as DemoSandbox).url;

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
  const info: AppInfo = {
    version: options.version,
    mode: demo ? 'demo' : 'custom',
    accountsUrl,
    shell: options.shell,
    ...(options.startAtLogin === undefined ? {} : { startAtLogin: options.startAtLogin }),
  };

  const requests = createPayoutAndCreditRequests({
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
    language,
    fetch: options.fetch,
    timing: options.liveTiming,
    refreshData: () => {
      void earnings.refresh();
      // Payout status and credit events: the lists update live, and unacknowledged requests retry.
      void requests.reconcile();
    },
    log: logger.scope('live').warn,
  });

  const handlers = {
    ...live.handlers,
    ...requests.handlers,
    ...createEarningsHandlers(earnings, earningsApi),
    getReferral: async () => referral.get(),
    getSession: async () => session.view(),
    signIn: async () => session.signIn(),
    cancelSignIn: async () => session.cancelSignIn(),
    signOut: async () => session.signOut(),
  } satisfies ModeRuntime['handlers'];

  return {
    info,
    handlers,
    live,
    sessionView: () => session.view(),
    notificationPause: () => live.notifications.pause(),
    pendingRequests: () =>
      (['payout', 'credit'] as const).reduce(
        (sum, kind) =>
          sum + requests.outbox.items(kind, owner()).filter((item) => item.state === 'sending').length,
        0,
      ),
    firstPaintData() {
      const signedIn = session.view().state === 'signed-in';
      return {
        earnings: signedIn ? earnings.view() : null,
        referral: signedIn ? referral.cached() : null,
      };
    },
    async start() {
      // A sign-in kept from the last run: signed in at once, refreshed on the first call.
      await session.restore();
      live.start();
      // Requests the last run left unacknowledged are resent with their keys, in the background.
      void requests.reconcile();
    },
    async close() {
      await live.close();
      requests.close();
      await session.close();
      await demo?.close();
    },
  };
}
