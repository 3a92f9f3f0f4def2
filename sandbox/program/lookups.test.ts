// Asking the program for what is not there, or not yours: another partner's payout or credit is as
// good as absent (never shown, never moved), and lists page through a partner's own items only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAccount } from './accounts.ts';
import { applyCredit, cancelCheckout, completeCheckout, getCredit, listCredits } from './credits.ts';
import { disqualify, programStatus } from './disqualification.ts';
import { earningsSeries } from './earnings.ts';
import { ProgramError } from './errors.ts';
import { eventsAfter } from './events.ts';
import { appendEntry, balanceOf, listCommissions } from './ledger.ts';
import { cancelPayout, getPayout, listPayouts, movePayout, requestPayout } from './payouts.ts';
import { createProgramTestBed, type ProgramTestBed } from './program-test-bed.ts';
import { recordPurchase, refundPurchase } from './purchases.ts';
import { publishTerms, setPartnerRate, termsAt } from './terms.ts';

let world: ProgramTestBed;
beforeEach(() => {
  world = createProgramTestBed();
});
afterEach(() => world.close());

function failure(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProgramError) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

/** A funded partner: 3 referrals, one lifetime purchase (297 $ of commission). */
function funded(): void {
  const [buyer] = world.referrals(3) as [string];
  recordPurchase(world.ctx, { buyerId: buyer, sku: 'all-in-one-lifetime' });
}

