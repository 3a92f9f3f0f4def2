// Test fixtures: answers of the accounts API (shared/accounts-api.ts) for one partner, a builder per
// type, so a test states only the figures its rule is about. The defaults are one consistent
// partner on the 2022 terms — $38.40 available of the $50 minimum, 2 of 3 referrals, so not yet
// eligible — and each parses with its schema (accounts-api-fixtures.test.ts).
// Tests only (core's, the renderer's and the renderer's fake bridge): no app code imports it.
import type {
  Balance,
  Payout,
  PayoutMethod,
  PayoutMethodId,
  ProgramStatus,
  Terms,
  TermsInfo,
} from '../accounts-api.ts';

/** When the fixtures' figures were last changed. */
export const FIXTURE_AS_OF = '2026-11-21T06:00:00.000Z';

/**
 * The partner's standing: active, the terms' 15 % (version 2), 2 referrals; the withdrawal figures
 * (`withdrawal`, merged over the defaults): $38.40 available of a $50 minimum, 3 referrals needed,
 * not eligible.
 */
export function programStatus(
  overrides: Partial<Omit<ProgramStatus, 'withdrawal'>> = {},
  withdrawal: Partial<ProgramStatus['withdrawal']> = {},
): ProgramStatus {
  return {
    status: 'active',
    disqualifiedAt: null,
    disqualificationReason: null,
    rateBp: 1500,
    rateSource: 'terms',
    termsVersion: 2,
    referralsCount: 2,
    ...overrides,
    withdrawal: {
      minPayoutCents: 5_000,
      minReferrals: 3,
      availableCents: 3_840,
      eligible: false,
      ...withdrawal,
    },
  };
}

/** The terms in force: version 2 of 2022, 15 % of each purchase, withdraw from $50 with 3 referrals. */
export function terms(overrides: Partial<Terms> = {}): Terms {
  return {
    version: 2,
    effectiveFrom: '2022-11-21T00:00:00.000Z',
    publishedAt: '2022-11-21T00:00:00.000Z',
    rateBp: 1500,
    minPayoutCents: 5_000,
    minReferrals: 3,
    holdDays: 0,
    summary: '15% of each purchase; withdraw from $50 with at least 3 referrals.',
    ...overrides,
  };
}

/** The terms before: version 1 of 2019, 20 % of each purchase, withdraw from $50, no referral minimum. */
export function firstTerms(overrides: Partial<Terms> = {}): Terms {
  return terms({
    version: 1,
    effectiveFrom: '2019-01-01T00:00:00.000Z',
    publishedAt: '2019-01-01T00:00:00.000Z',
    rateBp: 2000,
    minReferrals: 0,
    summary: '20% of each purchase; withdraw from $50.',
    ...overrides,
  });
}

/** The terms in force and every version, newest first: by default version 2 over version 1. */
export function termsInfo(current: Terms = terms(), history: Terms[] = [current, firstTerms()]): TermsInfo {
  return { current, history };
}

/**
 * The dashboard's figures, true to the ledger (earned − reversed = available + pending + reserved +
 * paid out + credited + cancelled): $180.90 earned, $5 reversed, $38.40 available, $12.50 pending,
 * $100 paid out, $25 credited.
 */
export function balance(overrides: Partial<Balance> = {}): Balance {
  return {
    availableCents: 3_840,
    pendingCents: 1_250,
    reservedCents: 0,
    paidOutCents: 10_000,
    creditedCents: 2_500,
    cancelledCents: 0,
    earnedCents: 18_090,
    reversedCents: 500,
    asOf: FIXTURE_AS_OF,
    ...overrides,
  };
}

/** A balance of `cents` earned and all of it available: nothing pending, reversed, paid out or spent. */
export function availableBalance(cents: number, overrides: Partial<Balance> = {}): Balance {
  return balance({
    availableCents: cents,
    pendingCents: 0,
    paidOutCents: 0,
    creditedCents: 0,
    earnedCents: cents,
    reversedCents: 0,
    ...overrides,
  });
}

/** A payout request: $60 by PayPal to me@example.com under version 2 of the terms, just requested. */
export function payout(overrides: Partial<Payout> = {}): Payout {
  return {
    id: 'po_1',
    amountCents: 6_000,
    method: 'paypal',
    destination: 'me@example.com',
    status: 'requested',
    reason: null,
    termsVersion: 2,
    requestedAt: FIXTURE_AS_OF,
    updatedAt: FIXTURE_AS_OF,
    ...overrides,
  };
}

const PAYOUT_METHODS: Record<PayoutMethodId, PayoutMethod> = {
  paypal: {
    id: 'paypal',
    name: 'PayPal',
    destinationLabel: 'PayPal e-mail',
    destinationExample: 'you@example.com',
  },
  'usdt-trc20': {
    id: 'usdt-trc20',
    name: 'USDT (TRC-20)',
    destinationLabel: 'TRON wallet address',
    destinationExample: 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL',
  },
  wire: {
    id: 'wire',
    name: 'Wire transfer',
    destinationLabel: 'IBAN',
    destinationExample: 'DE89 3704 0044 0532 0130 00',
  },
};

/** The payout methods named, in that order; with none named, all three the program offers. */
export function payoutMethods(...ids: PayoutMethodId[]): PayoutMethod[] {
  const wanted = ids.length > 0 ? ids : (Object.keys(PAYOUT_METHODS) as PayoutMethodId[]);
  return wanted.map((id) => ({ ...PAYOUT_METHODS[id] }));
}
