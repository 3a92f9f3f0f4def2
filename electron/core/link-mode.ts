// Link mode (issue 13): a real Quantower partner with their own referral link and no accounts API.
// No sandbox, no sign-in, no live updates: the saved link (settings.referralLink) is what the
// referral service answers, so copy, QR, share, the tray and the widget work as in the other modes.
// Methods that need an accounts API answer a plain "not in this mode" refusal; the UI never calls
// them in this mode (it shows what to do instead), so the refusal is a guard, not a screen.

import type { EarningsView } from '../../shared/bridge/earnings.ts';
import type { LiveStatus, NotificationPause } from '../../shared/bridge/live.ts';
import type { supportJournalMethods } from '../../shared/bridge/support-journal.ts';
import {
  type AppInfo,
  BridgeError,
  bridgeMethods,
  type CoreHandlers,
  type CoreMethodName,
  type ReferralView,
  type SessionView,
} from '../../shared/bridge.ts';
import { DEFAULT_REFERRAL_LINK_BASE, parseReferralInput } from '../../shared/referral-link.ts';
import type { Settings } from '../../shared/settings.ts';
import type { EventHub } from './event-hub.ts';
import { menuLabels } from './live/live-features.ts';
import type { LiveService } from './live/live-service.ts';
import { createNotificationService, type NotificationSink } from './notifications/notification-service.ts';
import type { NotificationStateStore } from './notifications/state.ts';
import type { CoreLanguage } from './notifications/text.ts';
import type { ReferralService } from './referral-service.ts';
import { createTrayService, type TrayService } from './tray/tray-service.ts';

/** Link mode's referral service: the link the partner saved, announced again when it changes. */
export function createSavedLinkReferralService(
  settings: () => Settings,
  events: EventHub,
): ReferralService & {
  close(): void;
} {
  const view = (): ReferralView | null => {
    const saved = settings().referralLink;
    const parsed = saved === null ? null : parseReferralInput(saved);
    return parsed?.ok ? { code: parsed.code, link: parsed.link, linkBase: DEFAULT_REFERRAL_LINK_BASE } : null;
  };
  let last = view()?.link ?? null;
  const unsubscribe = events.subscribe((message) => {
    if (message.event !== 'settingsChanged') return;
    const next = view();
    if ((next?.link ?? null) === last) return;
    last = next?.link ?? null;
    if (next) events.emit('referralChanged', next);
  });
  return {
    async get() {
      const current = view();
      if (!current)
        throw notInLinkMode('No referral link is saved yet: paste yours in the Referral section.');
      return current;
    },
    cached: view,
    close: unsubscribe,
  };
}

function notInLinkMode(message: string): BridgeError {
  return new BridgeError({ code: 'rejected', message, retryable: false });
}

const NO_SESSION: SessionView = { state: 'signed-out', storage: 'memory' };

/** The support journal's methods: local, the same in every mode (electron/core/support-journal). */
type JournalMethod = keyof typeof supportJournalMethods;
/** Diagnostics and updates: about the app, not the mode. */
type HostMethod =
  | 'getDiagnostics'
  | 'getUpdateStatus'
  | 'restartToUpdate'
  | 'postponeUpdate'
  | 'reportUiLanguage';