describe('lookups', () => {
  it("shows a partner their own license credit, and nobody else's", () => {
    funded();
    const credit = applyCredit(world.ctx, world.partnerId, { sku: 'all-in-one-1m', amountCents: 1_000 });
    expect(getCredit(world.ctx, world.partnerId, credit.id).id).toBe(credit.id);
    // The checkout page asks without a partner.
    expect(getCredit(world.ctx, null, credit.id).id).toBe(credit.id);
    const other = registerAccount(world.ctx, { email: 'other@example.com', displayName: 'Other' }).id;
    expect(failure(() => getCredit(world.ctx, other, credit.id))).toEqual({
      code: 'unknown-credit',
      message: `No license credit ${credit.id}.`,
    });
    expect(failure(() => getCredit(world.ctx, world.partnerId, 'cr_nope'))?.code).toBe('unknown-credit');
    expect(failure(() => completeCheckout(world.ctx, 'cr_nope'))).toEqual({
      code: 'unknown-credit',
      message: 'No license credit cr_nope.',
    });
    expect(listCredits(world.ctx, other, { limit: 10 }).items).toEqual([]);
  });

  it("pages a partner's credits and payouts newest first, without gaps or repeats", () => {
    funded();
    const credits = [1, 2, 3].map((i) =>
      applyCredit(world.ctx, world.partnerId, { sku: 'all-in-one-1m', amountCents: i * 100 }),
    );
    const first = listCredits(world.ctx, world.partnerId, { limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([credits[2]?.id, credits[1]?.id]);
    expect(first.items[0]?.checkoutUrl).toBe(`http://127.0.0.1:9/checkout/${credits[2]?.id}`);
    const rest = listCredits(world.ctx, world.partnerId, { limit: 2, cursor: first.nextCursor as string });
    expect(rest).toEqual({ items: [expect.objectContaining({ id: credits[0]?.id })], nextCursor: null });

    const paypal = { method: 'paypal', destination: 'partner@example.com' } as const;
    const payouts = [5_000, 6_000, 7_000].map((amountCents) =>
      requestPayout(world.ctx, world.partnerId, { amountCents, ...paypal }),
    );
    const page = listPayouts(world.ctx, world.partnerId, { limit: 2 });
    expect(page.items.map((p) => p.amountCents)).toEqual([7_000, 6_000]);
    const next = listPayouts(world.ctx, world.partnerId, { limit: 2, cursor: page.nextCursor as string });
    expect(next).toEqual({ items: [payouts[0]], nextCursor: null });
  });

  it('moves or shows only payouts that exist, and shows only your own', () => {
    funded();
    const payout = requestPayout(world.ctx, world.partnerId, {
      amountCents: 5_000,
      method: 'paypal',
      destination: 'partner@example.com',
    });
    const other = registerAccount(world.ctx, { email: 'other@example.com', displayName: 'Other' }).id;
    expect(failure(() => getPayout(world.ctx, other, payout.id))?.code).toBe('unknown-payout');
    expect(failure(() => movePayout(world.ctx, 'po_nope', 'paid', null))).toEqual({
      code: 'unknown-payout',
      message: 'No payout po_nope.',
    });
    expect(listPayouts(world.ctx, other, { limit: 10 }).items).toEqual([]);
  });

  it('knows no terms before the first ones took effect', () => {
    expect(failure(() => termsAt(world.ctx, '2000-01-01T00:00:00.000Z'))).toEqual({
      code: 'no-terms',
      message: 'No program terms were in force at 2000-01-01T00:00:00.000Z.',
    });
  });

  it('refuses a ledger entry that is not whole cents', () => {
    expect(() =>
      appendEntry(world.ctx, {
        partnerId: world.partnerId,
        kind: 'commission',
        amountCents: 1.5,
        availableAt: '2026-01-15T12:00:00.000Z',
      }),
    ).toThrow('Not whole cents: 1.5');
  });

  it('charts only the earnings inside the range asked for: from included, to excluded', () => {
    const [buyer] = world.referrals(1) as [string];
    for (const purchasedAt of [
      '2026-01-10T00:00:00.000Z',
      '2026-01-11T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
    ])
      recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m', purchasedAt });
    const days = (query: { from?: string; to?: string }) =>
      earningsSeries(world.ctx, world.partnerId, { bucket: 'day', ...query }).points.map((p) => p.start);
    expect(days({})).toHaveLength(3);
    expect(days({ from: '2026-01-11T00:00:00.000Z' })).toEqual([
      '2026-01-11T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
    ]);
    expect(days({ to: '2026-01-11T00:00:00.000Z' })).toEqual(['2026-01-10T00:00:00.000Z']);
    expect(days({ from: '2026-01-11T00:00:00.000Z', to: '2026-01-12T00:00:00.000Z' })).toEqual([
      '2026-01-11T00:00:00.000Z',
    ]);
  });
});

describe('license credit refusals, as the partner reads them', () => {
  function refusal(fn: () => unknown) {
    try {
      fn();
    } catch (error) {
      if (error instanceof ProgramError)
        return { kind: error.kind, code: error.code, message: error.message };
      throw error;
    }
    return undefined;
  }

  it('says why, with the status kind the HTTP layer answers', () => {
    funded();
    expect(
      refusal(() => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m', amountCents: 2_001 })),
    ).toEqual({
      kind: 'invalid',
      code: 'credit-above-price',
      message: 'The renewal costs 2000 cents.',
    });
    expect(refusal(() => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m', amountCents: 0 }))).toEqual(
      {
        kind: 'unprocessable',
        code: 'insufficient-balance',
        message: 'Only 29700 cents are available.',
      },
    );
    const credit = applyCredit(world.ctx, world.partnerId, { sku: 'all-in-one-1m', amountCents: 1_000 });
    completeCheckout(world.ctx, credit.id);
    expect(refusal(() => completeCheckout(world.ctx, credit.id))).toEqual({
      kind: 'conflict',
      code: 'bad-transition',
      message: 'This credit is already applied.',
    });
    disqualify(world.ctx, world.partnerId, 'abuse');
    expect(refusal(() => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m' }))).toEqual({
      kind: 'forbidden',
      code: 'disqualified',
      message: 'A disqualified partner cannot spend rewards on licenses.',
    });
    expect(refusal(() => disqualify(world.ctx, world.partnerId, 'again'))).toEqual({
      kind: 'conflict',
      code: 'already-disqualified',
      message: 'This partner is already disqualified.',
    });
  });

  it('a debt reads as 0 cents available, never a negative amount', () => {
    const [buyer] = world.referrals(3) as [string];
    const { purchase } = recordPurchase(world.ctx, { buyerId: buyer, sku: 'all-in-one-lifetime' });
    const payout = requestPayout(world.ctx, world.partnerId, {
      amountCents: 29_700,
      method: 'paypal',
      destination: 'partner@example.com',
    });
    movePayout(world.ctx, payout.id, 'processing', null);
    movePayout(world.ctx, payout.id, 'paid', null);
    refundPurchase(world.ctx, purchase.id);
    expect(refusal(() => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m' }))?.message).toBe(
      'Only 0 cents are available.',
    );
  });

  it('refuses even part of a renewal of a lifetime license at once, not at checkout', () => {
    funded();
    recordPurchase(world.ctx, { buyerId: world.partnerId, sku: 'tpo-lifetime' });
    expect(
      refusal(() => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m', amountCents: 500 })),
    ).toEqual({
      kind: 'conflict',
      code: 'already-lifetime',
      message: 'TPO add-on is already a lifetime license.',
    });
    expect(balanceOf(world.ctx, world.partnerId).reservedCents).toBe(0);
  });

  it('tells of a renewal when it happens: a full credit at once, a partial one at checkout, never when abandoned', () => {
    funded();
    const applied = () =>
      eventsAfter(world.ctx, world.partnerId, 0)
        .filter((e) => e.type === 'credit.applied')
        .map((e) => (e.data as { id: string }).id);
    const full = applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m' });
    expect(applied()).toEqual([full.id]);
    const partial = applyCredit(world.ctx, world.partnerId, { sku: 'all-in-one-1m', amountCents: 1_000 });
    const abandoned = applyCredit(world.ctx, world.partnerId, { sku: 'crypto-1m', amountCents: 1_000 });
    expect(applied()).toEqual([full.id]);
    cancelCheckout(world.ctx, abandoned.id);
    expect(applied()).toEqual([full.id]);
    completeCheckout(world.ctx, partial.id);
    expect(applied()).toEqual([full.id, partial.id]);
  });
});

describe('payout and terms refusals, as the partner reads them', () => {
  function refusal(fn: () => unknown) {
    try {
      fn();
    } catch (error) {
      if (error instanceof ProgramError)
        return { kind: error.kind, code: error.code, message: error.message };
      throw error;
    }
    return undefined;
  }
  const paypal = { method: 'paypal', destination: 'partner@example.com' } as const;

  it('says why a payout is refused, with the status kind the HTTP layer answers', () => {
    const [buyer] = world.referrals(2) as [string];
    recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m' }); // 7.50 $
    expect(
      refusal(() => requestPayout(world.ctx, world.partnerId, { amountCents: 4_999, ...paypal })),
    ).toEqual({
      kind: 'unprocessable',
      code: 'below-minimum',
      message: 'The minimum withdrawal is 5000 cents (terms v2).',
    });
    expect(
      refusal(() => requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal })),
    ).toEqual({
      kind: 'unprocessable',
      code: 'not-enough-referrals',
      message: 'Withdrawals need at least 3 referrals (terms v2); you have 2.',
    });
    world.referrals(1);
    expect(
      refusal(() => requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal })),
    ).toEqual({
      kind: 'unprocessable',
      code: 'insufficient-balance',
      message: 'Only 750 cents are available.',
    });
  });

  it('says why a payout cannot move, and records a reason only for a rejection', () => {
    funded();
    const payout = requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal });
    expect(refusal(() => movePayout(world.ctx, payout.id, 'rejected', null))).toEqual({
      kind: 'invalid',
      code: 'reason-required',
      message: 'A rejection needs a reason.',
    });
    expect(refusal(() => movePayout(world.ctx, payout.id, 'paid', null))).toEqual({
      kind: 'conflict',
      code: 'bad-transition',
      message: 'A requested payout cannot become paid.',
    });
    expect(movePayout(world.ctx, payout.id, 'processing', 'ignored').reason).toBeNull();
    expect(movePayout(world.ctx, payout.id, 'rejected', 'Wrong destination').reason).toBe(
      'Wrong destination',
    );
    expect(refusal(() => getPayout(world.ctx, world.partnerId, 'po_nope'))).toEqual({
      kind: 'not-found',
      code: 'unknown-payout',
      message: 'No payout po_nope.',
    });
    disqualify(world.ctx, world.partnerId, 'abuse');
    expect(
      refusal(() => requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal })),
    ).toEqual({
      kind: 'forbidden',
      code: 'disqualified',
      message: 'A disqualified partner cannot request payouts.',
    });
  });

  it('says why terms cannot be published', () => {
    const draft = { rateBp: 1, minPayoutCents: 0, minReferrals: 0, holdDays: 0, summary: 'x' };
    expect(
      refusal(() => publishTerms(world.ctx, { ...draft, effectiveFrom: '2025-01-01T00:00:00.000Z' })),
    ).toEqual({
      kind: 'invalid',
      code: 'terms-in-the-past',
      message: 'New terms cannot take effect in the past.',
    });
    publishTerms(world.ctx, { ...draft, effectiveFrom: '2026-02-01T00:00:00.000Z' });
    expect(refusal(() => publishTerms(world.ctx, draft))).toEqual({
      kind: 'conflict',
      code: 'terms-out-of-order',
      message: 'New terms must take effect after the latest ones.',
    });
    expect(refusal(() => termsAt(world.ctx, '2000-01-01T00:00:00.000Z'))?.kind).toBe('unprocessable');
    expect(refusal(() => setPartnerRate(world.ctx, 'no-such-partner', 100))?.code).toBe('unknown-account');
  });

  it('gives back what a cancelled request held', () => {
    funded();
    const payout = requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal });
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({
      availableCents: 24_700,
      reservedCents: 5_000,
    });
    cancelPayout(world.ctx, world.partnerId, payout.id);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ availableCents: 29_700, reservedCents: 0 });
  });

  it('answers "not found" for what does not exist', () => {
    expect(refusal(() => movePayout(world.ctx, 'po_nope', 'paid', null))?.kind).toBe('not-found');
    expect(refusal(() => getCredit(world.ctx, world.partnerId, 'cr_nope'))?.kind).toBe('not-found');
    expect(refusal(() => completeCheckout(world.ctx, 'cr_nope'))?.kind).toBe('not-found');
  });

  it('is not eligible with a balance under the minimum, however many referrals', () => {
    const [buyer] = world.referrals(3) as [string];
    recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m' }); // 7.50 $ < 50 $
    expect(programStatus(world.ctx, world.partnerId).withdrawal).toMatchObject({
      availableCents: 750,
      eligible: false,
    });
  });

  it('lists earned commissions apart from reversals', () => {
    const [buyer] = world.referrals(1) as [string];
    const { purchase } = recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m' });
    refundPurchase(world.ctx, purchase.id, 1_000);
    const types = (type?: 'earned' | 'reversed') =>
      listCommissions(world.ctx, world.partnerId, { limit: 10, ...(type ? { type } : {}) }).items.map(
        (c) => c.type,
      );
    expect(types('earned')).toEqual(['earned']);
    expect(types('reversed')).toEqual(['reversed']);
    expect(types().sort()).toEqual(['earned', 'reversed']);
  });
});
