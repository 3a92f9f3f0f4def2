// Demo mode's first-run world: a few referrals, purchases (one with a discount, one refunded)
// and a paid payout over the past months, so the companion shows real figures on a fresh
// machine. Seeded once, only while the demo partner has no referrals yet.
import { getAccount, referralsCount, registerAccount } from './accounts.ts';
import type { ProgramContext } from './context.ts';
import { movePayout, requestPayout } from './payouts.ts';
import { recordPurchase, refundPurchase } from './purchases.ts';

const DAY = 86_400_000;

export function seedDemoWorld(ctx: ProgramContext, partnerId: string): boolean {
  if (referralsCount(ctx.db, partnerId) > 0) return false;
  const now = ctx.now().getTime();
  const at = (daysAgo: number): ProgramContext => ({ ...ctx, now: () => new Date(now - daysAgo * DAY) });
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const code = getAccount(ctx.db, partnerId).referralCode;
  const people = [
    ['Alex Trader', 120],
    ['Maria Futures', 95],
    ['Ivan Scalper', 60],
    ['Chen Options', 21],
  ] as const;
  const ids = people.map(([name, daysAgo], i) => {
    const email = `demo.referral${i + 1}@example.com`;
    return registerAccount(at(daysAgo), { email, displayName: name, referralCode: code }).id;
  });
  const [alex, maria, ivan, chen] = ids as [string, string, string, string];
  recordPurchase(ctx, { buyerId: alex, sku: 'crypto-1y', purchasedAt: iso(118) });
  recordPurchase(ctx, { buyerId: maria, sku: 'all-in-one-6m', discountCents: 5_000, purchasedAt: iso(90) });
  const refunded = recordPurchase(ctx, { buyerId: ivan, sku: 'multi-asset-1m', purchasedAt: iso(58) });
  refundPurchase(at(55), refunded.purchase.id);
  recordPurchase(ctx, { buyerId: alex, sku: 'tpo-1y', purchasedAt: iso(40) });
  const payout = requestPayout(at(30), partnerId, {
    amountCents: 5_000,
    method: 'paypal',
    destination: 'demo.partner@example.com',
  });
  movePayout(at(29), payout.id, 'processing', null);
  movePayout(at(27), payout.id, 'paid', null);
  recordPurchase(ctx, { buyerId: chen, sku: 'multi-asset-3m', purchasedAt: iso(20) });
  recordPurchase(ctx, { buyerId: maria, sku: 'power-trades-1m', purchasedAt: iso(3) });
  return true;
}
