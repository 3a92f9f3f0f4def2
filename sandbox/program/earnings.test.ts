// The earnings reads against a real database: every visible ledger movement in the history with
// its exact cents, filters, sorts, search and keyset pages that cover everything exactly once, the
// chart series and the referral statistics agreeing with the balance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EarningsSeries,
  type HistoryEntry,
  HistoryPage,
  HistoryQuery,
  ReferralStatsPage,
} from '../../shared/accounts-api.ts';
import { registerAccount } from './accounts.ts';
import { applyCredit, completeCheckout } from './credits.ts';
import { disqualify } from './disqualification.ts';
import { earningsSeries, listHistory, listReferralStats, maskEmail } from './earnings.ts';
import { seedHistory } from './history.ts';
import { balanceOf } from './ledger.ts';
import { movePayout, requestPayout } from './payouts.ts';
import { createProgramTestBed, type ProgramTestBed } from './program-test-bed.ts';
import { recordPurchase, refundPurchase } from './purchases.ts';

const DAY = 86_400_000;
let world: ProgramTestBed;
beforeEach(() => {
  world = createProgramTestBed('2026-03-10T12:00:00.000Z');
});
afterEach(() => world.close());

const history = (query: Record<string, string | number> = {}) =>
  HistoryPage.parse(listHistory(world.ctx, world.partnerId, HistoryQuery.parse({ limit: 500, ...query })));

