// Bridge methods and events of the journal of requests sent to Quantower Support (issue 13), spread
// into bridgeMethods / bridgeEvents in ../bridge.ts. The journal is local (core keeps it in
// support-journal.json); nothing here reaches an accounts server.

import { z } from 'zod';
import { IsoDateTime, LicenseTerm, PayoutMethodId, PositiveCents } from '../accounts-api.ts';
import type { MethodSpec } from '../bridge.ts';
import { PUBLIC_LICENSE_PRODUCTS } from '../license-catalog.ts';
import { SUPPORT_CHANNELS, SUPPORT_REQUEST_KINDS } from '../support-contact.ts';
import { NEXT_SUPPORT_STATUSES, SUPPORT_REQUEST_STATUSES } from '../support-status.ts';
import { CsvExport } from './earnings.ts';

const NoInput = z.object({}).strict();

/** Set by the user as support answers: sent → answered → done, or cancelled on the way. */
export const SupportRequestStatus = z.enum(SUPPORT_REQUEST_STATUSES);
export type SupportRequestStatus = z.infer<typeof SupportRequestStatus>;
export { NEXT_SUPPORT_STATUSES };

export const SupportRequestAmount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whole-balance') }).strict(),
  z.object({ kind: z.literal('cents'), cents: PositiveCents }).strict(),
]);

const Channel = z.enum(SUPPORT_CHANNELS);
const ProductId = z.enum(PUBLIC_LICENSE_PRODUCTS.map((product) => product.id) as [string, ...string[]]);

/** What the UI records once a request has been handed to the mail client or the chat. */
export const SupportRequestRecord = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('payout'),
      amount: SupportRequestAmount,
      channel: Channel,
      method: PayoutMethodId,
    })
    .strict(),
  z
    .object({
      kind: z.literal('license'),
      amount: SupportRequestAmount,
      channel: Channel,
      productId: ProductId,
      term: LicenseTerm,
    })
    .strict(),
]);
export type SupportRequestRecord = z.infer<typeof SupportRequestRecord>;

export const SupportJournalEntry = z
  .object({
    id: z.string().regex(/^[\w-]{1,64}$/u),
    sentAt: IsoDateTime,
    kind: z.enum(SUPPORT_REQUEST_KINDS),
    amount: SupportRequestAmount,
    channel: Channel,
    /** Payout requests: the method asked for (the destination is not kept). */
    method: PayoutMethodId.nullable(),
    /** License requests: the product and term asked for. */
    productId: z.string().min(1).max(64).nullable(),
    term: LicenseTerm.nullable(),
    status: SupportRequestStatus,
    /** When the status was last set (sentAt until the user changes it). */
    statusAt: IsoDateTime,
  })
  .strict();
export type SupportJournalEntry = z.infer<typeof SupportJournalEntry>;

/** "Remind me when a request has had no answer for N days"; null: never. */
export const SupportReminderDays = z.number().int().min(1).max(60);

export const SupportReminder = z.object({ id: z.string(), days: z.number().int().min(0) }).strict();
export type SupportReminder = z.infer<typeof SupportReminder>;

export const SupportJournalView = z
  .object({
    /** Newest first. */
    entries: z.array(SupportJournalEntry),
    reminderDays: SupportReminderDays.nullable(),
    /** Requests still `sent` with no answer for `reminderDays` or more (whole days waiting). */
    reminders: z.array(SupportReminder),
  })
  .strict();
export type SupportJournalView = z.infer<typeof SupportJournalView>;

export const supportJournalMethods = {
  getSupportJournal: { side: 'core', input: NoInput, output: SupportJournalView },
  /** Notes a request just sent (status `sent`, dated now by core). */
  recordSupportRequest: { side: 'core', input: SupportRequestRecord, output: SupportJournalView },
  /** Moves a request along sent → answered → done, or to cancelled; other moves are refused. */
  setSupportRequestStatus: {
    side: 'core',
    input: z.object({ id: z.string().min(1).max(64), status: SupportRequestStatus }).strict(),
    output: SupportJournalView,
  },
  setSupportReminder: {
    side: 'core',
    input: z.object({ days: SupportReminderDays.nullable() }).strict(),
    output: SupportJournalView,
  },
  /** The journal as CSV, oldest first; the UI saves it with saveFile. */
  exportSupportJournalCsv: { side: 'core', input: NoInput, output: CsvExport },
} as const satisfies Record<string, MethodSpec>;

export const supportJournalEvents = {
  /** The journal changed, or a reminder fell due. */
  supportJournalChanged: SupportJournalView,
} as const satisfies Record<string, z.ZodType>;
