// One test (at least) per program rule R1–R8, against a real database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Balance, Commission, ProgramStatus, TermsInfo } from '../../shared/accounts-api.ts';
import { changeEmail, getAccount, listReferrals, registerAccount } from './accounts.ts';
import { applyCredit, cancelCheckout, completeCheckout } from './credits.ts';
import { disqualify, programStatus } from './disqualification.ts';
import { ProgramError } from './errors.ts';
import { eventsAfter } from './events.ts';
import { balanceOf, listCommissions } from './ledger.ts';
import { licenseOf } from './licenses.ts';
import { cancelPayout, movePayout, requestPayout } from './payouts.ts';
import { createProgramTestBed, type ProgramTestBed } from './program-test-bed.ts';
import { recordPurchase, refundPurchase } from './purchases.ts';
import { publishTerms, rateAt, setPartnerRate, termsInfo } from './terms.ts';

const DAY = 86_400_000;
let world: ProgramTestBed;
beforeEach(() => {
  world = createProgramTestBed();
});
afterEach(() => world.close());

function buy(
  buyerId: string,
  sku = 'crypto-1m',
  extra: { discountCents?: number; purchasedAt?: string } = {},
) {
  return recordPurchase(world.ctx, { buyerId, sku, ...extra });
}
function expectProblem(fn: () => unknown, codeName: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProgramError);
    expect((error as ProgramError).code).toBe(codeName);
    return;
  }
  throw new Error(`expected ${codeName}`);
}
const paypal = { method: 'paypal', destination: 'partner@example.com' } as const;

describe('R1 attribution is fixed at registration', () => {
  it('registering through a link makes a referral; without a code does not', () => {
    const [referral] = world.referrals(1);
    const stranger = registerAccount(world.ctx, { email: 'x@example.com', displayName: 'X' });
    expect(getAccount(world.ctx.db, referral as string).referredBy).toBe(world.partnerId);
    expect(stranger.referredBy).toBeNull();
    expect(buy(stranger.id).commission).toBeNull();
    expect(listReferrals(world.ctx, world.partnerId, { limit: 50 }).items.map((r) => r.id)).toEqual([
      referral,
    ]);
  });

  it('changing e-mail does not move it, and a new account of the same person is not a referral', () => {
    const [referral] = world.referrals(1) as [string];
    changeEmail(world.ctx, referral, 'new-address@example.com');
    expect(getAccount(world.ctx.db, referral).referredBy).toBe(world.partnerId);
    // The same person opens a second account later, without the link: nobody's referral.
    const second = registerAccount(world.ctx, { email: 'same-person-2@example.com', displayName: 'Same' });
    expect(second.referredBy).toBeNull();
    expect(buy(second.id).commission).toBeNull();
  });

  it('the database refuses to change a recorded attribution', () => {
    const other = registerAccount(world.ctx, { email: 'o@example.com', displayName: 'O' });
    const [referral] = world.referrals(1);
    expect(() =>
      world.ctx.db
        .prepare('UPDATE accounts SET referred_by = ? WHERE id = ?')
        .run(other.id, referral as string),
    ).toThrow(/attribution is fixed/);
    const stranger = registerAccount(world.ctx, { email: 's@example.com', displayName: 'S' });
    expect(() =>
      world.ctx.db
        .prepare('UPDATE accounts SET referred_by = ? WHERE id = ?')
        .run(world.partnerId, stranger.id),
    ).toThrow(/attribution is fixed/);
  });

  it('an unknown code is refused rather than silently attributing nobody', () => {
    expectProblem(
      () => registerAccount(world.ctx, { email: 'u@example.com', displayName: 'U', referralCode: 'NOPE' }),
      'unknown-referral-code',
    );
  });

  it('a registration is an event for the referrer only', () => {
    const other = registerAccount(world.ctx, { email: 'o@example.com', displayName: 'O' });
    const [referral] = world.referrals(1);
    expect(eventsAfter(world.ctx, world.partnerId, 0).map((e) => [e.type, e.data])).toEqual([
      ['referral.registered', expect.objectContaining({ id: referral })],
    ]);
    expect(eventsAfter(world.ctx, other.id, 0)).toEqual([]);
  });
});

