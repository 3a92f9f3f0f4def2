import { describe, expect, it } from 'vitest';
import { Balance, Payout, PayoutMethods, ProgramStatus, Terms, TermsInfo } from '../accounts-api.ts';
import {
  availableBalance,
  balance,
  firstTerms,
  payout,
  payoutMethods,
  programStatus,
  terms,
  termsInfo,
} from './accounts-api-fixtures.ts';

/** earned − reversed = available + pending + reserved + paid out + credited + cancelled. */
const ledgerHolds = (b: Balance) =>
  b.earnedCents - b.reversedCents ===
  b.availableCents + b.pendingCents + b.reservedCents + b.paidOutCents + b.creditedCents + b.cancelledCents;

describe('the accounts API fixtures', () => {
  it.each([
    ['programStatus', ProgramStatus, programStatus()],
    ['terms', Terms, terms()],
    ['firstTerms', Terms, firstTerms()],
    ['termsInfo', TermsInfo, termsInfo()],
    ['balance', Balance, balance()],
    ['availableBalance', Balance, availableBalance(3_840)],
    ['payout', Payout, payout()],
    ['payoutMethods', PayoutMethods, { items: payoutMethods() }],
  ] as const)('%s parses with its schema, unchanged', (_name, schema, value) => {
    expect(schema.parse(value)).toEqual(value);
  });

  it('are one consistent partner: the status, the terms in force and the balance agree', () => {
    const status = programStatus();
    const current = terms();
    expect(status.termsVersion).toBe(current.version);
    expect(status.rateBp).toBe(current.rateBp);
    expect(status.withdrawal).toMatchObject({
      minPayoutCents: current.minPayoutCents,
      minReferrals: current.minReferrals,
      availableCents: balance().availableCents,
    });
    // Below both thresholds, so not eligible.
    expect(status.withdrawal.availableCents).toBeLessThan(current.minPayoutCents);
    expect(status.referralsCount).toBeLessThan(current.minReferrals);
    expect(status.withdrawal.eligible).toBe(false);
    expect(payout().termsVersion).toBe(current.version);
  });

  it('keep the ledger identity in their balances', () => {
    expect(ledgerHolds(balance())).toBe(true);
    expect(ledgerHolds(availableBalance(6_100))).toBe(true);
    expect(availableBalance(6_100)).toMatchObject({ availableCents: 6_100, earnedCents: 6_100 });
  });

  it('merge overrides over the defaults, the withdrawal figures one by one', () => {
    expect(programStatus({ referralsCount: 4 }, { availableCents: 5_000, eligible: true })).toEqual({
      ...programStatus(),
      referralsCount: 4,
      withdrawal: { minPayoutCents: 5_000, minReferrals: 3, availableCents: 5_000, eligible: true },
    });
    expect(payout({ status: 'rejected', reason: 'No.' })).toEqual({
      ...payout(),
      status: 'rejected',
      reason: 'No.',
    });
  });

  it('list the terms newest first, and the payout methods asked for in that order', () => {
    expect(termsInfo().history.map((t) => t.version)).toEqual([2, 1]);
    expect(termsInfo().current).toEqual(terms());
    expect(payoutMethods('wire', 'paypal').map((m) => m.id)).toEqual(['wire', 'paypal']);
    expect(payoutMethods().map((m) => m.id)).toEqual(['paypal', 'usdt-trc20', 'wire']);
  });
});
