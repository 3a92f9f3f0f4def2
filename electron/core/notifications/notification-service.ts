// The notifier: turns program events (and derived checks) into notices under the policy, holds a
// short window so a burst becomes one summary, remembers what it told across restarts, and hands
// each notice to the shell (the NotificationSink port) and to the UI (the `notification` event).
// What quiet hours hold back is counted and told once, as one summary, when they end.

import { randomUUID } from 'node:crypto';
import type { Balance, ProgramEvent, ProgramStatus } from '../../../shared/accounts-api.ts';
import type { NavigationTarget, Notice, NotificationPause } from '../../../shared/bridge/live.ts';
import { BridgeError, type EventPayload } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import type { NotificationSettings } from '../../../shared/live-settings.ts';
import type { EventHub } from '../event-hub.ts';
import { consoleWarn } from '../logging/logger.ts';
import type { NotifierLookups } from './notifier-lookups.ts';
import {
  autoApplyOccurrence,
  type Occurrence,
  occurrenceOf,
  supportReminderOccurrences,
} from './occurrences.ts';
import {
  addQuietHeld,
  compose,
  composeQuietCatchUp,
  decide,
  type HoldReason,
  nextLocalMidnight,
  silence,
} from './policy.ts';
import { MAX_NOTIFIED_KEYS, type NotificationState, type NotificationStateStore } from './state.ts';
import type { CoreLanguage } from './text.ts';
import { licenseOccurrences, thresholdOccurrence } from './threshold-and-expiry.ts';

/** Where notices are shown: native notifications in Electron. */
export interface NotificationSink {
  deliver(notice: Notice): void;
}

export interface NotificationServiceOptions {
  store: NotificationStateStore;
  settings: () => NotificationSettings;
  language: () => CoreLanguage;
  events: EventHub;
  /** Names for commission notices and the licenses for expiry notices (absent: plain notices, no expiry check). */
  lookups?: NotifierLookups | undefined;
  sink?: NotificationSink | undefined;
  /** How long the first event of a burst waits for the rest (default 400 ms). */
  burstMs?: number;
  now?: () => number;
  /** Minutes since local midnight (the user's clock). */
  localMinutes?: (now: number) => number;
  newId?: () => string;
  /**
   * Runs `tick` every `ms` until the returned function stops it (default: an unref'd setInterval;
   * tests pass a ticker they drive by hand). Armed only while something held for quiet hours waits.
   */
  every?: (ms: number, tick: () => void) => () => void;
  /** How often a waiting catch-up checks whether quiet hours (and any pause) ended (default 60 s). */
  catchUpCheckMs?: number;
  log?: (message: string) => void;
  /** The tray's inputs changed (new earnings, pause). */
  onChange?: () => void;
}

export interface NotificationService {
  handleEvents(events: ProgramEvent[]): void;
  /** Checks the notices no event carries (thresholds crossed, licenses expiring) against a fresh balance and program. */
  checkThresholdAndExpiry(current: { program: ProgramStatus; balance: Balance }): Promise<void>;
  /** Delivers what is waiting in the burst window now (tests, shutdown). */
  flush(): Promise<void>;
  /**
   * Tells what quiet hours held back, as one summary, if they have ended and nothing else holds
   * notifications now (pause, "I'm trading"); otherwise it keeps waiting. Its own timer runs it.
   */
  catchUp(): Promise<void>;
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

function everyInterval(ms: number, tick: () => void): () => void {
  const interval = setInterval(tick, ms);
  interval.unref?.();
  return () => clearInterval(interval);
}

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
  const log = options.log ?? consoleWarn;
  const every = options.every ?? everyInterval;
  const catchUpCheckMs = options.catchUpCheckMs ?? 60_000;
  let stopCatchUpTimer: (() => void) | undefined;
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

  function holdsNow(s: NotificationState, settings: NotificationSettings) {
    return {
      settings,
      pause: { pausedUntil: s.pausedUntil ? Date.parse(s.pausedUntil) : null, trading: s.trading },
      now: now(),
      localMinutes: localMinutes(now()),
    };
  }