describe('R2 commissions', () => {
  it('earn rate × paid amount after discount and record purchase, rate, terms version and time', () => {
    const [referral] = world.referrals(1) as [string];
    const { purchase, commission } = buy(referral, 'multi-asset-1y', { discountCents: 3_001 });
    expect(purchase).toMatchObject({ listPriceCents: 63_000, discountCents: 3_001, paidCents: 59_999 });
    const c = Commission.parse(commission);
    expect(c).toMatchObject({
      type: 'earned',
      amountCents: 9_000, // 15 % of 599.99 $ = 89.9985 $ → 90.00 $
      rateBp: 1500,
      termsVersion: 2,
      recordedAt: '2026-01-15T12:00:00.000Z',
      purchase: { id: String(purchase.id), referralId: referral, sku: 'multi-asset-1y', paidCents: 59_999 },
    });
  });

  it('each purchase earns, not only the first', () => {
    const [referral] = world.referrals(1) as [string];
    buy(referral);
    buy(referral);
    buy(referral, 'tpo-1m');
    expect(balanceOf(world.ctx, world.partnerId).earnedCents).toBe(750 + 750 + 300);
  });

  it('the rate in force at the purchase time applies: 20 % (v1) before 2022-11-21, 15 % (v2) after', () => {
    const [referral] = world.referrals(1) as [string];
    const before = buy(referral, 'crypto-1m', { purchasedAt: '2022-11-20T23:59:59.999Z' }).commission;
    const after = buy(referral, 'crypto-1m', { purchasedAt: '2022-11-21T00:00:00.000Z' }).commission;
    expect([before?.rateBp, before?.termsVersion, before?.amountCents]).toEqual([2000, 1, 1000]);
    expect([after?.rateBp, after?.termsVersion, after?.amountCents]).toEqual([1500, 2, 750]);
  });

  it('a partner rate replaces the terms rate from when it is set, never retroactively', () => {
    const [referral] = world.referrals(1) as [string];
    const earlier = buy(referral).commission;
    world.advance(1_000);
    expect(setPartnerRate(world.ctx, world.partnerId, 2500)).toMatchObject({
      rateBp: 2500,
      source: 'partner',
    });
    world.advance(1_000);
    const later = buy(referral).commission;
    expect(earlier?.rateBp).toBe(1500);
    expect(later).toMatchObject({ rateBp: 2500, amountCents: 1250, termsVersion: 2 });
    // Backdated purchases take the rate of their own time.
    expect(buy(referral, 'crypto-1m', { purchasedAt: '2026-01-15T12:00:00.000Z' }).commission?.rateBp).toBe(
      1500,
    );
    setPartnerRate(world.ctx, world.partnerId, null);
    expect(rateAt(world.ctx, world.partnerId, world.ctx.now().toISOString()).source).toBe('terms');
  });

  it('refunds add reversal entries: partial, then the rest, reversing exactly the commission', () => {
    const [referral] = world.referrals(1) as [string];
    const { purchase, commission } = buy(referral, 'crypto-1m', { discountCents: 1 }); // paid 4 999 → 750
    expect(commission?.amountCents).toBe(750);
    const first = refundPurchase(world.ctx, purchase.id, 1_000);
    const rest = refundPurchase(world.ctx, purchase.id);
    expect(first.reversal).toMatchObject({ type: 'reversed', amountCents: -150, refundCents: 1_000 });
    expect(rest.amountCents).toBe(3_999);
    expect((first.reversal?.amountCents ?? 0) + (rest.reversal?.amountCents ?? 0)).toBe(-750);
    expectProblem(() => refundPurchase(world.ctx, purchase.id, 1), 'bad-refund');
    const balance = balanceOf(world.ctx, world.partnerId);
    expect([balance.earnedCents, balance.reversedCents, balance.availableCents]).toEqual([750, 750, 0]);
    const page = listCommissions(world.ctx, world.partnerId, { limit: 10, type: 'reversed' });
    expect(page.items).toHaveLength(2);
  });

  it('a refund after the money was paid out leaves a negative balance that later earnings absorb', () => {
    const referrals = world.referrals(3) as [string, string, string];
    const big = buy(referrals[0], 'all-in-one-lifetime'); // 1 980 $ → 297 $
    const payout = requestPayout(world.ctx, world.partnerId, { amountCents: 29_700, ...paypal });
    movePayout(world.ctx, payout.id, 'processing', null);
    movePayout(world.ctx, payout.id, 'paid', null);
    refundPurchase(world.ctx, big.purchase.id);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({
      availableCents: -29_700,
      paidOutCents: 29_700,
    });
    buy(referrals[1], 'all-in-one-1y'); // 900 $ → 135 $
    expect(balanceOf(world.ctx, world.partnerId).availableCents).toBe(-29_700 + 13_500);
    expectProblem(
      () => requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal }),
      'insufficient-balance',
    );
  });

  it('a hold period in the terms keeps new commissions pending until it ends', () => {
    publishTerms(world.ctx, {
      rateBp: 1500,
      minPayoutCents: 5_000,
      minReferrals: 3,
      holdDays: 30,
      summary: 'hold',
    });
    const [referral] = world.referrals(1) as [string];
    const { purchase, commission } = buy(referral);
    expect(commission?.availableAt).toBe(new Date(world.ctx.now().getTime() + 30 * DAY).toISOString());
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ pendingCents: 750, availableCents: 0 });
    refundPurchase(world.ctx, purchase.id, 2_000); // reverses 300 of a still-pending commission
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ pendingCents: 450, availableCents: 0 });
    world.advance(30 * DAY);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ pendingCents: 0, availableCents: 450 });
  });
});

