// The notifier: turns program events (and derived checks) into notices under the policy, holds a
// short window so a burst becomes one summary, remembers what it told across restarts, and hands
// each notice to the shell (the NotificationSink port) and to the UI (the `notification` event).
import { randomUUID } from 'node:crypto';
import type { Balance, ProgramEvent, ProgramStatus } from '../../../shared/accounts-api.ts';
import type { NavigationTarget, Notice, NotificationPause } from '../../../shared/bridge/live.ts';
import { BridgeError, type EventPayload } from '../../../shared/bridge.ts';
import type { NotificationSettings } from '../../../shared/live-settings.ts';
import type { EventHub } from '../event-hub.ts';
import type { NotifierData } from './accounts-data.ts';
import { licenseOccurrences, thresholdOccurrence } from './derived.ts';
import { autoApplyOccurrence, type Occurrence, occurrenceOf } from './occurrences.ts';
import { compose, decide, type HoldReason, nextLocalMidnight } from './policy.ts';
import { MAX_NOTIFIED_KEYS, type NotificationState, type NotificationStateStore } from './state.ts';
import type { CoreLanguage } from './text.ts';

/** Where notices are shown: native notifications in Electron. */
export interface NotificationSink {
  deliver(notice: Notice): void;
}

export interface NotificationServiceOptions {
  store: NotificationStateStore;
  settings: () => NotificationSettings;
  language: () => CoreLanguage;
  events: EventHub;
  data?: NotifierData | undefined;
  sink?: NotificationSink | undefined;
  /** How long the first event of a burst waits for the rest (default 400 ms). */
  burstMs?: number;
  now?: () => number;
  /** Minutes since local midnight (the user's clock). */
  localMinutes?: (now: number) => number;
  newId?: () => string;
  log?: (message: string) => void;
  /** The tray's inputs changed (new earnings, pause). */
  onChange?: () => void;
}

export interface NotificationService {
  handleEvents(events: ProgramEvent[]): void;
  /** Checks the derived notices (thresholds crossed, licenses expiring) against a fresh balance and program. */
  checkDerived(current: { program: ProgramStatus; balance: Balance }): Promise<void>;
  /** Delivers what is waiting in the burst window now (tests, shutdown). */
  flush(): Promise<void>;
  pause(): NotificationPause;
  setPause(what: '1h' | 'tomorrow' | 'resume'): NotificationPause;
  setTrading(trading: boolean): NotificationPause;
  recent(): Notice[];
  open(id: string): NavigationTarget;
  unseenEarnings(): boolean;
  markEarningsSeen(): void;
  /** Which holds were applied most recently, for diagnostics and tests. */
  lastHeld(): { key: string; reason: HoldReason }[];
  close(): Promise<void>;
}

const RECENT_LIMIT = 50;

