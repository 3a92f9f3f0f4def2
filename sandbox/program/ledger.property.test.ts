// Property: whatever happens, in any order, every balance figure is exactly what the ledger
// says, and no payout or credit ever spends money that was not available.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCredit, cancelCheckout, completeCheckout } from './credits.ts';
import { disqualify } from './disqualification.ts';
import { ProgramError } from './errors.ts';
import { balanceOf } from './ledger.ts';
import { cancelPayout, movePayout, requestPayout } from './payouts.ts';
import { createProgramTestBed, type ProgramTestBed } from './program-test-bed.ts';
import { recordPurchase, refundPurchase } from './purchases.ts';
import { publishTerms, setPartnerRate } from './terms.ts';

const skus = [
  'crypto-1m',
  'crypto-1y',
  'multi-asset-3m',
  'all-in-one-lifetime',
  'tpo-1m',
  'option-analytics-6m',
];
const DAY = 86_400_000;

const operation = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('register' as const) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('purchase' as const),
      buyer: fc.nat(),
      sku: fc.constantFrom(...skus),
      discountPercent: fc.integer({ min: 0, max: 100 }),
      daysAgo: fc.integer({ min: 0, max: 60 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      purchase: fc.nat(),
      part: fc.integer({ min: 0, max: 100 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('payout' as const), amount: fc.integer({ min: 1, max: 60_000 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      payout: fc.nat(),
      to: fc.constantFrom('processing' as const, 'paid' as const, 'rejected' as const, 'cancelled' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('credit' as const),
      sku: fc.constantFrom(...skus),
      amount: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('checkout' as const), credit: fc.nat(), complete: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('terms' as const),
      rateBp: fc.integer({ min: 0, max: 3000 }),
      holdDays: fc.integer({ min: 0, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('rate' as const),
      rateBp: fc.option(fc.integer({ min: 0, max: 5000 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('disqualify' as const) }) },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(items: T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function apply(world: ProgramTestBed, state: { buyers: string[]; purchases: number[] }, op: Operation): void {
  const { ctx, partnerId } = world;
  const ids = (sql: string) =>
    ctx.db
      .prepare(sql)
      .all()
      .map((r) => String(r.id));
  switch (op.op) {
    case 'register':
      state.buyers.push(...world.referrals(1));
      return;
    case 'purchase': {
      const buyer = pick(state.buyers, op.buyer);
      if (!buyer) return;
      const price = Number(
        ctx.db.prepare('SELECT price_cents AS p FROM catalog_items WHERE sku = ?').get(op.sku)?.p,
      );
      const purchasedAt = new Date(ctx.now().getTime() - op.daysAgo * DAY).toISOString();
      const { purchase } = recordPurchase(ctx, {
        buyerId: buyer,
        sku: op.sku,
        discountCents: Math.floor((price * op.discountPercent) / 100),
        purchasedAt,
      });
      state.purchases.push(purchase.id);
      return;
    }
    case 'refund': {
      const id = pick(state.purchases, op.purchase);
      if (id === undefined) return;
      const row = ctx.db
        .prepare(
          'SELECT paid_cents - COALESCE((SELECT SUM(amount_cents) FROM refunds WHERE purchase_id = ?), 0) AS left FROM purchases WHERE id = ?',
        )
        .get(id, id);
      const left = Number(row?.left);
      const amount = Math.max(1, Math.floor((left * op.part) / 100));
      refundPurchase(ctx, id, op.part === 100 ? undefined : amount);
      return;
    }
    case 'payout': {
      requestPayout(ctx, partnerId, {
        amountCents: op.amount,
        method: 'paypal',
        destination: 'p@example.com',
      });
      expect(balanceOf(ctx, partnerId).availableCents).toBeGreaterThanOrEqual(0);
      return;
    }
    case 'move': {
      const id = pick(ids('SELECT id FROM payouts ORDER BY seq'), op.payout);
      if (!id) return;
      if (op.to === 'cancelled') cancelPayout(ctx, partnerId, id);
      else movePayout(ctx, id, op.to, op.to === 'rejected' ? 'no' : null);
      return;
    }
    case 'credit':
      applyCredit(ctx, partnerId, { sku: op.sku, ...(op.amount ? { amountCents: op.amount } : {}) });
      expect(balanceOf(ctx, partnerId).availableCents).toBeGreaterThanOrEqual(0);
      return;
    case 'checkout': {
      const id = pick(ids('SELECT id FROM credits ORDER BY seq'), op.credit);
      if (!id) return;
      if (op.complete) completeCheckout(ctx, id);
      else cancelCheckout(ctx, id);
      return;
    }
    case 'wait':
      world.advance(op.days * DAY);
      return;
    case 'terms':
      publishTerms(ctx, {
        rateBp: op.rateBp,
        minPayoutCents: 5_000,
        minReferrals: 1,
        holdDays: op.holdDays,
        summary: 'p',
      });
      world.advance(1);
      return;
    case 'rate':
      setPartnerRate(ctx, partnerId, op.rateBp);
      world.advance(1);
      return;
    case 'disqualify':
      disqualify(ctx, partnerId, 'property test');
      return;
  }
}

function checkInvariants(world: ProgramTestBed): void {
  const { ctx, partnerId } = world;
  const raw = (where: string) =>
    Number(
      ctx.db
        .prepare(`SELECT COALESCE(SUM(amount_cents), 0) AS s FROM ledger WHERE partner_id = ? AND ${where}`)
        .get(partnerId)?.s,
    );
  const b = balanceOf(ctx, partnerId);
  const now = ctx.now().toISOString();
  expect(b.availableCents + b.pendingCents).toBe(raw('1'));
  expect(b.pendingCents).toBe(raw(`available_at > '${now}'`));
  expect(b.earnedCents).toBe(raw("kind = 'commission'"));
  expect(b.reversedCents).toBe(0 - raw("kind = 'reversal'"));
  expect(b.cancelledCents).toBe(0 - raw("kind = 'cancellation'"));
  expect(b.paidOutCents).toBe(0 - raw("kind = 'payout'"));
  expect(b.creditedCents).toBe(0 - raw("kind = 'credit'"));
  expect(b.reservedCents).toBe(
    0 - raw("kind IN ('payout_hold', 'payout_hold_release', 'credit_hold', 'credit_hold_release')"),
  );
  expect(b.earnedCents - b.reversedCents).toBe(
    b.availableCents + b.pendingCents + b.reservedCents + b.paidOutCents + b.creditedCents + b.cancelledCents,
  );
  // The ledger agrees with the request tables it mirrors.
  const sum = (sql: string) => Number(ctx.db.prepare(sql).get()?.s ?? 0);
  expect(b.paidOutCents).toBe(
    sum("SELECT COALESCE(SUM(amount_cents), 0) AS s FROM payouts WHERE status = 'paid'"),
  );
  expect(b.reservedCents).toBe(
    sum(
      "SELECT COALESCE(SUM(amount_cents), 0) AS s FROM payouts WHERE status IN ('requested', 'processing')",
    ) + sum("SELECT COALESCE(SUM(credit_cents), 0) AS s FROM credits WHERE status = 'awaiting-payment'"),
  );
  expect(b.creditedCents).toBe(
    sum("SELECT COALESCE(SUM(credit_cents), 0) AS s FROM credits WHERE status = 'applied'"),
  );
}

describe('ledger property', () => {
  it('every balance equals its ledger sums after any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 60 }), (ops) => {
        const world = createProgramTestBed();
        try {
          const state = { buyers: world.referrals(3), purchases: [] as number[] };
          for (const op of ops) {
            try {
              apply(world, state, op);
            } catch (error) {
              // Refusals (rules, thresholds, bad transitions) are part of the world; nothing else is.
              if (!(error instanceof ProgramError)) throw error;
            }
            checkInvariants(world);
          }
        } finally {
          world.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