describe('R3 earnings are withdrawn or spent on licenses', () => {
  it('a credit that covers the renewal applies at once and extends the license from its end', () => {
    const referrals = world.referrals(1) as [string];
    buy(referrals[0], 'all-in-one-lifetime'); // 297 $
    const first = applyCredit(world.ctx, world.partnerId, { sku: 'crypto-1m' });
    expect(first).toMatchObject({
      status: 'applied',
      creditCents: 5_000,
      remainderCents: 0,
      checkoutUrl: null,
    });
    expect(licenseOf(world.ctx, world.partnerId, 'crypto')?.availableTill).toBe('2026-02-15T12:00:00.000Z');
    applyCredit(world.ctx, world.partnerId, { sku: 'crypto-3m' });
    expect(licenseOf(world.ctx, world.partnerId, 'crypto')?.availableTill).toBe('2026-05-15T12:00:00.000Z');
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({
      creditedCents: 18_500,
      availableCents: 11_200,
    });
    expect(
      eventsAfter(world.ctx, world.partnerId, 0).filter((e) => e.type === 'credit.applied'),
    ).toHaveLength(2);
  });

  it('a partial credit holds the amount and leaves the remainder to a checkout', () => {
    const [referral] = world.referrals(1) as [string];
    buy(referral, 'crypto-1y'); // 450 $ → 67.50 $
    const credit = applyCredit(world.ctx, world.partnerId, { sku: 'all-in-one-1m' }); // 100 $
    expect(credit).toMatchObject({ status: 'awaiting-payment', creditCents: 6_750, remainderCents: 3_250 });
    expect(credit.checkoutUrl).toBe(`http://127.0.0.1:9/checkout/${credit.id}`);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ availableCents: 0, reservedCents: 6_750 });
    expect(licenseOf(world.ctx, world.partnerId, 'all-in-one')).toBeUndefined();
    completeCheckout(world.ctx, credit.id);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ reservedCents: 0, creditedCents: 6_750 });
    expect(licenseOf(world.ctx, world.partnerId, 'all-in-one')?.availableTill).toBe(
      '2026-02-15T12:00:00.000Z',
    );
    expectProblem(() => cancelCheckout(world.ctx, credit.id), 'bad-transition');
  });

  it('an abandoned checkout releases the held amount and renews nothing', () => {
    const [referral] = world.referrals(1) as [string];
    buy(referral, 'crypto-1y');
    const credit = applyCredit(world.ctx, world.partnerId, { sku: 'all-in-one-1m', amountCents: 1_000 });
    cancelCheckout(world.ctx, credit.id);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ availableCents: 6_750, reservedCents: 0 });
    expect(licenseOf(world.ctx, world.partnerId, 'all-in-one')).toBeUndefined();
  });

  it('refuses credits above the balance or the price, and renewals of lifetime licenses', () => {
    const [referral] = world.referrals(1) as [string];
    buy(referral, 'crypto-1m');
    expectProblem(
      () => applyCredit(world.ctx, world.partnerId, { sku: 'crypto-1m', amountCents: 751 }),
      'insufficient-balance',
    );
    buy(referral, 'all-in-one-lifetime');
    expectProblem(
      () => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m', amountCents: 2_001 }),
      'credit-above-price',
    );
    recordPurchase(world.ctx, { buyerId: world.partnerId, sku: 'tpo-lifetime' });
    expectProblem(() => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m' }), 'already-lifetime');
  });
});