function all(query: Record<string, string | number>, limit = 3): HistoryEntry[] {
  const items: HistoryEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = history({ ...query, limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** A world with every kind of entry: commissions, a refund, a payout paid, a credit, a cancellation. */
function busyWorld() {
  const [alice, bob, carol] = world.referrals(3) as [string, string, string];
  const purchases = [
    recordPurchase(world.ctx, { buyerId: alice, sku: 'crypto-1y', purchasedAt: '2026-01-05T10:00:00.000Z' }),
    recordPurchase(world.ctx, { buyerId: alice, sku: 'tpo-1m', purchasedAt: '2026-02-02T10:00:00.000Z' }),
    recordPurchase(world.ctx, {
      buyerId: bob,
      sku: 'all-in-one-lifetime',
      discountCents: 1000,
      purchasedAt: '2026-02-20T10:00:00.000Z',
    }),
    recordPurchase(world.ctx, { buyerId: carol, sku: 'crypto-1m', purchasedAt: '2026-03-01T10:00:00.000Z' }),
  ];
  refundPurchase(world.ctx, Number(purchases[0]?.purchase.id), 5000);
  world.advance(40 * DAY); // past any hold
  const payout = requestPayout(world.ctx, world.partnerId, {
    amountCents: 5000,
    method: 'paypal',
    destination: 'partner@example.com',
  });
  movePayout(world.ctx, payout.id, 'processing', null);
  movePayout(world.ctx, payout.id, 'paid', null);
  const credit = applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m', amountCents: 1000 });
  // The balance covers part of the renewal: the rest is paid at checkout, then the credit is booked.
  if (credit.status === 'awaiting-payment') completeCheckout(world.ctx, credit.id);
  return { alice, bob, carol, purchases };
}

describe('the history', () => {
  it('lists every visible ledger movement with its exact cents, adding up to the balance', () => {
    busyWorld();
    disqualify(world.ctx, world.partnerId, 'self-referral');
    const entries = history().items;
    const balance = balanceOf(world.ctx, world.partnerId);
    const sum = (type: HistoryEntry['type']) =>
      entries.filter((entry) => entry.type === type).reduce((acc, entry) => acc + entry.amountCents, 0);
    expect(sum('earned')).toBe(balance.earnedCents);
    expect(sum('reversed')).toBe(0 - balance.reversedCents);
    expect(sum('paid-out')).toBe(0 - balance.paidOutCents);
    expect(sum('credited')).toBe(0 - balance.creditedCents);
    expect(sum('cancelled')).toBe(0 - balance.cancelledCents);
    expect(new Set(entries.map((entry) => entry.type))).toEqual(
      new Set(['earned', 'reversed', 'paid-out', 'credited', 'cancelled']),
    );
    const earned = entries.find(
      (entry) => entry.type === 'earned' && entry.purchase?.sku === 'all-in-one-lifetime',
    );
    expect(earned).toMatchObject({
      productName: 'All-in-One',
      referralName: 'Referral 2',
      rateBp: 1500,
      termsVersion: 2,
    });
    expect(earned?.purchase?.discountCents).toBe(1000);
    expect(earned?.occurredAt).toBe('2026-02-20T10:00:00.000Z');
    const reversal = entries.find((entry) => entry.type === 'reversed');
    expect(reversal?.refundCents).toBe(5000);
    expect(entries.find((entry) => entry.type === 'credited')?.productName).toBe('TPO add-on');
  });

  it('pages through everything exactly once in each sort order', () => {
    busyWorld();
    const everything = history().items;
    for (const sort of ['date-desc', 'date-asc', 'amount-desc', 'amount-asc'] as const) {
      const paged = all({ sort });
      expect(paged.map((entry) => entry.id).sort()).toEqual(everything.map((entry) => entry.id).sort());
      const keys = paged.map((entry) =>
        sort.startsWith('amount') ? entry.amountCents : Date.parse(entry.occurredAt),
      );
      const sorted = [...keys].sort((a, b) => (sort.endsWith('desc') ? b - a : a - b));
      expect(keys, sort).toEqual(sorted);
    }
  });

  it('filters by type, referral and date, and searches product, SKU, referral name and purchase id', () => {
    const { alice, purchases } = busyWorld();
    expect(
      all({ types: 'reversed,paid-out' })
        .map((entry) => entry.type)
        .sort(),
    ).toEqual(['paid-out', 'reversed']);
    expect(all({ referralId: alice }).every((entry) => entry.referralId === alice)).toBe(true);
    expect(all({ referralId: alice })).toHaveLength(3);
    const february = all({ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(february.map((entry) => entry.purchase?.sku).sort()).toEqual(['all-in-one-lifetime', 'tpo-1m']);
    expect(all({ q: 'all-in' }).map((entry) => entry.purchase?.sku)).toEqual(['all-in-one-lifetime']);
    expect(all({ q: 'referral 3' }).map((entry) => entry.purchase?.sku)).toEqual(['crypto-1m']);
    expect(all({ q: String(purchases[3]?.purchase.id) }).map((entry) => entry.purchase?.sku)).toContain(
      'crypto-1m',
    );
    expect(all({ q: '100%' })).toEqual([]);
    expect(HistoryQuery.safeParse({ types: 'earned,bogus' }).success).toBe(false);
  });

  it('uses its indexes for the default and amount orders', () => {
    const plan = (sql: string) =>
      world.ctx.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(world.partnerId)
        .map((row) => String(row.detail))
        .join('\n');
    const visible = "kind IN ('commission', 'reversal', 'cancellation', 'payout', 'credit')";
    expect(
      plan(
        `SELECT id FROM ledger l WHERE l.partner_id = ? AND l.${visible} ORDER BY (CASE l.kind WHEN 'commission' THEN l.purchased_at ELSE l.created_at END) DESC, l.id DESC LIMIT 50`,
      ),
    ).toContain('ledger_history_by_date');
    expect(
      plan(
        `SELECT id FROM ledger l WHERE l.partner_id = ? AND l.${visible} ORDER BY l.amount_cents DESC, l.id DESC LIMIT 50`,
      ),
    ).toContain('ledger_history_by_amount');
  });
});

describe('the earnings series', () => {
  it('sums earned and reversed commission per day, week (from Monday) and month, equal to the balance', () => {
    busyWorld();
    const balance = balanceOf(world.ctx, world.partnerId);
    for (const bucket of ['day', 'week', 'month'] as const) {
      const series = EarningsSeries.parse(earningsSeries(world.ctx, world.partnerId, { bucket }));
      expect(series.points.reduce((acc, point) => acc + point.earnedCents, 0)).toBe(balance.earnedCents);
      expect(series.points.reduce((acc, point) => acc + point.reversedCents, 0)).toBe(balance.reversedCents);
    }
    const months = earningsSeries(world.ctx, world.partnerId, { bucket: 'month' }).points.map((p) => p.start);
    expect(months.slice(0, 3)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
    const weeks = earningsSeries(world.ctx, world.partnerId, { bucket: 'week' }).points.map((p) => p.start);
    // 2026-01-05 is a Monday, 2026-02-02 a Monday, 2026-02-20 a Friday (week of the 16th), 2026-03-01 a Sunday.
    expect(weeks.slice(0, 4)).toEqual([
      '2026-01-05T00:00:00.000Z',
      '2026-02-02T00:00:00.000Z',
      '2026-02-16T00:00:00.000Z',
      '2026-02-23T00:00:00.000Z',
    ]);
  });
});

describe('the earnings series in a time zone', () => {
  /** Commissions at these instants (one referral buying each time); the cents each earned. */
  function commissionsAt(...instants: string[]): number[] {
    const [buyer] = world.referrals(1) as [string];
    return instants.map(
      (purchasedAt) =>
        recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m', purchasedAt }).commission
          ?.amountCents ?? 0,
    );
  }
  const starts = (bucket: 'day' | 'week' | 'month', tz?: string) => {
    const series = EarningsSeries.parse(
      earningsSeries(world.ctx, world.partnerId, { bucket, ...(tz ? { tz } : {}) }),
    );
    return series.points.map((point) => [point.start, point.earnedCents]);
  };

  it('counts 01:30 in Moscow (22:30 UTC the day before) on the Moscow day, week and month', () => {
    const [cents] = commissionsAt('2026-03-04T22:30:00.000Z');
    expect(starts('day', 'Europe/Moscow')).toEqual([['2026-03-04T21:00:00.000Z', cents]]);
    // 5 March 2026 is a Thursday: the week from Monday 2 March, Moscow midnight.
    expect(starts('week', 'Europe/Moscow')).toEqual([['2026-03-01T21:00:00.000Z', cents]]);
    expect(starts('month', 'Europe/Moscow')).toEqual([['2026-02-28T21:00:00.000Z', cents]]);
    const series = earningsSeries(world.ctx, world.partnerId, { bucket: 'day', tz: 'Europe/Moscow' });
    expect(series.timeZone).toBe('Europe/Moscow');
    // UTC is unchanged: the UTC day before, from UTC midnight.
    expect(starts('day')).toEqual([['2026-03-04T00:00:00.000Z', cents]]);
    expect(starts('day', 'UTC')).toEqual([['2026-03-04T00:00:00.000Z', cents]]);
    expect(starts('week')).toEqual([['2026-03-02T00:00:00.000Z', cents]]);
    expect(starts('month')).toEqual([['2026-03-01T00:00:00.000Z', cents]]);
    expect(earningsSeries(world.ctx, world.partnerId, { bucket: 'day' }).timeZone).toBe('UTC');
  });

  it('follows New York across the March change (a 23-hour day)', () => {
    // 8 March 2026: 02:00 EST → 03:00 EDT. 23:30 EDT on the 8th; 00:30 EDT on the 9th.
    const [a, b, c] = commissionsAt(
      '2026-03-08T05:10:00.000Z', // 00:10 EST on the 8th
      '2026-03-09T03:30:00.000Z',
      '2026-03-09T04:30:00.000Z',
    );
    expect(starts('day', 'America/New_York')).toEqual([
      ['2026-03-08T05:00:00.000Z', (a ?? 0) + (b ?? 0)],
      ['2026-03-09T04:00:00.000Z', c],
    ]);
    // The 8th is a Sunday (the week of Monday 2 March, EST); the 9th a Monday (EDT).
    expect(starts('week', 'America/New_York')).toEqual([
      ['2026-03-02T05:00:00.000Z', (a ?? 0) + (b ?? 0)],
      ['2026-03-09T04:00:00.000Z', c],
    ]);
  });

  it('follows New York across the November change (a 25-hour day, 01:30 twice)', () => {
    // 2 November 2025: 02:00 EDT → 01:00 EST.
    const [a, b, c, d] = commissionsAt(
      '2025-11-02T05:30:00.000Z', // 01:30 EDT
      '2025-11-02T06:30:00.000Z', // 01:30 EST
      '2025-11-03T04:30:00.000Z', // 23:30 EST on the 2nd
      '2025-11-03T05:00:00.000Z', // midnight on the 3rd
    );
    expect(starts('day', 'America/New_York')).toEqual([
      ['2025-11-02T04:00:00.000Z', (a ?? 0) + (b ?? 0) + (c ?? 0)],
      ['2025-11-03T05:00:00.000Z', d],
    ]);
    expect(starts('month', 'America/New_York')).toEqual([
      ['2025-11-01T04:00:00.000Z', (a ?? 0) + (b ?? 0) + (c ?? 0) + (d ?? 0)],
    ]);
  });

  it('splits days at half and three-quarter hours (Kolkata +5:30, Kathmandu +5:45)', () => {
    const [before, after] = commissionsAt(
      '2026-02-28T18:15:00.000Z', // 23:45 on 28 February in Kolkata, 00:00 on 1 March in Kathmandu
      '2026-02-28T18:45:00.000Z', // 00:15 on 1 March in Kolkata
    );
    expect(starts('day', 'Asia/Kolkata')).toEqual([
      ['2026-02-27T18:30:00.000Z', before],
      ['2026-02-28T18:30:00.000Z', after],
    ]);
    expect(starts('month', 'Asia/Kolkata')).toEqual([
      ['2026-01-31T18:30:00.000Z', before],
      ['2026-02-28T18:30:00.000Z', after],
    ]);
    expect(starts('day', 'Asia/Kathmandu')).toEqual([
      ['2026-02-28T18:15:00.000Z', (before ?? 0) + (after ?? 0)],
    ]);
  });

  it('starts a day whose midnight is skipped when it begins (Santiago, 7 September 2025)', () => {
    // Clocks go from 00:00 −04 to 01:00 −03: the 7th begins at 04:00 UTC.
    const [cents] = commissionsAt('2025-09-07T04:20:00.000Z');
    expect(starts('day', 'America/Santiago')).toEqual([['2025-09-07T04:00:00.000Z', cents]]);
  });

  it('sums a quarter hour that straddles a day’s start from its own rows (Monrovia −0:44:30, 1970)', () => {
    // The demo terms start in 2019: give 1970 terms of its own.
    world.ctx.db
      .prepare(
        `INSERT INTO terms (version, effective_from, published_at, rate_bp, min_payout_cents, min_referrals,
           hold_days, summary) VALUES (0, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', 1000, 0, 0, 0, '1970')`,
      )
      .run();
    const [before, after] = commissionsAt('1970-06-01T00:40:00.000Z', '1970-06-01T00:44:50.000Z');
    expect(starts('day', 'Africa/Monrovia')).toEqual([
      ['1970-05-31T00:44:30.000Z', before],
      ['1970-06-01T00:44:30.000Z', after],
    ]);
  });

  it('agrees with the balance in every zone and bucket', () => {
    busyWorld();
    const balance = balanceOf(world.ctx, world.partnerId);
    for (const tz of ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'])
      for (const bucket of ['day', 'week', 'month'] as const) {
        const series = earningsSeries(world.ctx, world.partnerId, { bucket, tz });
        expect(series.points.reduce((acc, point) => acc + point.earnedCents, 0)).toBe(balance.earnedCents);
        expect(series.points.reduce((acc, point) => acc + point.reversedCents, 0)).toBe(
          balance.reversedCents,
        );
      }
  });
});

describe('referral statistics', () => {
  it('gives each referral their purchases, what they paid and the net commission, e-mail masked', () => {
    const { alice } = busyWorld();
    const page = ReferralStatsPage.parse(listReferralStats(world.ctx, world.partnerId, { limit: 2 }));
    expect(page.items).toHaveLength(2);
    const rest = listReferralStats(world.ctx, world.partnerId, { limit: 2, cursor: page.nextCursor ?? '' });
    const stats = [...page.items, ...rest.items];
    expect(stats).toHaveLength(3);
    const a = stats.find((referral) => referral.id === alice);
    const aliceEntries = history({ referralId: alice }).items;
    expect(a).toMatchObject({ purchasesCount: 2, emailMasked: 'r***@example.com' });
    expect(a?.commissionCents).toBe(aliceEntries.reduce((acc, entry) => acc + entry.amountCents, 0));
    expect(a?.paidCents).toBe(
      aliceEntries
        .filter((entry) => entry.type === 'earned')
        .reduce((acc, entry) => acc + (entry.purchase?.paidCents ?? 0), 0),
    );
    const net = stats.reduce((acc, referral) => acc + referral.commissionCents, 0);
    const balance = balanceOf(world.ctx, world.partnerId);
    expect(net).toBe(balance.earnedCents - balance.reversedCents);
  });

  it('masks e-mails down to the first letter and the domain', () => {
    expect(maskEmail('john.smith@example.com')).toBe('j***@example.com');
    expect(maskEmail('no-at-sign')).toBe('***');
    // Nothing before the @: nothing to show of the name.
    expect(maskEmail('@example.com')).toBe('***');
  });

  it('stays quick with many referrals and purchases (seeded history)', () => {
    seedHistory(world.ctx, { partnerId: world.partnerId, referrals: 200, purchases: 5000, days: 90 });
    const started = performance.now();
    const page = listReferralStats(world.ctx, world.partnerId, { limit: 50 });
    const firstHistory = history({ limit: 100 });
    const searched = history({ limit: 100, q: 'TPO' });
    expect(page.items).toHaveLength(50);
    expect(firstHistory.items).toHaveLength(100);
    expect(searched.items.map((entry) => entry.productName)).toEqual(searched.items.map(() => 'TPO add-on'));
    // Not a benchmark: a guard against a query that walks every purchase per referral.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('searches for % and _ as the characters themselves, not as wildcards', () => {
    const code = String(
      world.ctx.db.prepare('SELECT referral_code AS c FROM accounts WHERE id = ?').get(world.partnerId)?.c,
    );
    for (const displayName of ['Ann_Lee', 'AnnXLee', '100% Pat', '1000 Pat']) {
      const buyer = registerAccount(world.ctx, {
        email: `${displayName.replace(/\W/gu, '')}@example.com`,
        displayName,
        referralCode: code,
      }).id;
      recordPurchase(world.ctx, { buyerId: buyer, sku: 'crypto-1m' });
    }
    expect(history({ q: 'n_L' }).items.map((entry) => entry.referralName)).toEqual(['Ann_Lee']);
    expect(history({ q: '0% P' }).items.map((entry) => entry.referralName)).toEqual(['100% Pat']);
  });
});
