// Asking the program for what is not there, or not yours: another partner's payout or credit is as
// good as absent (never shown, never moved), and lists page through a partner's own items only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAccount } from './accounts.ts';
import { applyCredit, completeCheckout, getCredit, listCredits } from './credits.ts';
import { earningsSeries } from './earnings.ts';
import { ProgramError } from './errors.ts';
import { appendEntry } from './ledger.ts';
import { getPayout, listPayouts, movePayout, requestPayout } from './payouts.ts';
import { recordPurchase } from './purchases.ts';
import { termsAt } from './terms.ts';
import { createTestWorld, type TestWorld } from './test-world.ts';

let world: TestWorld;
beforeEach(() => {
  world = createTestWorld();
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
