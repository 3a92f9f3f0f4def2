// Settings of the live side of the companion: which notifications to show and when, and how the
// widget window behaves. Spread into the one Settings schema (shared/settings.ts), so they are
// validated on load, on every patch and on every answer like every other setting.
import { z } from 'zod';

/** What a notification is about; each kind has its own toggle. */
export const NotificationKind = z.enum([
  'commission', // a referral bought something
  'referral', // a new referral registered through the link
  'reversal', // a refund reversed a commission
  'payout', // a payout request changed status
  'threshold', // the balance crossed the withdrawal thresholds
  'license', // a license expires soon and the balance could renew it
  'terms', // the program's terms changed
  'disqualified', // the partner was disqualified
]);
export type NotificationKind = z.infer<typeof NotificationKind>;
export const NOTIFICATION_KINDS = NotificationKind.options;

/** "HH:MM", 24-hour, local time. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'a time as HH:MM (00:00–23:59)');

const kindToggles = Object.fromEntries(
  NOTIFICATION_KINDS.map((kind) => [kind, z.boolean().default(true)]),
) as {
  [K in NotificationKind]: z.ZodDefault<z.ZodBoolean>;
};
const ALL_ON = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, true])) as Record<
  NotificationKind,
  boolean
>;

export const QuietHours = z
  .object({
    enabled: z.boolean().default(false),
    /** Local time the quiet period starts; it may wrap past midnight (22:00 → 07:00). */
    from: ClockTime.default('22:00'),
    to: ClockTime.default('07:00'),
  })
  .strict();
export type QuietHours = z.infer<typeof QuietHours>;

export const NotificationSettings = z
  .object({
    kinds: z.object(kindToggles).strict().default(ALL_ON),
    quietHours: QuietHours.default({ enabled: false, from: '22:00', to: '07:00' }),
  })
  .strict();
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const WindowSettings = z
  .object({
    /** Keep the compact window above other windows (the trading platform). */
    alwaysOnTop: z.boolean().default(false),
    /** Start with the operating system (Electron only). */
    startAtLogin: z.boolean().default(false),
    /** When started at login, stay in the tray instead of opening the window. */
    startHidden: z.boolean().default(true),
  })
  .strict();
export type WindowSettings = z.infer<typeof WindowSettings>;

/**
 * The accounts server. null = demo mode (the embedded sandbox). Takes effect at the next start:
 * the session, the kept sign-in and the embedded sandbox all belong to one server, so switching
 * under a running core would mix them (the UI offers a restart).
 */
export const AccountsUrlSetting = z
  .url({ protocol: /^https?$/u })
  .max(2_000)
  .nullable()
  .describe('An http(s) accounts API base URL, or null for demo mode.');

/** The fields spread into Settings. */
export const liveSettingsShape = {
  notifications: NotificationSettings.default({
    kinds: ALL_ON,
    quietHours: { enabled: false, from: '22:00', to: '07:00' },
  }),
  window: WindowSettings.default({ alwaysOnTop: false, startAtLogin: false, startHidden: true }),
  accountsUrl: AccountsUrlSetting.default(null),
};

/** The fields spread into SettingsPatch: everything optional, objects partial. */
export const liveSettingsPatchShape = {
  notifications: z
    .object({
      kinds: z
        .object(
          Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean().optional()])) as {
            [K in NotificationKind]: z.ZodOptional<z.ZodBoolean>;
          },
        )
        .strict()
        .optional(),
      quietHours: z
        .object({ enabled: z.boolean().optional(), from: ClockTime.optional(), to: ClockTime.optional() })
        .strict()
        .optional(),
    })
    .strict()
    .optional(),
  window: z
    .object({
      alwaysOnTop: z.boolean().optional(),
      startAtLogin: z.boolean().optional(),
      startHidden: z.boolean().optional(),
    })
    .strict()
    .optional(),
  accountsUrl: AccountsUrlSetting.optional(),
};
