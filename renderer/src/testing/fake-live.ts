// The live side of the fake bridge (notifications, pause, live status): state a test can set and
// events it can emit, answering like core does.
import type { LiveStatus, NavigationTarget, Notice, NotificationPause } from '../../../shared/bridge/live.ts';
import type { BridgeApi, EventName, EventPayload } from '../../../shared/bridge.ts';

export type LiveEventName = 'notification' | 'navigate' | 'liveStatusChanged' | 'notificationPauseChanged';
const LIVE_EVENTS: readonly string[] = [
  'notification',
  'navigate',
  'liveStatusChanged',
  'notificationPauseChanged',
];

export function isLiveEvent(event: EventName): event is LiveEventName {
  return LIVE_EVENTS.includes(event);
}

type LiveMethods = Pick<
  BridgeApi,
  | 'getLiveStatus'
  | 'getNotificationPause'
  | 'pauseNotifications'
  | 'setTrading'
  | 'listNotifications'
  | 'openNotification'
  | 'markEarningsSeen'
  | 'reportUiLanguage'
  | 'getTray'
>;

export class FakeLive {
  status: LiveStatus = { connection: 'push', lastEventAt: null, since: '2026-11-21T06:00:00.000Z' };
  pause: NotificationPause = { pausedUntil: null, trading: false };
  notices: Notice[] = [];
  readonly opened: NavigationTarget[] = [];
  earningsSeen = 0;
  /** Every language the UI reported showing, in order. */
  readonly reportedLanguages: string[] = [];
  private readonly listeners = new Map<LiveEventName, Set<(payload: never) => void>>();

  readonly methods: LiveMethods = {
    getLiveStatus: async () => this.status,
    getNotificationPause: async () => this.pause,
    pauseNotifications: async ({ pause }) => {
      this.pause = {
        ...this.pause,
        pausedUntil: pause === 'resume' ? null : new Date(Date.now() + 3_600_000).toISOString(),
      };
      this.emit('notificationPauseChanged', this.pause);
      return this.pause;
    },
    setTrading: async ({ trading }) => {
      this.pause = { ...this.pause, trading };
      this.emit('notificationPauseChanged', this.pause);
      return this.pause;
    },
    listNotifications: async () => ({ items: this.notices }),
    openNotification: async ({ id }) => {
      const notice = this.notices.find((n) => n.id === id);
      if (!notice) throw new Error(`No notification ${id}.`);
      this.opened.push(notice.target);
      this.emit('navigate', notice.target);
      return { target: notice.target };
    },
    markEarningsSeen: async () => {
      this.earningsSeen++;
      return { seen: true };
    },
    reportUiLanguage: async ({ language }) => {
      this.reportedLanguages.push(language);
      return { language };
    },
    getTray: async () => ({ tooltip: 'Referral Companion — Available: $0.00', labels: [] }),
  };

  on<E extends LiveEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends LiveEventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (p: EventPayload<E>) => void)(payload);
  }
}
