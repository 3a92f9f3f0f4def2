// Bridge methods and events of the earnings screen: the dashboard snapshot (balance, program
// status, terms) kept in a cache so it shows at once, the paged history, the chart series, the
// referral statistics and the CSV export. Spread into bridgeMethods / bridgeEvents in shared/bridge.ts.
import { z } from 'zod';
import {
  Balance,
  Cursor,
  EarningsSeries,
  HistoryEntryType,
  HistoryPage,
  HistorySort,
  IsoDateTime,
  PartnerId,
  ProgramStatus,
  ReferralStatsPage,
  SeriesBucket,
  TermsInfo,
  TimeZoneName,
} from '../accounts-api.ts';

const NoInput = z.object({}).strict();

/** Everything the dashboard shows, as read together from the accounts server. */
export const EarningsSnapshot = z
  .object({
    balance: Balance,
    program: ProgramStatus,
    terms: TermsInfo,
    /** When core read it. */
    fetchedAt: IsoDateTime,
  })
  .strict();
export type EarningsSnapshot = z.infer<typeof EarningsSnapshot>;

export const EarningsView = z
  .object({
    /** The last snapshot read for this account (from the cache until the first refresh); null: none yet. */
    snapshot: EarningsSnapshot.nullable(),
    /** A refresh is running. */
    refreshing: z.boolean(),
    /** Why the last refresh failed (the snapshot is then stale); null after a success. */
    error: z
      .object({
        code: z.enum(['unavailable', 'timeout', 'rejected', 'invalid-response', 'signed-out', 'internal']),
        message: z.string(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type EarningsView = z.infer<typeof EarningsView>;

export const CsvExportInput = z
  .object({
    /** Inclusive start of the range (occurredAt); absent: from the beginning. */
    from: IsoDateTime.optional(),
    /** Exclusive end of the range; absent: up to now. */
    to: IsoDateTime.optional(),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from < input.to, 'The range ends before it starts.');

export const CsvExport = z
  .object({
    name: z.string().regex(/^[\w.-]+\.csv$/u),
    text: z.string(),
    rows: z.number().int().min(0),
  })
  .strict();
export type CsvExport = z.infer<typeof CsvExport>;

/**
 * A history page request. Like the API's HistoryQuery, but every field parses to itself (no
 * transform): the bridge validates the same input on both sides, so a parsed value must parse again.
 */
export const HistoryListInput = z
  .object({
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(500).default(50),
    types: z.array(HistoryEntryType).min(1).max(HistoryEntryType.options.length).optional(),
    referralId: PartnerId.optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    q: z.string().min(1).max(100).optional(),
    sort: HistorySort.default('date-desc'),
  })
  .strict();
export type HistoryListInput = z.output<typeof HistoryListInput>;

export const earningsMethods = {
  /** The dashboard as core knows it now (cached snapshot, refresh state); never waits for the network. */
  getEarnings: { side: 'core', input: NoInput, output: EarningsView },
  /** Reads the dashboard again from the accounts server; answers when done (also sent as earningsChanged). */
  refreshEarnings: { side: 'core', input: NoInput, output: EarningsView },
  /** One page of the history, filtered, searched and sorted by the accounts server. */
  listHistory: { side: 'core', input: HistoryListInput, output: HistoryPage },
  /** The chart's series in the user's time zone (the UI's IANA zone: local days, weeks, months). */
  getEarningsSeries: {
    side: 'core',
    input: z.object({ bucket: SeriesBucket, timeZone: TimeZoneName }).strict(),
    output: EarningsSeries,
  },
  listReferralStats: {
    side: 'core',
    input: z
      .object({ cursor: Cursor.optional(), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    output: ReferralStatsPage,
  },
  /** The history of a date range as CSV (exact decimal amounts, UTF-8 with BOM for spreadsheets). */
  exportHistoryCsv: { side: 'core', input: CsvExportInput, output: CsvExport },
} as const;

export const earningsEvents = {
  /** The dashboard view changed: a refresh started, ended, or failed. */
  earningsChanged: EarningsView,
} as const;