describe('R4 withdrawal thresholds come from the terms in force', () => {
  it('v2 needs $50 and 3 referrals', () => {
    const [a, b] = world.referrals(2) as [string, string];
    buy(a, 'all-in-one-lifetime');
    expectProblem(
      () => requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal }),
      'not-enough-referrals',
    );
    expect(programStatus(world.ctx, world.partnerId).withdrawal).toMatchObject({
      eligible: false,
      minReferrals: 3,
    });
    world.referrals(1);
    expectProblem(
      () => requestPayout(world.ctx, world.partnerId, { amountCents: 4_999, ...paypal }),
      'below-minimum',
    );
    expect(requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal }).status).toBe(
      'requested',
    );
    expect(b).toBeTruthy();
    expect(ProgramStatus.parse(programStatus(world.ctx, world.partnerId)).withdrawal.eligible).toBe(true);
  });

  it('new terms change the thresholds from their effective time', () => {
    const [a] = world.referrals(1) as [string];
    buy(a, 'all-in-one-lifetime');
    publishTerms(world.ctx, {
      rateBp: 1500,
      minPayoutCents: 10_000,
      minReferrals: 1,
      holdDays: 0,
      summary: 'v3',
    });
    expectProblem(
      () => requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal }),
      'below-minimum',
    );
    expect(requestPayout(world.ctx, world.partnerId, { amountCents: 10_000, ...paypal }).termsVersion).toBe(
      3,
    );
  });
});

