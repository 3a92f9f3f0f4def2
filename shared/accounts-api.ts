// The accounts API contract spoken by the companion and implemented by the sandbox.
// Quantower publishes no referral API, so this contract is ours; the sandbox implements it
// and the companion can point at any server that does (configurable base URL).
import { z } from 'zod';
import { Cents } from './money.ts';
import { payoutDestinationProblem } from './payout-destination.ts';
import { isKnownTimeZone } from './time-zone.ts';

export const API_PREFIX = '/api/v1';

export const accountsPaths = {
  profile: `${API_PREFIX}/me`,
  referral: `${API_PREFIX}/referral`,
  referrals: `${API_PREFIX}/referrals`,
  commissions: `${API_PREFIX}/commissions`,
  history: `${API_PREFIX}/history`,
  earningsSeries: `${API_PREFIX}/earnings-series`,
  referralStats: `${API_PREFIX}/referral-stats`,
  balance: `${API_PREFIX}/balance`,
  program: `${API_PREFIX}/program`,
  terms: `${API_PREFIX}/terms`,
  payoutMethods: `${API_PREFIX}/payout-methods`,
  payouts: `${API_PREFIX}/payouts`,
  payout: `${API_PREFIX}/payouts/:id`,
  payoutCancel: `${API_PREFIX}/payouts/:id/cancel`,
  licenses: `${API_PREFIX}/licenses`,
  catalog: `${API_PREFIX}/catalog`,
  credits: `${API_PREFIX}/credits`,
  credit: `${API_PREFIX}/credits/:id`,
  events: `${API_PREFIX}/events`,
} as const;

/** Fills `:name` placeholders of an accountsPaths template, percent-encoding each value. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([a-zA-Z]+)/gu, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/** Makes POSTs that create something safe to retry: same key + same body → same answer. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IdempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/u, 'printable ASCII without spaces');

export const PartnerId = z.string().min(1).max(64);

export const Profile = z.object({
  partnerId: PartnerId,
  email: z.email(),
  displayName: z.string().min(1).max(200),
});
export type Profile = z.infer<typeof Profile>;

export const ReferralInfo = z.object({
  code: z.string().min(1).max(128),
  /** The full link, built with the shared builder from `code` and `linkBase`. */
  link: z.url(),
  linkBase: z.url(),
});
export type ReferralInfo = z.infer<typeof ReferralInfo>;

