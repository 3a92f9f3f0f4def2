// Bridge methods and events for payout requests and license credits (issue 6), spread into
// bridgeMethods / bridgeEvents in ../bridge.ts.
//
// Filing is two steps so that a double click can never file twice: `prepare…` checks the request
// against the terms in force and answers a draft with a request key that core created; `submit…`
// files that draft with the key as its Idempotency-Key, persisted before it is sent. Submitting the
// same key again (double click, retry) answers the one request that key filed.
import { z } from 'zod';
import {
  CatalogItem,
  Credit,
  CreditRequest,
  IdempotencyKey,
  IsoDateTime,
  License,
  LicenseTerm,
  Payout,
  PayoutMethod,
  PayoutMethodId,
  PayoutRequest,
  PositiveCents,
  ProgramStatus,
  Terms,
} from '../accounts-api.ts';
import type { MethodSpec } from '../bridge.ts';
import type { Blocker as ReadinessBlocker } from '../earnings-readiness.ts';
import { Cents } from '../money.ts';

const NoInput = z.object({}).strict();

/** Why an action is unavailable, as data: the UI words it in the user's language. */
export const Blocker = z.discriminatedUnion('code', [
  z.object({ code: z.literal('disqualified'), reason: z.string().nullable() }),
  z.object({ code: z.literal('below-minimum'), minCents: Cents, availableCents: Cents }),
  z.object({
    code: z.literal('not-enough-referrals'),
    minReferrals: z.number().int(),
    referrals: z.number().int(),
  }),
  z.object({ code: z.literal('no-balance'), availableCents: Cents }),
]);
export type Blocker = z.infer<typeof Blocker>;
// The schema validates what shared/earnings-readiness.ts computes: the two must stay one shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const blockerShapesAgree: Same<Blocker, ReadinessBlocker> = true;
void blockerShapesAgree;

/**
 * Why core refused a payout or credit request, as a code and its data (carried in the bridge
 * failure): the UI words it from the catalog (shared/i18n/refusal-text.ts), in the user's language.
 */
export const Refusal = z.discriminatedUnion('code', [
  ...Blocker.options,
  z.object({ code: z.literal('method-not-offered'), method: z.string().max(64) }),
  z.object({
    code: z.literal('destination'),
    problem: z.enum(['email', 'tron-address', 'iban-format', 'iban-check']),
  }),
  z.object({ code: z.literal('above-available'), availableCents: Cents }),
  z.object({ code: z.literal('amount-below-minimum'), minCents: Cents }),
  z.object({ code: z.literal('draft-expired') }),
  z.object({ code: z.literal('unknown-license'), sku: z.string().max(64) }),
  z.object({ code: z.literal('lifetime-license'), productName: z.string().max(200) }),
  z.object({ code: z.literal('above-price'), priceCents: Cents }),
]);
export type Refusal = z.infer<typeof Refusal>;

/** What kind of trouble a request in the outbox met: the UI words it (common:errorTitles). */
export const OutboxProblem = z.enum(['unavailable', 'timeout', 'rejected', 'invalid-response', 'internal']);
export type OutboxProblem = z.infer<typeof OutboxProblem>;

