// The balance's asOf is when its figures last changed — a new ledger entry of any kind, or pending
// money becoming available — so a conditional GET can answer 304 until then (docs/sandbox.md).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balanceOf } from './ledger.ts';
import { createProgramTestBed, type ProgramTestBed } from './program-test-bed.ts';
import { recordPurchase, refundPurchase } from './purchases.ts';
import { publishTerms, termsAt } from './terms.ts';

let world: ProgramTestBed;
beforeEach(() => {
  world = createProgramTestBed('2026-01-15T12:00:00.000Z');
});
afterEach(() => world.close());

const asOf = () => balanceOf(world.ctx, world.partnerId).asOf;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("the balance's asOf", () => {
  it('is the account’s creation while it has no entries, and holds as time passes', () => {
    world.referrals(1);
    expect(asOf()).toBe('2020-01-01T00:00:00.000Z');
    world.advance(3 * DAY);
    expect(asOf()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('is the newest entry of any kind, and does not move while nothing changes', () => {
    const [buyer] = world.referrals(1) as [string];
    world.advance(MINUTE);
    const first = recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m' });
    expect(asOf()).toBe('2026-01-15T12:01:00.000Z');
    world.advance(MINUTE);
    expect(asOf()).toBe('2026-01-15T12:01:00.000Z');
    // A reversal (kind sorted after "commission"), then a newer commission: the newest wins.
    refundPurchase(world.ctx, first.purchase.id);
    expect(asOf()).toBe('2026-01-15T12:02:00.000Z');
    world.advance(MINUTE);
    recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m' });
    expect(asOf()).toBe('2026-01-15T12:03:00.000Z');
  });

  it('moves when pending money becomes available, to the moment it did', () => {
    const [buyer] = world.referrals(1) as [string];
    // Terms with a hold: a commission is pending for holdDays before it becomes available.
    const current = termsAt(world.ctx, '2026-01-15T12:00:00.000Z');
    const holdDays = 14;
    publishTerms(world.ctx, {
      rateBp: current.rateBp,
      minPayoutCents: current.minPayoutCents,
      minReferrals: current.minReferrals,
      holdDays,
      summary: 'With a hold.',
    });
    recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m' });
    const availableAt = new Date(Date.parse('2026-01-15T12:00:00.000Z') + holdDays * DAY).toISOString();
    world.setNow(availableAt);
    world.advance(-1);
    expect(asOf()).toBe('2026-01-15T12:00:00.000Z');
    world.advance(1 + DAY);
    expect(asOf()).toBe(availableAt);
  });
});
