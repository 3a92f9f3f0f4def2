// Assembles the live side for startCompanion: the event stream (live-service), the notifier, the
// tray model, and their bridge handlers. Kept out of companion.ts so that file only spreads the
// handlers and starts/stops this.

import type { ProgramEvent } from '../../../shared/accounts-api.ts';
import type { CoreHandlers, EventPayload, SessionView } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import { resolveLocale } from '../../../shared/i18n/locale.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { AccountsAuth, AccountsClient } from '../accounts-client.ts';
import type { EventHub } from '../event-hub.ts';
import { consoleWarn } from '../logging/logger.ts';
import {
  createNotificationService,
  type NotificationService,
  type NotificationSink,
} from '../notifications/notification-service.ts';
import { createNotifierLookups } from '../notifications/notifier-lookups.ts';
import type { NotificationStateStore } from '../notifications/state.ts';
import type { CoreLanguage } from '../notifications/text.ts';
import type { TrayMenuItem } from '../tray/tray-model.ts';
import { createTrayService, type TrayService } from '../tray/tray-service.ts';
import { createLiveService, type LiveService, type LiveTiming } from './live-service.ts';

export interface LiveFeaturesOptions {
  accountsUrl: string;
  /** Whose cursor this is: a cursor from another server is dropped. */
  scope: string;
  accounts: Pick<AccountsClient, 'call'>;
  auth: AccountsAuth;
  events: EventHub;
  session: { view(): SessionView };
  settings: () => Settings;
  referralLink: () => Promise<string>;
  store: NotificationStateStore;
  sink?: NotificationSink | undefined;
  fetch?: typeof fetch | undefined;
  timing?: Partial<LiveTiming> | undefined;
  burstMs?: number | undefined;
  /** Re-reads the earnings snapshot (earnings module): its earningsChanged feeds the tray and derived notices. */
  refreshData?: (() => void) | undefined;
  /**
   * The UI's language as the host resolved it (companion.ts: the setting, or what the UI reported,
   * or the system's languages); it survives a change of mode, so it is kept there, not here.
   */
  language: () => CoreLanguage;
  log?: (message: string) => void;
}

export type LiveHandlers = Pick<
  CoreHandlers,
  | 'getLiveStatus'
  | 'getNotificationPause'
  | 'pauseNotifications'
  | 'setTrading'
  | 'listNotifications'
  | 'openNotification'
  | 'markEarningsSeen'
  | 'getTray'
>;

export interface LiveFeatures {
  /** The UI's language, in which core words what the OS shows (coreLanguage). */
  language(): CoreLanguage;
  readonly live: LiveService;
  readonly notifications: NotificationService;
  readonly tray: TrayService;
  readonly handlers: LiveHandlers;
  start(): void;
  close(): Promise<void>;
}

/** Events after which the balance (tray) and the derived notices are worth re-reading. */
const MONEY_EVENTS = new Set<ProgramEvent['type']>([
  'commission.earned',
  'commission.reversed',
  'payout.status',
  'credit.applied',
  'terms.published',
  'partner.disqualified',
]);

/**
 * Core's language is the UI's: the setting, or for "system" what the UI reported it resolved
 * (reportUiLanguage). Until the UI has reported (e.g. started hidden in the tray), the same rule
 * over the languages the shell gave core (Electron: the OS's preferred languages).
 */
export function coreLanguage(
  setting: Settings['ui']['language'],
  reported: CoreLanguage | null,
  systemLanguages: readonly string[],
): CoreLanguage {
  if (setting !== 'system') return setting;
  return reported ?? resolveLocale(setting, systemLanguages);
}