/** Every non-2xx answer of the accounts API has this body. */
export const ApiError = z.object({
  error: z.string().min(1),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiError>;

// ---- the referral program (issue 4) ---------------------------------------------------------

export const IsoDateTime = z.iso.datetime({ offset: true });
/** Rates are integer basis points: 1500 = 15 %. No float ever carries a rate. */
export const BasisPoints = z.number().int().min(0).max(10_000);
export const PositiveCents = Cents.refine((n) => n > 0, 'must be more than 0 cents');

export const Cursor = z.string().min(1).max(500);
export const PageQuery = z.object({
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;
/** A cursor page: `nextCursor` is null on the last page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: Cursor.nullable() });
}

export const Referral = z.object({
  id: PartnerId,
  displayName: z.string().min(1).max(200),
  registeredAt: IsoDateTime,
});
export type Referral = z.infer<typeof Referral>;
export const ReferralPage = Page(Referral);
export type ReferralPage = z.infer<typeof ReferralPage>;

export const LicenseTerm = z.enum(['1m', '3m', '6m', '1y', 'lifetime']);
export type LicenseTerm = z.infer<typeof LicenseTerm>;
export const ProductKind = z.enum(['platform', 'addon']);

export const CatalogItem = z.object({
  sku: z.string().min(1).max(64),
  productId: z.string().min(1).max(64),
  productName: z.string().min(1),
  kind: ProductKind,
  term: LicenseTerm,
  priceCents: Cents,
});
export type CatalogItem = z.infer<typeof CatalogItem>;
export const Catalog = z.object({ items: z.array(CatalogItem) });
export type Catalog = z.infer<typeof Catalog>;

export const PurchaseSummary = z.object({
  id: z.string(),
  referralId: PartnerId,
  sku: z.string(),
  listPriceCents: Cents,
  discountCents: Cents,
  paidCents: Cents,
  purchasedAt: IsoDateTime,
});
export type PurchaseSummary = z.infer<typeof PurchaseSummary>;

export const CommissionType = z.enum(['earned', 'reversed']);
export type CommissionType = z.infer<typeof CommissionType>;
export const Commission = z.object({
  id: z.string(),
  type: CommissionType,
  /** Signed: positive when earned, negative when reversed by a refund. */
  amountCents: Cents,
  purchase: PurchaseSummary,
  /** The refunded amount behind a reversal; null for an earned commission. */
  refundCents: Cents.nullable(),
  rateBp: BasisPoints,
  termsVersion: z.number().int().positive(),
  recordedAt: IsoDateTime,
  /** Until this time the amount is pending (the terms' hold period). */
  availableAt: IsoDateTime,
});
export type Commission = z.infer<typeof Commission>;
export const CommissionQuery = PageQuery.extend({
  type: CommissionType.optional(),
  referralId: PartnerId.optional(),
  /** Inclusive lower bound on the purchase time. */
  from: IsoDateTime.optional(),
  /** Exclusive upper bound on the purchase time. */
  to: IsoDateTime.optional(),
});
export type CommissionQuery = z.infer<typeof CommissionQuery>;
export const CommissionPage = Page(Commission);
export type CommissionPage = z.infer<typeof CommissionPage>;

/**
 * Every figure is derived from the append-only ledger:
 * earned − reversed = available + pending + reserved + paidOut + credited + cancelled,
 * and available + pending = the sum of all the partner's ledger entries.
 * `available` can be negative: a refund after a payout leaves a debt later earnings absorb.
 */
export const Balance = z.object({
  availableCents: Cents,
  pendingCents: Cents,
  /** Held by payout requests and license credits still in progress. */
  reservedCents: Cents,
  paidOutCents: Cents,
  creditedCents: Cents,
  cancelledCents: Cents,
  earnedCents: Cents,
  reversedCents: Cents,
  /** When these figures last changed (not the time of the request): the ETag holds until then. */
  asOf: IsoDateTime,
});
export type Balance = z.infer<typeof Balance>;

export const Terms = z.object({
  version: z.number().int().positive(),
  effectiveFrom: IsoDateTime,
  publishedAt: IsoDateTime,
  rateBp: BasisPoints,
  minPayoutCents: Cents,
  minReferrals: z.number().int().min(0),
  holdDays: z.number().int().min(0),
  summary: z.string(),
});
export type Terms = z.infer<typeof Terms>;
export const TermsInfo = z.object({
  current: Terms,
  /** Every published version, newest first (including future-dated ones). */
  history: z.array(Terms),
});
export type TermsInfo = z.infer<typeof TermsInfo>;

export const ProgramStatus = z.object({
  status: z.enum(['active', 'disqualified']),
  disqualifiedAt: IsoDateTime.nullable(),
  disqualificationReason: z.string().nullable(),
  /** The rate that applies to a purchase made now. */
  rateBp: BasisPoints,
  rateSource: z.enum(['terms', 'partner']),
  termsVersion: z.number().int().positive(),
  referralsCount: z.number().int().min(0),
  withdrawal: z.object({
    minPayoutCents: Cents,
    minReferrals: z.number().int().min(0),
    availableCents: Cents,
    eligible: z.boolean(),
  }),
});
export type ProgramStatus = z.infer<typeof ProgramStatus>;

export const PayoutMethodId = z.enum(['paypal', 'usdt-trc20', 'wire']);
export type PayoutMethodId = z.infer<typeof PayoutMethodId>;
export const PayoutMethod = z.object({
  id: PayoutMethodId,
  name: z.string(),
  destinationLabel: z.string(),
  destinationExample: z.string(),
});
export type PayoutMethod = z.infer<typeof PayoutMethod>;
export const PayoutMethods = z.object({ items: z.array(PayoutMethod) });
export type PayoutMethods = z.infer<typeof PayoutMethods>;

// Destination rules live in payout-destination.ts (zod-free, so the UI checks with the same code).
export { payoutDestinationProblem };

export const PayoutStatus = z.enum(['requested', 'processing', 'paid', 'rejected', 'cancelled']);
export type PayoutStatus = z.infer<typeof PayoutStatus>;
export const Payout = z.object({
  id: z.string(),
  amountCents: PositiveCents,
  method: PayoutMethodId,
  destination: z.string(),
  status: PayoutStatus,
  /** Why it was rejected; null otherwise. */
  reason: z.string().nullable(),
  termsVersion: z.number().int().positive(),
  requestedAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Payout = z.infer<typeof Payout>;
export const PayoutPage = Page(Payout);
export type PayoutPage = z.infer<typeof PayoutPage>;
export const PayoutRequest = z
  .object({
    amountCents: PositiveCents,
    method: PayoutMethodId,
    destination: z.string().trim().min(1).max(200),
  })
  .strict()
  .superRefine((value, ctx) => {
    const problem = payoutDestinationProblem(value.method, value.destination);
    if (problem) ctx.addIssue({ code: 'custom', path: ['destination'], message: problem });
  });
export type PayoutRequest = z.infer<typeof PayoutRequest>;

export const License = z.object({
  productId: z.string(),
  productName: z.string(),
  kind: ProductKind,
  lifetime: z.boolean(),
  /** Null for a lifetime license. */
  availableTill: IsoDateTime.nullable(),
});
export type License = z.infer<typeof License>;
export const Licenses = z.object({ items: z.array(License) });
export type Licenses = z.infer<typeof Licenses>;

export const CreditStatus = z.enum(['applied', 'awaiting-payment', 'cancelled']);
export type CreditStatus = z.infer<typeof CreditStatus>;
export const Credit = z.object({
  id: z.string(),
  sku: z.string(),
  priceCents: Cents,
  creditCents: PositiveCents,
  /** What is left to pay at checkout; 0 when the balance covered the whole renewal. */
  remainderCents: Cents,
  status: CreditStatus,
  /** Where to pay the remainder; null when nothing is left to pay. */
  checkoutUrl: z.url().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Credit = z.infer<typeof Credit>;
export const CreditPage = Page(Credit);
export type CreditPage = z.infer<typeof CreditPage>;
export const CreditRequest = z
  .object({
    sku: z.string().min(1).max(64),
    /** How much of the balance to apply; default: as much as the price and the balance allow. */
    amountCents: PositiveCents.optional(),
  })
  .strict();
export type CreditRequest = z.infer<typeof CreditRequest>;

// ---- earnings: the whole ledger history, a series for the chart, referral statistics (issue 5) --

/** What the partner sees of each ledger movement (holds and their releases are bookkeeping, not shown). */
export const HistoryEntryType = z.enum(['earned', 'reversed', 'cancelled', 'paid-out', 'credited']);
export type HistoryEntryType = z.infer<typeof HistoryEntryType>;
export const HistoryEntry = z.object({
  id: z.string(),
  type: HistoryEntryType,
  /** Signed, as the ledger holds it: positive earned, negative for everything else. */
  amountCents: Cents,
  /** When it happened: the purchase time for an earned commission, else when it was recorded. */
  occurredAt: IsoDateTime,
  recordedAt: IsoDateTime,
  availableAt: IsoDateTime,
  /** The purchase behind an earned or reversed commission; null otherwise. */
  purchase: PurchaseSummary.nullable(),
  productName: z.string().nullable(),
  referralId: PartnerId.nullable(),
  referralName: z.string().nullable(),
  refundCents: Cents.nullable(),
  rateBp: BasisPoints.nullable(),
  termsVersion: z.number().int().positive().nullable(),
  payoutId: z.string().nullable(),
  creditId: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistorySort = z.enum(['date-desc', 'date-asc', 'amount-desc', 'amount-asc']);
export type HistorySort = z.infer<typeof HistorySort>;
export const HistoryQuery = PageQuery.extend({
  /** Comma-separated types; absent: all. */
  types: z
    .string()
    .max(100)
    .transform((text, ctx) => {
      const types = text.split(',').filter((part) => part !== '');
      const parsed = z.array(HistoryEntryType).min(1).safeParse(types);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `types: one or more of ${HistoryEntryType.options.join(', ')}`,
        });
        return z.NEVER;
      }
      return [...new Set(parsed.data)];
    })
    .optional(),
  referralId: PartnerId.optional(),
  /** Inclusive lower bound on occurredAt. */
  from: IsoDateTime.optional(),
  /** Exclusive upper bound on occurredAt. */
  to: IsoDateTime.optional(),
  /** Case-insensitive text in the product, SKU or referral name, or an exact purchase id. */
  q: z.string().trim().min(1).max(100).optional(),
  sort: HistorySort.default('date-desc'),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;
export const HistoryPage = Page(HistoryEntry);
export type HistoryPage = z.infer<typeof HistoryPage>;

export const SeriesBucket = z.enum(['day', 'week', 'month']);
export type SeriesBucket = z.infer<typeof SeriesBucket>;
/** An IANA time zone name the runtime knows: "Europe/Moscow", "America/New_York", "UTC". */
export const TimeZoneName = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, { error: 'must be an IANA time zone name, e.g. Europe/Moscow or UTC' })
  .meta({ description: 'An IANA time zone name, e.g. Europe/Moscow', examples: ['Europe/Moscow'] });

export const EarningsSeriesQuery = z.object({
  bucket: SeriesBucket.default('day'),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  /** The time zone whose calendar the buckets follow (local midnight, Monday, the 1st); default UTC. */
  tz: TimeZoneName.default('UTC'),
});
export type EarningsSeriesQuery = z.infer<typeof EarningsSeriesQuery>;
export const EarningsSeries = z.object({
  bucket: SeriesBucket,
  /** The time zone the buckets follow (the query's `tz`, as the server's time zone data names it). */
  timeZone: z.string().min(1),
  /**
   * Oldest first; empty buckets are left out. Buckets follow the calendar of `timeZone`: a day
   * from local midnight, a week from Monday, a month from the 1st; `start` is the instant (UTC)
   * at which the local bucket starts (the first instant of the local day when midnight is skipped).
   */
  points: z.array(
    z.object({
      start: IsoDateTime,
      earnedCents: Cents,
      /** Positive: the commission given back by refunds in the bucket. */
      reversedCents: Cents,
    }),
  ),
});
export type EarningsSeries = z.infer<typeof EarningsSeries>;

export const ReferralStats = Referral.extend({
  /** The referral's e-mail, masked by the server (j***@example.com). */
  emailMasked: z.string(),
  purchasesCount: z.number().int().min(0),
  /** What they paid, after discounts, before refunds. */
  paidCents: Cents,
  /** Net commission they brought: earned − reversed. */
  commissionCents: Cents,
});
export type ReferralStats = z.infer<typeof ReferralStats>;
export const ReferralStatsPage = Page(ReferralStats);
export type ReferralStatsPage = z.infer<typeof ReferralStatsPage>;

// ---- the event stream (Server-Sent Events; `id` resumes with Last-Event-ID) -----------------

export const EventType = z.enum([
  'referral.registered',
  'commission.earned',
  'commission.reversed',
  'payout.status',
  'credit.applied',
  'terms.published',
  'partner.disqualified',
]);
export type EventType = z.infer<typeof EventType>;

const CommissionEventData = z.object({
  commissionId: z.string(),
  purchaseId: z.string(),
  referralId: PartnerId,
  amountCents: Cents,
});
export const ProgramEvent = z.discriminatedUnion('type', [
  z.object({ id: z.string(), at: IsoDateTime, type: z.literal('referral.registered'), data: Referral }),
  z.object({
    id: z.string(),
    at: IsoDateTime,
    type: z.literal('commission.earned'),
    data: CommissionEventData,
  }),
  z.object({
    id: z.string(),
    at: IsoDateTime,
    type: z.literal('commission.reversed'),
    data: CommissionEventData,
  }),
  z.object({ id: z.string(), at: IsoDateTime, type: z.literal('payout.status'), data: Payout }),
  z.object({ id: z.string(), at: IsoDateTime, type: z.literal('credit.applied'), data: Credit }),
  z.object({ id: z.string(), at: IsoDateTime, type: z.literal('terms.published'), data: Terms }),
  z.object({
    id: z.string(),
    at: IsoDateTime,
    type: z.literal('partner.disqualified'),
    data: z.object({ reason: z.string(), cancelledCents: Cents }),
  }),
]);
export type ProgramEvent = z.infer<typeof ProgramEvent>;
