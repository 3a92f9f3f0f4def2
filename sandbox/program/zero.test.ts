// Zero at every money boundary, through the operations a partner's day goes through (a referral
// buys, the operator sets a rate or publishes terms, a refund, a payout or credit request), and
// what the dashboard then reads from the program status (shared/earnings-readiness.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withdrawalReadiness } from '../../shared/earnings-readiness.ts';
import { applyCredit, getCredit } from './credits.ts';
import { disqualify, programStatus } from './disqualification.ts';
import { ProgramError } from './errors.ts';
import { eventsAfter } from './events.ts';
import { balanceOf, listCommissions } from './ledger.ts';
import { getPayout, requestPayout } from './payouts.ts';
import { createProgramTestBed, type ProgramTestBed } from './program-test-bed.ts';
import { recordPurchase, refundPurchase } from './purchases.ts';
import { publishTerms, setPartnerRate } from './terms.ts';

let world: ProgramTestBed;
beforeEach(() => {
  world = createProgramTestBed();
});
afterEach(() => world.close());

const paypal = { method: 'paypal', destination: 'partner@example.com' } as const;

function problemOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProgramError) return error.code;
    throw error;
  }
  return undefined;
}

describe('zero at the money boundaries', () => {
  it('a partner rate of 0 bp is a rate (earns nothing), not "no rate" falling back to the terms', () => {
    const [referral] = world.referrals(1) as [string];
    expect(setPartnerRate(world.ctx, world.partnerId, 0)).toMatchObject({ rateBp: 0, source: 'partner' });
    world.advance(1_000);
    const { commission } = recordPurchase(world.ctx, { buyerId: referral, sku: 'crypto-1m' });
    expect(commission).toMatchObject({ amountCents: 0, rateBp: 0 });
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ earnedCents: 0, availableCents: 0 });
    expect(programStatus(world.ctx, world.partnerId)).toMatchObject({ rateBp: 0, rateSource: 'partner' });
  });

  it('a purchase paid 0 (a 100 % discount) earns 0 and leaves nothing to refund', () => {
    const [referral] = world.referrals(1) as [string];
    const { purchase, commission } = recordPurchase(world.ctx, {
      buyerId: referral,
      sku: 'crypto-1m',
      discountCents: 5_000,
    });
    expect(purchase.paidCents).toBe(0);
    expect(commission?.amountCents).toBe(0);
    expect(problemOf(() => refundPurchase(world.ctx, purchase.id))).toBe('bad-refund');
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ earnedCents: 0, reversedCents: 0 });
  });

  it('a refund of 0 is refused and reverses nothing', () => {
    const [referral] = world.referrals(1) as [string];
    const { purchase } = recordPurchase(world.ctx, { buyerId: referral, sku: 'crypto-1m' });
    expect(problemOf(() => refundPurchase(world.ctx, purchase.id, 0))).toBe('bad-refund');
    expect(problemOf(() => refundPurchase(world.ctx, purchase.id, -1))).toBe('bad-refund');
    expect(listCommissions(world.ctx, world.partnerId, { limit: 10, type: 'reversed' }).items).toEqual([]);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ earnedCents: 750, availableCents: 750 });
    // The smallest refund there is, 1 cent of 50 $, reverses 0.15 ¢ → 0 ¢, and still is a refund.
    expect(refundPurchase(world.ctx, purchase.id, 1).amountCents).toBe(1);
    expect(balanceOf(world.ctx, world.partnerId).availableCents).toBe(750);
  });

  it('a balance of 0 can be neither withdrawn nor spent, even with no minimums', () => {
    world.referrals(3);
    publishTerms(world.ctx, { rateBp: 1500, minPayoutCents: 0, minReferrals: 0, holdDays: 0, summary: 'v3' });
    const status = programStatus(world.ctx, world.partnerId);
    expect(status.withdrawal).toMatchObject({ availableCents: 0, minPayoutCents: 0, eligible: false });
    expect(withdrawalReadiness(status)).toEqual({
      disqualified: false,
      thresholds: [],
      canRequestPayout: false,
      canApplyToLicense: false,
    });
    expect(problemOf(() => applyCredit(world.ctx, world.partnerId, { sku: 'crypto-1m' }))).toBe(
      'insufficient-balance',
    );
    expect(problemOf(() => requestPayout(world.ctx, world.partnerId, { amountCents: 1, ...paypal }))).toBe(
      'insufficient-balance',
    );
  });

  it('a minimum payout of 0 sets no amount threshold: any available cent may be withdrawn', () => {
    const [referral] = world.referrals(1) as [string];
    publishTerms(world.ctx, { rateBp: 1500, minPayoutCents: 0, minReferrals: 0, holdDays: 0, summary: 'v3' });
    world.advance(1_000);
    recordPurchase(world.ctx, { buyerId: referral, sku: 'tpo-1m' }); // 20 $ → 3 $
    const status = programStatus(world.ctx, world.partnerId);
    expect(status.withdrawal).toMatchObject({ availableCents: 300, eligible: true });
    const readiness = withdrawalReadiness(status);
    expect(readiness).toMatchObject({ thresholds: [], canRequestPayout: true, canApplyToLicense: true });
    expect(requestPayout(world.ctx, world.partnerId, { amountCents: 1, ...paypal }).status).toBe('requested');
    expect(balanceOf(world.ctx, world.partnerId).availableCents).toBe(299);
  });

  it('a balance exactly at the minimum may be withdrawn; a cent under may not', () => {
    const [referral] = world.referrals(1) as [string];
    publishTerms(world.ctx, {
      rateBp: 1500,
      minPayoutCents: 300,
      minReferrals: 1,
      holdDays: 0,
      summary: 'v3',
    });
    world.advance(1_000);
    recordPurchase(world.ctx, { buyerId: referral, sku: 'tpo-1m' }); // 3 $
    const status = programStatus(world.ctx, world.partnerId);
    expect(status.withdrawal.eligible).toBe(true);
    expect(withdrawalReadiness(status).thresholds).toEqual([
      { kind: 'amount', current: 300, required: 300, met: true, missing: 0, progress: 1 },
      { kind: 'referrals', current: 1, required: 1, met: true, missing: 0, progress: 1 },
    ]);
    expect(problemOf(() => requestPayout(world.ctx, world.partnerId, { amountCents: 299, ...paypal }))).toBe(
      'below-minimum',
    );
    expect(requestPayout(world.ctx, world.partnerId, { amountCents: 300, ...paypal }).amountCents).toBe(300);
    // Now 0 available, under the 300 minimum: 300 missing, no progress.
    const after = withdrawalReadiness(programStatus(world.ctx, world.partnerId));
    expect(after.thresholds[0]).toEqual({
      kind: 'amount',
      current: 0,
      required: 300,
      met: false,
      missing: 300,
      progress: 0,
    });
    expect(after).toMatchObject({ canRequestPayout: false, canApplyToLicense: false });
  });
});