  async function deliverBatch(batch: Occurrence[]): Promise<void> {
    const s = state();
    const notified = new Set(s.notified);
    const decision = decide(batch, {
      ...holdsNow(s, options.settings()),
      alreadyNotified: (key) => notified.has(key),
    });
    held = decision.held.map(({ occurrence, reason }) => ({ key: occurrence.key, reason }));
    // Everything decided is remembered, shown or not: a pause or a kind switched off later must not
    // bring back old news. What quiet hours held is counted for the catch-up summary, in the same write.
    const keys = [...new Set([...s.notified, ...batch.map((o) => o.key)])].slice(-MAX_NOTIFIED_KEYS);
    const quiet = decision.held.filter((h) => h.reason === 'quiet-hours').map((h) => h.occurrence);
    const quietHeld = quiet.length > 0 ? addQuietHeld(s.quietHeld, quiet) : s.quietHeld;
    if (quiet.length > 0) armCatchUp();
    if (decision.show.length === 0) {
      save({ notified: keys, quietHeld });
      return;
    }
    const shown = options.lookups ? await options.lookups.enrich(decision.show) : decision.show;
    const notice = compose(shown, options.language(), newId(), new Date(now()).toISOString());
    save({ notified: keys, quietHeld });
    publish(notice);
  }

  /** The catch-up itself (run in the delivery chain, so it never races a batch being decided). */
  function tellQuietHeld(): void {
    const s = state();
    if (s.quietHeld.length === 0) {
      disarmCatchUp();
      return;
    }
    const settings = options.settings();
    // Still quiet, or paused, or trading: keep waiting (and keep it across restarts).
    if (silence(holdsNow(s, settings)) !== undefined) {
      armCatchUp();
      return;
    }
    const notice = composeQuietCatchUp(
      s.quietHeld,
      settings,
      options.language(),
      newId(),
      new Date(now()).toISOString(),
    );
    // Forgotten before it is shown, like the told keys: at most once, even if the shell fails.
    save({ quietHeld: [] });
    disarmCatchUp();
    if (notice) publish(notice);
  }

  function armCatchUp() {
    stopCatchUpTimer ??= every(catchUpCheckMs, () => void catchUp());
  }

  function disarmCatchUp() {
    stopCatchUpTimer?.();
    stopCatchUpTimer = undefined;
  }

  function catchUp(): Promise<void> {
    flushing = flushing.then(tellQuietHeld).catch((error: unknown) => {
      log(`notifications: ${errorMessage(error)}`);
    });
    return flushing;
  }

  function publish(notice: Notice) {
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
      // The night's summary goes first when quiet hours have ended meanwhile.
      .then(tellQuietHeld)
      .then(() => (batch.length > 0 ? deliverBatch(batch) : undefined))
      .catch((error: unknown) => {
        log(`notifications: ${errorMessage(error)}`);
      });
    return flushing;
  }

  // Auto-apply acts on its own (an offer to confirm, or a renewal done): it is news like any event.
  const stopAutoApply = options.events.subscribe(({ event, payload }) => {
    if (event !== 'autoApplyNotice') return;
    enqueue([autoApplyOccurrence(payload as EventPayload<'autoApplyNotice'>, new Date(now()).toISOString())]);
  });

  // A request to support unanswered for the days the user chose: the journal decides, this tells it.
  const stopSupportReminders = options.events.subscribe(({ event, payload }) => {
    if (event !== 'supportJournalChanged') return;
    enqueue(
      supportReminderOccurrences(
        payload as EventPayload<'supportJournalChanged'>,
        new Date(now()).toISOString(),
      ),
    );
  });

  // Held for quiet hours in an earlier run and not told yet: the timer picks it up from here.
  if (state().quietHeld.length > 0) armCatchUp();

  return {
    handleEvents(events) {
      enqueue(events.map(occurrenceOf).filter((o): o is Occurrence => o !== undefined));
    },
    async checkThresholdAndExpiry({ program, balance }) {
      const found: Occurrence[] = [];
      const crossed = thresholdOccurrence(state().eligible, program, balance);
      if (crossed) found.push(crossed);
      save({ eligible: program.withdrawal.eligible });
      if (options.lookups && program.status === 'active') {
        const { licenses, catalog } = await options.lookups.licenseInputs();
        found.push(...licenseOccurrences(licenses, catalog, program.withdrawal.availableCents, now()));
      }
      enqueue(found);
    },
    flush,
    catchUp,
    pause: pauseView,
    setPause(what) {
      const until =
        what === 'resume'
          ? null
          : new Date(
              what === '1h' ? now() + 60 * 60 * 1000 : nextLocalMidnight(new Date(now())),
            ).toISOString();
      save({ pausedUntil: until });
      // Resuming may be the last hold on the quiet hours' summary.
      if (what === 'resume') void catchUp();
      return pauseChanged();
    },
    setTrading(trading) {
      save({ trading });
      if (!trading) void catchUp();
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
      stopSupportReminders();
      await flush();
      disarmCatchUp();
    },
  };

  function markSeen() {
    if (!state().unseenEarnings) return;
    save({ unseenEarnings: false });
    options.onChange?.();
  }
}
