// Bridge methods and events of the live side: the connection to the accounts server's event
// stream, notifications (what was shown, pause), and navigation requested by a notification or
// the tray. Spread into bridgeMethods / bridgeEvents in shared/bridge.ts.
import { z } from 'zod';
import { IsoDateTime } from '../accounts-api.ts';
import { NotificationKind } from '../live-settings.ts';
import { Cents } from '../money.ts';
import { SHARE_LANGUAGES } from '../share-targets.ts';

const NoInput = z.object({}).strict();

/** Where the companion opens on a notification click or a tray item. */
export const NavigationTarget = z
  .object({
    section: z.enum(['referral', 'earnings', 'referrals', 'payouts', 'licenses', 'terms', 'qr', 'settings']),
    /** The item to show (a commission, referral, payout, …), when there is one. */
    itemId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type NavigationTarget = z.infer<typeof NavigationTarget>;

export const Notice = z
  .object({
    id: z.string().min(1).max(200),
    /** 'summary' gathers a burst of events into one notification. */
    kind: z.union([NotificationKind, z.literal('summary')]),
    title: z.string().min(1),
    body: z.string(),
    at: IsoDateTime,
    /** How many events it reports (more than 1 for a summary). */
    count: z.number().int().positive(),
    /** The money it reports (a commission, a reversal as negative, a summary's net), if any. */
    amountCents: Cents.optional(),
    target: NavigationTarget,
  })
  .strict();
export type Notice = z.infer<typeof Notice>;

export const LiveStatus = z
  .object({
    /**
     * push: the event stream is open · polling: the stream is unavailable, conditional GETs instead ·
     * connecting: opening or reopening the stream (backing off) · offline: no network, or the server is
     * unreachable · paused: the computer sleeps · signed-out: nothing to follow.
     */
    connection: z.enum(['push', 'polling', 'connecting', 'offline', 'paused', 'signed-out']),
    /** When the last program event arrived. */
    lastEventAt: IsoDateTime.nullable(),
    /** When the connection last changed. */
    since: IsoDateTime,
  })
  .strict();
export type LiveStatus = z.infer<typeof LiveStatus>;

export const NotificationPause = z
  .object({
    /** Notifications are held back until then (null: not paused). */
    pausedUntil: IsoDateTime.nullable(),
    /** The manual "I'm trading" switch: no notifications while it is on. */
    trading: z.boolean(),
  })
  .strict();
export type NotificationPause = z.infer<typeof NotificationPause>;

/** One of the UI's languages (the same list as the share message's). */
export const UiLocale = z.enum(SHARE_LANGUAGES);

/** What the desktop tray shows: its tooltip and the labels of its menu, submenus flattened. */
export const TrayView = z
  .object({ tooltip: z.string().max(1_000), labels: z.array(z.string().max(200)).max(100) })
  .strict();
export type TrayView = z.infer<typeof TrayView>;

export const liveMethods = {
  /**
   * The language the UI shows, once resolved (the setting, or for "system" the system's
   * languages as the shell reports them): core words notifications, the tray and refusals in it.
   */
  reportUiLanguage: {
    side: 'core',
    input: z.object({ language: UiLocale }).strict(),
    output: z.object({ language: UiLocale }).strict(),
  },
  /** The tray's tooltip and menu labels (the browser shell has no tray: its page can read them here). */
  getTray: { side: 'core', input: NoInput, output: TrayView },
  getLiveStatus: { side: 'core', input: NoInput, output: LiveStatus },
  getNotificationPause: { side: 'core', input: NoInput, output: NotificationPause },
  /** Pause for an hour, until tomorrow (the next local midnight), or resume now. */
  pauseNotifications: {
    side: 'core',
    input: z.object({ pause: z.enum(['1h', 'tomorrow', 'resume']) }).strict(),
    output: NotificationPause,
  },
  setTrading: { side: 'core', input: z.object({ trading: z.boolean() }).strict(), output: NotificationPause },
  /** The notifications delivered recently, newest first (also what tests assert on). */
  listNotifications: {
    side: 'core',
    input: NoInput,
    output: z.object({ items: z.array(Notice) }).strict(),
  },
  /** The user clicked a notification: the companion opens on its item (a navigate event). */
  openNotification: {
    side: 'core',
    input: z.object({ id: z.string().min(1).max(200) }).strict(),
    output: z.object({ target: NavigationTarget }).strict(),
  },
  /** The user has seen the new earnings: the tray icon returns to normal. */
  markEarningsSeen: { side: 'core', input: NoInput, output: z.object({ seen: z.literal(true) }).strict() },
} as const;

export const liveEvents = {
  /** A notification to deliver (the browser shell's page shows it; Electron shows it natively). */
  notification: Notice,
  /** Open the companion on this item (from a notification click or the tray). */
  navigate: NavigationTarget,
  liveStatusChanged: LiveStatus,
  notificationPauseChanged: NotificationPause,
} as const;