describe('disqualification at the edges', () => {
  it('cancels nothing for a partner with a balance of 0, and writes no cancellation', () => {
    const status = disqualify(world.ctx, world.partnerId, 'abuse');
    expect(status.withdrawal.availableCents).toBe(0);
    expect(balanceOf(world.ctx, world.partnerId).cancelledCents).toBe(0);
    expect(
      Number(world.ctx.db.prepare("SELECT count(*) AS n FROM ledger WHERE kind = 'cancellation'").get()?.n),
    ).toBe(0);
    expect(eventsAfter(world.ctx, world.partnerId, 0).at(-1)).toMatchObject({
      type: 'partner.disqualified',
      data: { reason: 'abuse', cancelledCents: 0 },
    });
  });

  it('stops an open checkout and an open payout, telling why, and cancels what they held', () => {
    const [buyer] = world.referrals(3) as [string];
    recordPurchase(world.ctx, { buyerId: buyer, sku: 'all-in-one-lifetime' }); // 297 $
    const payout = requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal });
    const credit = applyCredit(world.ctx, world.partnerId, { sku: 'all-in-one-1m', amountCents: 1_000 });
    disqualify(world.ctx, world.partnerId, 'Self-referral');
    expect(getPayout(world.ctx, world.partnerId, payout.id)).toMatchObject({
      status: 'rejected',
      reason: 'Disqualified: Self-referral',
    });
    expect(getCredit(world.ctx, world.partnerId, credit.id).status).toBe('cancelled');
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({
      availableCents: 0,
      reservedCents: 0,
      cancelledCents: 29_700,
    });
  });
});
