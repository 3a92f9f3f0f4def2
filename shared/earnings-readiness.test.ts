import { describe, expect, it } from 'vitest';
import { creditBlockers, payoutBlockers, termsChanges, withdrawalReadiness } from './earnings-readiness.ts';
import { programStatus } from './testing/accounts-api-fixtures.ts';

describe('withdrawal readiness', () => {
  it('shows progress toward each threshold of the terms in force: "$38.40 of $50", "2 of 3"', () => {
    const readiness = withdrawalReadiness(programStatus());
    expect(readiness.thresholds).toEqual([
      { kind: 'amount', current: 3_840, required: 5_000, met: false, missing: 1_160, progress: 0.768 },
      { kind: 'referrals', current: 2, required: 3, met: false, missing: 1, progress: 2 / 3 },
    ]);
    expect(readiness.canRequestPayout).toBe(false);
    expect(readiness.canApplyToLicense).toBe(true);
  });

  it('is ready when the server says so, each threshold met', () => {
    const readiness = withdrawalReadiness(
      programStatus({ referralsCount: 4 }, { availableCents: 5_000, eligible: true }),
    );
    expect(readiness.thresholds.map((t) => [t.met, t.missing, t.progress])).toEqual([
      [true, 0, 1],
      [true, 0, 1],
    ]);
    expect(readiness.canRequestPayout).toBe(true);
  });

  it('leaves out a threshold the terms do not set (no referral minimum in the 2019 terms)', () => {
    expect(withdrawalReadiness(programStatus({}, { minReferrals: 0 })).thresholds.map((t) => t.kind)).toEqual(
      ['amount'],
    );
  });

  it('sets no amount threshold for a minimum payout of 0; a balance of 0 cannot go to a license', () => {
    const readiness = withdrawalReadiness(
      programStatus({ referralsCount: 3 }, { minPayoutCents: 0, availableCents: 0, eligible: false }),
    );
    expect(readiness.thresholds.map((t) => t.kind)).toEqual(['referrals']);
    expect(readiness).toMatchObject({ canRequestPayout: false, canApplyToLicense: false });
    expect(withdrawalReadiness(programStatus({}, { minPayoutCents: 0, minReferrals: 0 })).thresholds).toEqual(
      [],
    );
    // One cent is enough for a license credit.
    expect(withdrawalReadiness(programStatus({}, { availableCents: 1 })).canApplyToLicense).toBe(true);
  });

  it('counts a balance exactly at the minimum as met, with nothing missing', () => {
    const [amount] = withdrawalReadiness(programStatus({}, { availableCents: 5_000 })).thresholds;
    expect(amount).toEqual({
      kind: 'amount',
      current: 5_000,
      required: 5_000,
      met: true,
      missing: 0,
      progress: 1,
    });
    // Above it, progress stays full.
    expect(withdrawalReadiness(programStatus({}, { availableCents: 9_000 })).thresholds[0]?.progress).toBe(1);
  });

  it('clamps a negative balance (a debt after a refund) to no progress, the whole minimum missing and more', () => {
    const [amount] = withdrawalReadiness(programStatus({}, { availableCents: -700 })).thresholds;
    expect(amount).toMatchObject({ progress: 0, missing: 5_700, met: false });
    expect(withdrawalReadiness(programStatus({}, { availableCents: -700 })).canApplyToLicense).toBe(false);
  });

  it('offers nothing to a disqualified partner, whatever the figures', () => {
    const readiness = withdrawalReadiness(
      programStatus(
        { status: 'disqualified', referralsCount: 9 },
        { availableCents: 90_000, eligible: true },
      ),
    );
    expect(readiness).toMatchObject({
      disqualified: true,
      canRequestPayout: false,
      canApplyToLicense: false,
    });
  });
});

describe('terms changes', () => {
  it('lists each field that changed, and nothing when nothing did', () => {
    const v1 = { rateBp: 2000, minPayoutCents: 5_000, minReferrals: 0, holdDays: 0 };
    const v2 = { rateBp: 1500, minPayoutCents: 5_000, minReferrals: 3, holdDays: 0 };
    expect(termsChanges(v1, v2)).toEqual([
      { field: 'rateBp', from: 2000, to: 1500 },
      { field: 'minReferrals', from: 0, to: 3 },
    ]);
    expect(termsChanges(v2, v2)).toEqual([]);
    // Every field a partner is told about, in the same order each time.
    const v3 = { rateBp: 1200, minPayoutCents: 10_000, minReferrals: 5, holdDays: 30 };
    expect(termsChanges(v2, v3)).toEqual([
      { field: 'rateBp', from: 1500, to: 1200 },
      { field: 'minPayoutCents', from: 5_000, to: 10_000 },
      { field: 'minReferrals', from: 3, to: 5 },
      { field: 'holdDays', from: 0, to: 30 },
    ]);
  });
});

describe('what blocks a payout or a credit (one rule for the dashboard, the screens and core)', () => {
  it('names each R4 threshold not met, with its figures', () => {
    expect(payoutBlockers(programStatus())).toEqual([
      { code: 'below-minimum', minCents: 5_000, availableCents: 3_840 },
      { code: 'not-enough-referrals', minReferrals: 3, referrals: 2 },
    ]);
  });

  it('blocks nothing at exactly the minimums, and a zero minimum sets no threshold', () => {
    expect(
      payoutBlockers(programStatus({ referralsCount: 3 }, { availableCents: 5_000, eligible: true })),
    ).toEqual([]);
    expect(
      payoutBlockers(programStatus({ referralsCount: 0 }, { minPayoutCents: 0, minReferrals: 0 })),
    ).toEqual([]);
  });

  it('a disqualified partner (R7) is told only that, whatever the thresholds', () => {
    const out = programStatus({ status: 'disqualified', disqualificationReason: 'self-referral' });
    expect(payoutBlockers(out)).toEqual([{ code: 'disqualified', reason: 'self-referral' }]);
    expect(creditBlockers(out, 10_000)).toEqual([{ code: 'disqualified', reason: 'self-referral' }]);
  });

  it('a credit needs only a balance: the withdrawal minimums do not apply', () => {
    expect(creditBlockers(programStatus(), 1)).toEqual([]);
    expect(creditBlockers(programStatus(), 0)).toEqual([{ code: 'no-balance', availableCents: 0 }]);
    expect(withdrawalReadiness(programStatus({}, { availableCents: 0 })).canApplyToLicense).toBe(false);
    expect(withdrawalReadiness(programStatus()).canApplyToLicense).toBe(true);
  });
});