/** A request this machine filed (or is filing) that is not settled yet between it and the server. */
export const OutboxItem = z.object({
  key: IdempotencyKey,
  kind: z.enum(['payout', 'credit']),
  /** sending: kept and resent with its key until the server answers; failed: the server refused it. */
  state: z.enum(['sending', 'failed']),
  amountCents: PositiveCents,
  /** Payout method, or the license SKU for a credit. */
  label: z.string(),
  createdAt: IsoDateTime,
  /** Why it failed, or why the last attempt did not get through (as the server or network said, English). */
  problem: z.string().nullable(),
  /** The kind of that problem, which the UI words in the user's language (null: none, or an older entry). */
  problemCode: OutboxProblem.nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const PayoutsView = z.object({
  program: ProgramStatus,
  terms: Terms,
  methods: z.array(PayoutMethod),
  /** Empty when a payout may be requested now. */
  blockers: z.array(Blocker),
  /** Newest first. */
  items: z.array(Payout),
  outbox: z.array(OutboxItem),
  referralCode: z.string(),
  asOf: IsoDateTime,
});
export type PayoutsView = z.infer<typeof PayoutsView>;

export const PayoutDraft = z.object({
  key: IdempotencyKey,
  amountCents: PositiveCents,
  method: PayoutMethodId,
  methodName: z.string(),
  destination: z.string(),
  termsVersion: z.number().int().positive(),
  availableCents: Cents,
  /** The available balance once this request holds its amount. */
  availableAfterCents: Cents,
});
export type PayoutDraft = z.infer<typeof PayoutDraft>;

export const LicenseRow = z.object({
  license: License,
  /** Whole days until "available till" (negative once expired); null for a lifetime license. */
  daysLeft: z.number().int().nullable(),
  /** Renewal options from the catalog for this product (none for a lifetime license). */
  options: z.array(CatalogItem),
  /** Auto-apply is switched on for this license with this renewal option. */
  autoApplySku: z.string().nullable(),
});
export type LicenseRow = z.infer<typeof LicenseRow>;

/** The companion offers once to renew a license from the balance (auto-apply in "ask" mode). */
export const CreditOffer = z.object({
  productId: z.string(),
  productName: z.string(),
  sku: z.string(),
  term: LicenseTerm,
  priceCents: Cents,
  creditCents: PositiveCents,
  remainderCents: Cents,
  availableTill: IsoDateTime,
});
export type CreditOffer = z.infer<typeof CreditOffer>;

export const LicensesView = z.object({
  licenses: z.array(LicenseRow),
  availableCents: Cents,
  /** Empty when the balance may be applied to a license now. */
  blockers: z.array(Blocker),
  /** Newest first. */
  credits: z.array(Credit),
  outbox: z.array(OutboxItem),
  offers: z.array(CreditOffer),
  asOf: IsoDateTime,
});
export type LicensesView = z.infer<typeof LicensesView>;

export const CreditDraft = z.object({
  key: IdempotencyKey,
  sku: z.string(),
  productName: z.string(),
  term: LicenseTerm,
  priceCents: Cents,
  creditCents: PositiveCents,
  /** Left to pay at checkout after the credit; 0 when the balance covers the renewal. */
  remainderCents: Cents,
  availableCents: Cents,
  /** The license's current "available till" (null when it is new or lifetime). */
  availableTill: IsoDateTime.nullable(),
});
export type CreditDraft = z.infer<typeof CreditDraft>;

const RequestKeyInput = z.object({ key: IdempotencyKey }).strict();

export const payoutMethods = {
  getPayouts: { side: 'core', input: NoInput, output: PayoutsView },
  /** Checks a payout against the terms in force and the balance; answers a draft to confirm. */
  preparePayout: { side: 'core', input: PayoutRequest, output: PayoutDraft },
  /** Files a prepared payout; the same key again answers the same payout. */
  submitPayout: { side: 'core', input: RequestKeyInput, output: Payout },
  /** Withdraws a payout that is still `requested`. */
  cancelPayout: {
    side: 'core',
    input: z.object({ id: z.string().min(1).max(200) }).strict(),
    output: Payout,
  },
  /** Forgets a request the server refused, once the user has seen why. */
  dismissRequest: { side: 'core', input: RequestKeyInput, output: z.object({ dismissed: z.boolean() }) },
  getLicenses: { side: 'core', input: NoInput, output: LicensesView },
  prepareCredit: { side: 'core', input: CreditRequest, output: CreditDraft },
  submitCredit: { side: 'core', input: RequestKeyInput, output: Credit },
  /** "Not now" on an auto-apply offer: not offered again until the license's date changes. */
  dismissOffer: {
    side: 'core',
    input: z.object({ productId: z.string().min(1).max(64) }).strict(),
    output: LicensesView,
  },
} as const satisfies Record<string, MethodSpec>;
/** The payout and license-credit methods: what core's requests module handles and a test fake answers. */
export type PayoutMethodName = keyof typeof payoutMethods;

export const payoutEvents = {
  /** Payout requests or the eligibility changed (after a request, a cancel, or a refresh). */
  payoutsChanged: PayoutsView,
  /** Licenses, credits or auto-apply offers changed. */
  licensesChanged: LicensesView,
  /** Auto-apply offered a renewal (ask) or applied one (apply): for notifications. */
  autoApplyNotice: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('offer'), offer: CreditOffer }),
    z.object({ kind: z.literal('applied'), productName: z.string(), credit: Credit }),
  ]),
} as const satisfies Record<string, z.ZodType>;
