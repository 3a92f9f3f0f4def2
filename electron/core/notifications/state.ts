// What the notifier remembers between runs: the stream position (so a restart resumes and tells
// what it missed), the keys of what was already told (so nothing is told twice, even when a
// resume or a poll brings it again), the pause, the tray's "new earnings" flag, and what quiet hours
// held back and is still to be told in one catch-up summary.
import { z } from 'zod';
import { IsoDateTime } from '../../../shared/accounts-api.ts';
import { NavigationTarget } from '../../../shared/bridge/live.ts';
import { NOTIFICATION_KINDS, NotificationKind } from '../../../shared/live-settings.ts';
import { Cents } from '../../../shared/money.ts';
import { createMemoryValidated, openValidatedFile } from '../validated-json-file.ts';

/** Enough to cover any replay; the oldest keys go first. */
export const MAX_NOTIFIED_KEYS = 2_000;

/**
 * A section as the file keeps it. Files written before the Referral section's target was called
 * 'referral' hold 'home': it is read as 'referral', so such a file is not set aside.
 */
const SavedSection = z.preprocess(
  (section) => (section === 'home' ? 'referral' : section),
  NavigationTarget.shape.section,
);

/** What quiet hours held back of one kind, waiting for the catch-up summary. */
export const QuietHeldPart = z
  .object({
    kind: NotificationKind,
    count: z.number().int().positive(),
    /** The net money of a commission or reversal part (0 for the other kinds). */
    amountCents: Cents,
    /** Where the first held item of this kind opens. */
    section: SavedSection,
  })
  .strict();
export type QuietHeldPart = z.infer<typeof QuietHeldPart>;

export const NotificationState = z
  .object({
    v: z.literal(1).default(1),
    /** Which accounts server the cursor belongs to: another server's ids mean nothing here. */
    scope: z.string().max(2_000).nullable().default(null),
    lastEventId: z
      .string()
      .regex(/^\d{1,15}$/u)
      .nullable()
      .default(null),
    notified: z.array(z.string().min(1).max(300)).max(MAX_NOTIFIED_KEYS).default([]),
    pausedUntil: IsoDateTime.nullable().default(null),
    trading: z.boolean().default(false),
    /** Earnings arrived that the user has not looked at yet (the tray shows it). */
    unseenEarnings: z.boolean().default(false),
    /** Whether the balance met the withdrawal thresholds when last checked (null: never checked). */
    eligible: z.boolean().nullable().default(null),
    /**
     * Held back for quiet hours and not told yet, one part per kind: told once, as one summary, when
     * quiet hours end and nothing else holds notifications (absent in older files: nothing pending).
     */
    quietHeld: z.array(QuietHeldPart).max(NOTIFICATION_KINDS.length).default([]),
  })
  .strict();
export type NotificationState = z.output<typeof NotificationState>;
export const INITIAL_NOTIFICATION_STATE: NotificationState = Object.freeze(NotificationState.parse({}));

export interface NotificationStateStore {
  read(): NotificationState;
  write(state: NotificationState): void;
}

export const NOTIFICATION_STATE_FILE_NAME = 'notifications';

/** `notifications.json` in the shell's data directory, set aside (not crashed on) when damaged. */
export function openNotificationStateFile(options: {
  cwd: string;
  now?: () => Date;
  log?: (message: string) => void;
}): NotificationStateStore & { readonly path: string; readonly setAside: string | undefined } {
  return openValidatedFile({
    ...options,
    name: NOTIFICATION_STATE_FILE_NAME,
    schema: NotificationState,
    defaults: INITIAL_NOTIFICATION_STATE,
    label: 'Notification state',
  });
}

export function createMemoryNotificationStateStore(
  initial: NotificationState = INITIAL_NOTIFICATION_STATE,
): NotificationStateStore {
  return createMemoryValidated(NotificationState, initial);
}