export interface ModeRuntime {
  readonly info: AppInfo;
  /**
   * Every core method except the mode-free ones the host answers itself (app info, settings, the
   * journal of requests sent to support, diagnostics and updates).
   */
  readonly handlers: Omit<
    CoreHandlers,
    'getAppInfo' | 'getSettings' | 'updateSettings' | JournalMethod | HostMethod
  >;
  readonly live: { readonly live: LiveService; readonly tray: TrayService };
  sessionView(): SessionView;
  /** The notification pause and "I'm trading" (the update notice follows them too). */
  notificationPause(): NotificationPause;
  /** Payouts and credits in the outbox not yet acknowledged (diagnostics). */
  pendingRequests(): number;
  firstPaintData(): { earnings: EarningsView | null; referral: ReferralView | null };
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface LinkRuntimeOptions {
  /** 'link', or 'unchosen' while the welcome screen is up (nothing runs then either). */
  mode: 'link' | 'unchosen';
  version: string;
  shell: AppInfo['shell'];
  events: EventHub;
  settings: () => Settings;
  store: NotificationStateStore;
  sink?: NotificationSink | undefined;
  /** The UI's language (the host's: companion.ts), in which the tray is worded. */
  language: () => CoreLanguage;
  /** This run can register start at login (as in the accounts runtime's AppInfo). */
  startAtLogin?: boolean | undefined;
}

/** Link mode (and the welcome before any mode): nothing runs in the background, nothing polls. */
export function createLinkRuntime(options: LinkRuntimeOptions): ModeRuntime {
  const referral = createSavedLinkReferralService(options.settings, options.events);
  const language = options.language;
  // Only for the pause and "I'm trading" switches the tray and Settings show: no program events
  // ever arrive in this mode (no data source is given), so it never notifies.
  const notifications = createNotificationService({
    store: options.store,
    settings: () => options.settings().notifications,
    language,
    events: options.events,
    sink: options.sink,
    onChange: () => tray.update(),
  });
  const tray = createTrayService({
    inputs: () => ({
      session: 'signed-out',
      connection: 'signed-out',
      availableCents: null,
      unseenEarnings: false,
      pause: notifications.pause(),
      language: language(),
      now: Date.now(),
      link: { saved: options.mode === 'link' && referral.cached() !== null },
    }),
    events: options.events,
    referralLink: async () => (await referral.get()).link,
    pause: (what) => notifications.setPause(what),
    setTrading: (trading) => notifications.setTrading(trading),
  });
  const offSettings = options.events.subscribe((message) => {
    if (message.event === 'settingsChanged') tray.update();
  });
  const since = new Date().toISOString();
  const status: LiveStatus = { connection: 'signed-out', lastEventAt: null, since };
  // Nothing to follow without an accounts API: every signal is accepted and ignored.
  const live: LiveService = {
    start() {},
    async stop() {},
    status: () => status,
    setOnline() {},
    suspend() {},
    resume() {},
    unlocked() {},
    sessionChanged() {},
  };

  const unavailable = Object.fromEntries(
    (Object.keys(bridgeMethods) as (keyof typeof bridgeMethods)[])
      .filter((name) => bridgeMethods[name].side === 'core')
      .map((name) => [
        name,
        async () => {
          throw notInLinkMode(
            options.mode === 'link'
              ? 'Not available with a referral link only: Quantower publishes no API for it.'
              : 'Choose how to use the companion first.',
          );
        },
      ]),
  ) as unknown as Record<CoreMethodName, () => Promise<never>>;

  return {
    info: {
      version: options.version,
      mode: options.mode,
      accountsUrl: null,
      shell: options.shell,
      ...(options.startAtLogin === undefined ? {} : { startAtLogin: options.startAtLogin }),
    },
    handlers: {
      ...unavailable,
      getReferral: () => referral.get(),
      getSession: async () => NO_SESSION,
      signIn: async () => ({
        ...NO_SESSION,
        reason: { code: 'failed', message: 'There is no sign-in with a referral link only.' },
      }),
      cancelSignIn: async () => NO_SESSION,
      signOut: async () => NO_SESSION,
      getLiveStatus: async () => status,
      getNotificationPause: async () => notifications.pause(),
      pauseNotifications: async ({ pause }) => notifications.setPause(pause),
      setTrading: async ({ trading }) => notifications.setTrading(trading),
      listNotifications: async () => ({ items: notifications.recent() }),
      openNotification: async ({ id }) => ({ target: notifications.open(id) }),
      markEarningsSeen: async () => ({ seen: true }),
      getTray: async () => {
        const model = tray.model();
        return { tooltip: model.tooltip, labels: menuLabels(model.menu) };
      },
    },
    live: { live, tray },
    sessionView: () => NO_SESSION,
    notificationPause: () => notifications.pause(),
    pendingRequests: () => 0,
    firstPaintData: () => ({ earnings: null, referral: options.mode === 'link' ? referral.cached() : null }),
    async start() {},
    async close() {
      offSettings();
      referral.close();
      await notifications.close();
    },
  };
}
