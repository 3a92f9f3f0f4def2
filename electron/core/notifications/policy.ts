// The notification policy, pure: given what happened, the settings, the pause state and the clock,
// what is shown, and how a burst becomes one summary. No I/O, no timers: the service around it
// (notification-service.ts) owns those, so every rule here is tested with plain values.
import type { Notice } from '../../../shared/bridge/live.ts';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationSettings,
  type QuietHours,
} from '../../../shared/live-settings.ts';
import type { Occurrence } from './occurrences.ts';
import type { QuietHeldPart } from './state.ts';
import {
  type CoreLanguage,
  countedPart,
  describeOccurrence,
  quietHoursTitle,
  summaryPart,
  updatesTitle,
} from './text.ts';

export type HoldReason = 'duplicate' | 'kind-off' | 'paused' | 'trading' | 'quiet-hours';

export interface PauseState {
  /** Epoch ms until which notifications are held; null when not paused. */
  pausedUntil: number | null;
  trading: boolean;
}

export interface PolicyInput {
  settings: NotificationSettings;
  pause: PauseState;
  now: number;
  /** Minutes since local midnight at `now` (injected: the user's clock, not the process's TZ in tests). */
  localMinutes: number;
  /** Told before (in this or an earlier run). */
  alreadyNotified(key: string): boolean;
}

export interface Decision {
  show: Occurrence[];
  held: { occurrence: Occurrence; reason: HoldReason }[];
}

export function decide(occurrences: readonly Occurrence[], input: PolicyInput): Decision {
  const decision: Decision = { show: [], held: [] };
  const seen = new Set<string>();
  const silenced = silence(input);
  for (const occurrence of occurrences) {
    let reason: HoldReason | undefined;
    if (seen.has(occurrence.key) || input.alreadyNotified(occurrence.key)) reason = 'duplicate';
    else if (!input.settings.kinds[occurrence.kind]) reason = 'kind-off';
    else reason = silenced;
    seen.add(occurrence.key);
    if (reason) decision.held.push({ occurrence, reason });
    else decision.show.push(occurrence);
  }
  return decision;
}

/** Whatever holds every notification at this moment (trading, paused, quiet hours), if anything does. */
export function silence(input: Omit<PolicyInput, 'alreadyNotified'>): HoldReason | undefined {
  if (input.pause.trading) return 'trading';
  // No pause (null) is a pause that ended before any clock.
  if (input.now < (input.pause.pausedUntil ?? Number.NEGATIVE_INFINITY)) return 'paused';
  if (inQuietHours(input.settings.quietHours, input.localMinutes)) return 'quiet-hours';
  return undefined;
}

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether `localMinutes` falls in [from, to), which may wrap past midnight; from = to means never. */
export function inQuietHours(quiet: QuietHours, localMinutes: number): boolean {
  if (!quiet.enabled) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  // from = to returned above, so < and <= agree (>=, which swaps the two windows, is caught by the tests).
  // Stryker disable next-line EqualityOperator: equivalent where < becomes <=.
  const withinOneDay = from < to;
  return withinOneDay ? localMinutes >= from && localMinutes < to : localMinutes >= from || localMinutes < to;
}

/** One notice for what is shown together: the occurrence itself, or a summary of a burst. */
export function compose(
  shown: readonly Occurrence[],
  language: CoreLanguage,
  id: string,
  at: string,
): Notice {
  const first = shown[0];
  if (!first) throw new RangeError('Nothing to compose.');
  if (shown.length === 1) {
    const { title, body } = describeOccurrence(first, language);
    return {
      id,
      kind: first.kind,
      title,
      body,
      at,
      count: 1,
      ...(first.amountCents === undefined ? {} : { amountCents: first.amountCents }),
      target: first.target,
    };
  }
  const byKind = new Map<NotificationKind, Occurrence[]>();
  for (const occurrence of shown)
    byKind.set(occurrence.kind, [...(byKind.get(occurrence.kind) ?? []), occurrence]);
  const parts = [...byKind].map(([kind, items]) => summaryPart(kind, items, language));
  const money = shown.filter((o) => o.kind === 'commission' || o.kind === 'reversal');
  const kinds = [...byKind.keys()];
  const onlyKind = kinds.length === 1 ? kinds[0] : undefined;
  return {
    id,
    kind: 'summary',
    title: onlyKind ? (parts[0] as string) : updatesTitle(shown.length, language),
    body: onlyKind ? '' : parts.join(' · '),
    at,
    count: shown.length,
    ...(money.length > 0 ? { amountCents: money.reduce((sum, o) => sum + (o.amountCents ?? 0), 0) } : {}),
    target: money.length > 0 ? { section: 'earnings' } : { section: first.target.section },
  };
}

const isMoney = (kind: NotificationKind) => kind === 'commission' || kind === 'reversal';

/**
 * Adds what was just held for quiet hours to what is waiting for the catch-up: one part per kind,
 * counted, with the net money of commissions and reversals. Only pass occurrences the policy held
 * with reason 'quiet-hours' (a duplicate or a switched-off kind is never caught up on).
 */
export function addQuietHeld(parts: readonly QuietHeldPart[], held: readonly Occurrence[]): QuietHeldPart[] {
  const next = parts.map((part) => ({ ...part }));
  for (const occurrence of held) {
    const money = isMoney(occurrence.kind) ? (occurrence.amountCents ?? 0) : 0;
    const part = next.find((p) => p.kind === occurrence.kind);
    if (part) {
      part.count += 1;
      part.amountCents += money;
    } else {
      next.push({ kind: occurrence.kind, count: 1, amountCents: money, section: occurrence.target.section });
    }
  }
  return next;
}

/**
 * The one notice told when quiet hours end: "While quiet hours were on" over "3 new commissions,
 * +$12.30 · 1 new referral". Kinds the user has switched off since are left out; undefined when
 * nothing is left. A click opens earnings when money is in it, else the section of the first part.
 */
export function composeQuietCatchUp(
  parts: readonly QuietHeldPart[],
  settings: NotificationSettings,
  language: CoreLanguage,
  id: string,
  at: string,
): Notice | undefined {
  const told = parts
    .filter((part) => settings.kinds[part.kind])
    .sort((a, b) => NOTIFICATION_KINDS.indexOf(a.kind) - NOTIFICATION_KINDS.indexOf(b.kind));
  const first = told[0];
  if (!first) return undefined;
  const money = told.filter((part) => isMoney(part.kind));
  return {
    id,
    kind: 'summary',
    title: quietHoursTitle(language),
    body: told.map((part) => countedPart(part.kind, part.count, part.amountCents, language)).join(' · '),
    at,
    count: told.reduce((sum, part) => sum + part.count, 0),
    ...(money.length > 0 ? { amountCents: money.reduce((sum, part) => sum + part.amountCents, 0) } : {}),
    target: { section: money.length > 0 ? 'earnings' : first.section },
  };
}

/** The next local midnight after `now`: "until tomorrow". */
export function nextLocalMidnight(now: Date): number {
  const next = new Date(now);
  next.setHours(24, 0, 0, 0);
  return next.getTime();
}