export function createNotificationService(options: NotificationServiceOptions): NotificationService {
  const now = options.now ?? Date.now;
  const burstMs = options.burstMs ?? 400;
  const localMinutes =
    options.localMinutes ??
    ((ms: number) => {
      const date = new Date(ms);
      return date.getHours() * 60 + date.getMinutes();
    });
  const newId = options.newId ?? randomUUID;
  const log = options.log ?? ((message: string) => console.warn(message));
  const recent: Notice[] = [];
  let pending: Occurrence[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> = Promise.resolve();
  let held: { key: string; reason: HoldReason }[] = [];

  const state = () => options.store.read();
  const save = (patch: Partial<NotificationState>) => options.store.write({ ...state(), ...patch });

  function pauseView(): NotificationPause {
    const s = state();
    const until = s.pausedUntil && Date.parse(s.pausedUntil) > now() ? s.pausedUntil : null;
    return { pausedUntil: until, trading: s.trading };
  }

  function pauseChanged(): NotificationPause {
    const view = pauseView();
    options.events.emit('notificationPauseChanged', view);
    options.onChange?.();
    return view;
  }

  function enqueue(occurrences: Occurrence[]) {
    if (occurrences.length === 0) return;
    if (occurrences.some((o) => o.kind === 'commission') && !state().unseenEarnings) {
      save({ unseenEarnings: true });
      options.onChange?.();
    }
    pending.push(...occurrences);
    timer ??= setTimeout(() => {
      timer = undefined;
      void flush();
    }, burstMs);
  }

  async function deliverBatch(batch: Occurrence[]): Promise<void> {
    const s = state();
    const notified = new Set(s.notified);
    const decision = decide(batch, {
      settings: options.settings(),
      pause: { pausedUntil: s.pausedUntil ? Date.parse(s.pausedUntil) : null, trading: s.trading },
      now: now(),
      localMinutes: localMinutes(now()),
      alreadyNotified: (key) => notified.has(key),
    });
    held = decision.held.map(({ occurrence, reason }) => ({ key: occurrence.key, reason }));
    // Everything decided is remembered, shown or not: a pause or a kind switched off later must not
    // bring back old news.
    const keys = [...new Set([...s.notified, ...batch.map((o) => o.key)])].slice(-MAX_NOTIFIED_KEYS);
    if (decision.show.length === 0) {
      save({ notified: keys });
      return;
    }
    const shown = options.data ? await options.data.enrich(decision.show) : decision.show;
    const notice = compose(shown, options.language(), newId(), new Date(now()).toISOString());
    save({ notified: keys });
    recent.unshift(notice);
    recent.length = Math.min(recent.length, RECENT_LIMIT);
    options.events.emit('notification', notice);
    try {
      options.sink?.deliver(notice);
    } catch (error) {
      log(`notifications: the shell could not show a notification: ${String(error)}`);
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    const batch = pending;
    pending = [];
    flushing = flushing
      .then(() => (batch.length > 0 ? deliverBatch(batch) : undefined))
      .catch((error: unknown) => {
        log(`notifications: ${error instanceof Error ? error.message : String(error)}`);
      });
    return flushing;
  }

  // Auto-apply acts on its own (an offer to confirm, or a renewal done): it is news like any event.
  const stopAutoApply = options.events.subscribe(({ event, payload }) => {
    if (event !== 'autoApplyNotice') return;
    enqueue([autoApplyOccurrence(payload as EventPayload<'autoApplyNotice'>, new Date(now()).toISOString())]);
  });

  return {
    handleEvents(events) {
      enqueue(events.map(occurrenceOf).filter((o): o is Occurrence => o !== undefined));
    },
    async checkDerived({ program, balance }) {
      const found: Occurrence[] = [];
      const crossed = thresholdOccurrence(state().eligible, program, balance);
      if (crossed) found.push(crossed);
      save({ eligible: program.withdrawal.eligible });
      if (options.data && program.status === 'active') {
        const { licenses, catalog } = await options.data.licenseInputs();
        found.push(...licenseOccurrences(licenses, catalog, program.withdrawal.availableCents, now()));
      }
      enqueue(found);
    },
    flush,
    pause: pauseView,
    setPause(what) {
      const until =
        what === 'resume'
          ? null
          : new Date(
              what === '1h' ? now() + 60 * 60 * 1000 : nextLocalMidnight(new Date(now())),
            ).toISOString();
      save({ pausedUntil: until });
      return pauseChanged();
    },
    setTrading(trading) {
      save({ trading });
      return pauseChanged();
    },
    recent: () => [...recent],
    open(id) {
      const notice = recent.find((n) => n.id === id);
      if (!notice) {
        throw new BridgeError({
          code: 'rejected',
          message: 'That notification is no longer available.',
          retryable: false,
        });
      }
      if (notice.kind === 'commission' || notice.target.section === 'earnings') markSeen();
      options.events.emit('navigate', notice.target);
      return notice.target;
    },
    unseenEarnings: () => state().unseenEarnings,
    markEarningsSeen: markSeen,
    lastHeld: () => held,
    async close() {
      stopAutoApply();
      await flush();
    },
  };

  function markSeen() {
    if (!state().unseenEarnings) return;
    save({ unseenEarnings: false });
    options.onChange?.();
  }
}