describe('R5 payout requests and their states', () => {
  function funded(): void {
    const [a] = world.referrals(3) as [string];
    buy(a, 'all-in-one-lifetime'); // 297 $
  }

  it('requested → processing → paid moves the held amount to paid out', () => {
    funded();
    const payout = requestPayout(world.ctx, world.partnerId, { amountCents: 20_000, ...paypal });
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({
      availableCents: 9_700,
      reservedCents: 20_000,
    });
    expect(movePayout(world.ctx, payout.id, 'processing', null).status).toBe('processing');
    expect(movePayout(world.ctx, payout.id, 'paid', null).status).toBe('paid');
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ reservedCents: 0, paidOutCents: 20_000 });
    const statuses = eventsAfter(world.ctx, world.partnerId, 0)
      .filter((e) => e.type === 'payout.status')
      .map((e) => (e.data as { status: string }).status);
    expect(statuses).toEqual(['requested', 'processing', 'paid']);
  });

  it('rejected (from requested or processing) needs a reason and releases the amount', () => {
    funded();
    const one = requestPayout(world.ctx, world.partnerId, { amountCents: 10_000, ...paypal });
    const two = requestPayout(world.ctx, world.partnerId, { amountCents: 10_000, ...paypal });
    expectProblem(() => movePayout(world.ctx, one.id, 'rejected', null), 'reason-required');
    expect(movePayout(world.ctx, one.id, 'rejected', 'Wrong PayPal account')).toMatchObject({
      status: 'rejected',
      reason: 'Wrong PayPal account',
    });
    movePayout(world.ctx, two.id, 'processing', null);
    movePayout(world.ctx, two.id, 'rejected', 'Bank refused');
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ availableCents: 29_700, reservedCents: 0 });
  });

  it('the partner may cancel only while still requested', () => {
    funded();
    const one = requestPayout(world.ctx, world.partnerId, { amountCents: 10_000, ...paypal });
    expect(cancelPayout(world.ctx, world.partnerId, one.id).status).toBe('cancelled');
    const two = requestPayout(world.ctx, world.partnerId, { amountCents: 10_000, ...paypal });
    movePayout(world.ctx, two.id, 'processing', null);
    expectProblem(() => cancelPayout(world.ctx, world.partnerId, two.id), 'bad-transition');
    const other = registerAccount(world.ctx, { email: 'o@example.com', displayName: 'O' });
    expectProblem(() => cancelPayout(world.ctx, other.id, two.id), 'unknown-payout');
  });

  it.each([
    ['paid', 'processing'],
    ['paid', 'rejected'],
    ['rejected', 'paid'],
    ['cancelled', 'processing'],
    ['requested', 'paid'],
  ] as const)('refuses %s → %s', (from, to) => {
    funded();
    const payout = requestPayout(world.ctx, world.partnerId, { amountCents: 10_000, ...paypal });
    const path: Record<string, Array<'processing' | 'paid' | 'rejected' | 'cancelled'>> = {
      requested: [],
      paid: ['processing', 'paid'],
      rejected: ['rejected'],
      cancelled: ['cancelled'],
    };
    for (const step of path[from] ?? [])
      movePayout(world.ctx, payout.id, step, step === 'rejected' ? 'r' : null);
    expectProblem(() => movePayout(world.ctx, payout.id, to, 'r'), 'bad-transition');
  });

  it('a request can never take more than is available', () => {
    funded();
    requestPayout(world.ctx, world.partnerId, { amountCents: 20_000, ...paypal });
    expectProblem(
      () => requestPayout(world.ctx, world.partnerId, { amountCents: 9_701, ...paypal }),
      'insufficient-balance',
    );
  });
});

