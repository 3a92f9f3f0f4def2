// Seeds a large history (e.g. 100,000 commissions) for performance work: real registrations and
// purchases through the same code paths, in one transaction, spread over the past.
import { randomUUID } from 'node:crypto';
import { getAccount, newReferralCode } from './accounts.ts';
import { nowIso, type ProgramContext, write } from './context.ts';
import { ProgramError } from './errors.ts';
import { recordPurchase } from './purchases.ts';
import { statement } from './statements.ts';

export interface HistorySpec {
  partnerId: string;
  referrals: number;
  purchases: number;
  /** How far back the history starts; default 365 days. */
  days?: number | undefined;
}

export function seedHistory(
  ctx: ProgramContext,
  spec: HistorySpec,
): { referrals: number; purchases: number } {
  if (!Number.isInteger(spec.referrals) || spec.referrals < 1 || spec.referrals > 1_000_000) {
    throw new ProgramError('invalid', 'bad-history', 'referrals must be 1..1,000,000.');
  }
  if (!Number.isInteger(spec.purchases) || spec.purchases < 0 || spec.purchases > 2_000_000) {
    throw new ProgramError('invalid', 'bad-history', 'purchases must be 0..2,000,000.');
  }
  const days = spec.days ?? 365;
  return write(ctx, () => {
    getAccount(ctx.db, spec.partnerId);
    const end = ctx.now().getTime();
    const start = end - days * 86_400_000;
    const insert = statement(
      ctx.db,
      `INSERT INTO accounts (id, email, display_name, referral_code, created_at, referred_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const ids: string[] = [];
    const batch = randomUUID().slice(0, 8);
    for (let i = 0; i < spec.referrals; i++) {
      const id = `acc_${batch}_${i}`;
      const at = new Date(start + Math.floor(((end - start) * i) / (spec.referrals * 2))).toISOString();
      insert.run(
        id,
        `referral.${batch}.${i}@example.com`,
        `Referral ${batch}-${i}`,
        newReferralCode(ctx.db),
        at,
        spec.partnerId,
      );
      ids.push(id);
    }
    const skus = statement(ctx.db, "SELECT sku FROM catalog_items WHERE term != 'lifetime'")
      .all()
      .map((row) => String(row.sku));
    const half = start + (end - start) / 2;
    for (let i = 0; i < spec.purchases; i++) {
      // Purchases fill the second half of the period, after every referral registered.
      const at = new Date(Math.floor(half + ((end - half) * i) / Math.max(1, spec.purchases))).toISOString();
      recordPurchase(
        ctx,
        {
          buyerId: ids[i % ids.length] as string,
          sku: skus[i % skus.length] as string,
          discountCents: (i % 7) * 100,
          purchasedAt: at < nowIso(ctx) ? at : undefined,
        },
        { events: false },
      );
    }
    return { referrals: spec.referrals, purchases: spec.purchases };
  });
}
