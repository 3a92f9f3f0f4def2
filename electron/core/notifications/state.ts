// What the notifier remembers between runs: the stream position (so a restart resumes and tells
// what it missed), the keys of what was already told (so nothing is told twice, even when a
// resume or a poll brings it again), the pause, and the tray's "new earnings" flag.
import { z } from 'zod';
import { IsoDateTime } from '../../../shared/accounts-api.ts';
import { openValidatedFile } from '../settings/validated-file.ts';

/** Enough to cover any replay; the oldest keys go first. */
export const MAX_NOTIFIED_KEYS = 2_000;

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
  let current = NotificationState.parse(initial);
  return {
    read: () => current,
    write(state) {
      current = NotificationState.parse(state);
    },
  };
}