export function createLiveFeatures(options: LiveFeaturesOptions): LiveFeatures {
  const log = options.log ?? consoleWarn;
  // A cursor or told-keys from another accounts server mean nothing here.
  if (options.store.read().scope !== options.scope) {
    options.store.write({
      ...options.store.read(),
      scope: options.scope,
      lastEventId: null,
      notified: [],
      eligible: null,
      quietHeld: [],
    });
  }
  const language = options.language;
  const signedIn = () => options.session.view().state === 'signed-in';
  let availableCents: number | null = null;

  const notifications = createNotificationService({
    store: options.store,
    settings: () => options.settings().notifications,
    language,
    events: options.events,
    lookups: createNotifierLookups(options.accounts),
    sink: options.sink,
    ...(options.burstMs === undefined ? {} : { burstMs: options.burstMs }),
    log,
    onChange: () => tray.update(),
  });

  const tray: TrayService = createTrayService({
    inputs: () => ({
      session: options.session.view().state,
      connection: live.status().connection,
      availableCents,
      unseenEarnings: notifications.unseenEarnings(),
      pause: notifications.pause(),
      language: language(),
      now: Date.now(),
    }),
    events: options.events,
    referralLink: options.referralLink,
    pause: (what) => notifications.setPause(what),
    setTrading: (trading) => notifications.setTrading(trading),
    log,
  });

  // The tray's balance and the derived notices follow the earnings module's snapshot
  // (earningsChanged), which refreshData re-reads on program events and wake-ups.
  let checkedSnapshot: string | undefined;
  function onEarnings(view: EventPayload<'earningsChanged'>) {
    const snapshot = view.snapshot;
    availableCents = snapshot?.balance.availableCents ?? null;
    tray.update();
    if (!snapshot || !signedIn() || snapshot.fetchedAt === checkedSnapshot) return;
    checkedSnapshot = snapshot.fetchedAt;
    notifications
      .checkThresholdAndExpiry({ program: snapshot.program, balance: snapshot.balance })
      .catch((error: unknown) => log(`live: derived notifications: ${errorMessage(error)}`));
  }
  const refresh = () => {
    if (signedIn()) options.refreshData?.();
  };

  const live = createLiveService({
    baseUrl: options.accountsUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    auth: options.auth,
    isSignedIn: signedIn,
    cursor: {
      get: () => options.store.read().lastEventId ?? undefined,
      set: (id) => {
        // Synthesized (polling) ids are not stream positions.
        if (/^\d+$/u.test(id)) options.store.write({ ...options.store.read(), lastEventId: id });
      },
    },
    onEvents: (events) => {
      notifications.handleEvents(events);
      if (events.some((event) => MONEY_EVENTS.has(event.type))) refresh();
    },
    onRefresh: refresh,
    onStatus: (status) => {
      options.events.emit('liveStatusChanged', status);
      tray.update();
    },
    ...(options.timing ? { timing: options.timing } : {}),
    log,
  });

  const unsubscribe = options.events.subscribe((message) => {
    if (message.event === 'sessionChanged') {
      availableCents = null;
      checkedSnapshot = undefined;
      live.sessionChanged();
      tray.update();
      refresh();
    } else if (message.event === 'earningsChanged') {
      onEarnings(message.payload as EventPayload<'earningsChanged'>);
    } else if (message.event === 'settingsChanged') {
      tray.update();
    }
  });

  const handlers: LiveHandlers = {
    getLiveStatus: async () => live.status(),
    getNotificationPause: async () => notifications.pause(),
    pauseNotifications: async ({ pause }) => notifications.setPause(pause),
    setTrading: async ({ trading }) => notifications.setTrading(trading),
    listNotifications: async () => ({ items: notifications.recent() }),
    openNotification: async ({ id }) => ({ target: notifications.open(id) }),
    markEarningsSeen: async () => {
      notifications.markEarningsSeen();
      return { seen: true };
    },
    getTray: async () => {
      const model = tray.model();
      return { tooltip: model.tooltip, labels: menuLabels(model.menu) };
    },
  };

  return {
    language,
    live,
    notifications,
    tray,
    handlers,
    start() {
      live.start();
      refresh();
    },
    async close() {
      unsubscribe();
      await live.stop();
      await notifications.close();
    },
  };
}

/** Every label of the tray menu, submenus included (getTray: the browser shell has no tray to look at). */
export function menuLabels(items: readonly TrayMenuItem[]): string[] {
  return items.flatMap((item) =>
    item.type === 'separator'
      ? []
      : item.type === 'submenu'
        ? [item.label, ...menuLabels(item.items)]
        : [item.label],
  );
}