describe('R6 no limit on referrals', () => {
  it('lists any number of referrals in cursor pages, newest first, without gaps or repeats', () => {
    const ids: string[] = [];
    for (let i = 0; i < 130; i++) {
      ids.push(...world.referrals(1));
      if (i % 3 === 0) world.advance(1); // some share a registration time
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = listReferrals(world.ctx, world.partnerId, { limit: 50, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(130);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(programStatus(world.ctx, world.partnerId).referralsCount).toBe(130);
  });

  it('rejects a forged cursor', () => {
    expectProblem(
      () => listReferrals(world.ctx, world.partnerId, { limit: 5, cursor: 'bm9wZQ' }),
      'bad-cursor',
    );
  });
});

describe('R7 disqualification', () => {
  it('cancels all unpaid rewards as ledger entries, stops open requests, blocks payouts and credits', () => {
    const [a, b] = world.referrals(3) as [string, string];
    buy(a, 'all-in-one-lifetime'); // 29 700
    const paid = requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal });
    movePayout(world.ctx, paid.id, 'processing', null);
    movePayout(world.ctx, paid.id, 'paid', null);
    const open = requestPayout(world.ctx, world.partnerId, { amountCents: 6_000, ...paypal });
    publishTerms(world.ctx, {
      rateBp: 1500,
      minPayoutCents: 5_000,
      minReferrals: 3,
      holdDays: 14,
      summary: 'hold',
    });
    buy(b, 'crypto-1y'); // 6 750 pending
    const ledgerRows = () => Number(world.ctx.db.prepare('SELECT count(*) AS n FROM ledger').get()?.n);
    const before = ledgerRows();

    const status = disqualify(world.ctx, world.partnerId, 'Self-referral through a second account');
    expect(status).toMatchObject({
      status: 'disqualified',
      disqualificationReason: 'Self-referral through a second account',
    });
    expect(ledgerRows()).toBeGreaterThan(before);
    expect(world.ctx.db.prepare('SELECT status FROM payouts WHERE id = ?').get(open.id)?.status).toBe(
      'rejected',
    );
    expect(Balance.parse(balanceOf(world.ctx, world.partnerId))).toMatchObject({
      availableCents: 0,
      pendingCents: 0,
      reservedCents: 0,
      paidOutCents: 5_000, // paid money is not clawed back
      cancelledCents: 24_700 + 6_750,
    });
    world.advance(15 * DAY);
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({ availableCents: 0, pendingCents: 0 });

    expectProblem(
      () => requestPayout(world.ctx, world.partnerId, { amountCents: 5_000, ...paypal }),
      'disqualified',
    );
    expectProblem(() => applyCredit(world.ctx, world.partnerId, { sku: 'tpo-1m' }), 'disqualified');
    expect(buy(a).commission).toBeNull();
    expect(programStatus(world.ctx, world.partnerId).withdrawal.eligible).toBe(false);
    expect(eventsAfter(world.ctx, world.partnerId, 0).at(-1)).toMatchObject({
      type: 'partner.disqualified',
      data: { cancelledCents: 24_700 + 6_750 },
    });
    expectProblem(() => disqualify(world.ctx, world.partnerId, 'again'), 'already-disqualified');
  });

  it('leaves a debt (negative balance) as it is', () => {
    const [a] = world.referrals(3) as [string];
    const p = buy(a, 'all-in-one-lifetime');
    const payout = requestPayout(world.ctx, world.partnerId, { amountCents: 29_700, ...paypal });
    movePayout(world.ctx, payout.id, 'processing', null);
    movePayout(world.ctx, payout.id, 'paid', null);
    refundPurchase(world.ctx, p.purchase.id);
    disqualify(world.ctx, world.partnerId, 'abuse');
    expect(balanceOf(world.ctx, world.partnerId)).toMatchObject({
      availableCents: -29_700,
      cancelledCents: 0,
    });
  });
});

describe('R8 versioned terms', () => {
  it('publishing new terms is an event for everyone and becomes current at its effective time', () => {
    const other = registerAccount(world.ctx, { email: 'o@example.com', displayName: 'O' });
    const effectiveFrom = new Date(world.ctx.now().getTime() + 10 * DAY).toISOString();
    const v3 = publishTerms(world.ctx, {
      rateBp: 1000,
      minPayoutCents: 2_500,
      minReferrals: 0,
      holdDays: 0,
      summary: '10 %',
      effectiveFrom,
    });
    expect(v3).toMatchObject({ version: 3, effectiveFrom, publishedAt: world.ctx.now().toISOString() });
    const info = TermsInfo.parse(termsInfo(world.ctx));
    expect(info.current.version).toBe(2);
    expect(info.history.map((t) => [t.version, t.rateBp])).toEqual([
      [3, 1000],
      [2, 1500],
      [1, 2000],
    ]);
    for (const id of [world.partnerId, other.id]) {
      expect(eventsAfter(world.ctx, id, 0).map((e) => e.type)).toContain('terms.published');
    }
    world.advance(10 * DAY);
    expect(termsInfo(world.ctx).current.version).toBe(3);
    const [a] = world.referrals(1) as [string];
    expect(buy(a).commission).toMatchObject({ rateBp: 1000, termsVersion: 3, amountCents: 500 });
  });

  it('terms cannot be published into the past or out of order', () => {
    expectProblem(
      () =>
        publishTerms(world.ctx, {
          rateBp: 1000,
          minPayoutCents: 0,
          minReferrals: 0,
          holdDays: 0,
          summary: 'x',
          effectiveFrom: '2025-01-01T00:00:00.000Z',
        }),
      'terms-in-the-past',
    );
    const later = new Date(world.ctx.now().getTime() + 10 * DAY).toISOString();
    publishTerms(world.ctx, {
      rateBp: 1,
      minPayoutCents: 0,
      minReferrals: 0,
      holdDays: 0,
      summary: 'a',
      effectiveFrom: later,
    });
    expectProblem(
      () =>
        publishTerms(world.ctx, { rateBp: 1, minPayoutCents: 0, minReferrals: 0, holdDays: 0, summary: 'b' }),
      'terms-out-of-order',
    );
    // Not even at the very instant the latest terms take effect.
    expectProblem(
      () =>
        publishTerms(world.ctx, {
          rateBp: 1,
          minPayoutCents: 0,
          minReferrals: 0,
          holdDays: 0,
          summary: 'c',
          effectiveFrom: later,
        }),
      'terms-out-of-order',
    );
  });

  it('terms published for now apply at once; a partner rate set twice at one instant keeps the last', () => {
    const now = world.ctx.now().toISOString();
    expect(
      publishTerms(world.ctx, {
        rateBp: 1200,
        minPayoutCents: 0,
        minReferrals: 0,
        holdDays: 0,
        summary: 'now',
        effectiveFrom: now,
      }),
    ).toMatchObject({ version: 3, effectiveFrom: now });
    expect(rateAt(world.ctx, world.partnerId, now)).toMatchObject({ rateBp: 1200, source: 'terms' });
    setPartnerRate(world.ctx, world.partnerId, 3000);
    expect(setPartnerRate(world.ctx, world.partnerId, 2500)).toMatchObject({
      rateBp: 2500,
      source: 'partner',
    });
    // Back to the terms' rate, also at that same instant.
    expect(setPartnerRate(world.ctx, world.partnerId, null)).toMatchObject({ rateBp: 1200, source: 'terms' });
  });
});

describe('the ledger', () => {
  it('is append-only in the database itself', () => {
    const [a] = world.referrals(1) as [string];
    buy(a);
    expect(() => world.ctx.db.exec('UPDATE ledger SET amount_cents = 1000000')).toThrow(/append-only/);
    expect(() => world.ctx.db.exec('DELETE FROM ledger')).toThrow(/append-only/);
  });

  it('pages commissions newest first with filters', () => {
    const [a, b] = world.referrals(2) as [string, string];
    for (let i = 0; i < 7; i++)
      buy(i % 2 ? a : b, 'crypto-1m', { purchasedAt: `2025-0${i + 1}-01T00:00:00.000Z` });
    const all = listCommissions(world.ctx, world.partnerId, { limit: 3 });
    expect(all.items.map((c) => c.purchase.purchasedAt.slice(0, 7))).toEqual([
      '2025-07',
      '2025-06',
      '2025-05',
    ]);
    const next = listCommissions(world.ctx, world.partnerId, { limit: 3, cursor: all.nextCursor as string });
    expect(next.items.map((c) => c.purchase.purchasedAt.slice(0, 7))).toEqual([
      '2025-04',
      '2025-03',
      '2025-02',
    ]);
    expect(listCommissions(world.ctx, world.partnerId, { limit: 50, referralId: a }).items).toHaveLength(3);
    const window = listCommissions(world.ctx, world.partnerId, {
      limit: 50,
      from: '2025-02-01T00:00:00.000Z',
      to: '2025-04-01T00:00:00.000Z',
    });
    expect(window.items.map((c) => c.purchase.purchasedAt.slice(0, 7))).toEqual(['2025-03', '2025-02']);
  });
});
