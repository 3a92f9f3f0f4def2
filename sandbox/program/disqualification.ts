// R7: disqualifying a partner cancels all unpaid earned or accrued rewards at once, as ledger
// entries (never edits), stops open payout requests and checkouts, and blocks new ones.
import type { ProgramStatus } from '../../shared/accounts-api.ts';
import { getAccount, referralsCount } from './accounts.ts';
import { nowIso, type ProgramContext, write } from './context.ts';
import { cancelCheckout, openCreditIds } from './credits.ts';
import { ProgramError } from './errors.ts';
import { appendEvent } from './events.ts';
import { appendEntry, balanceOf } from './ledger.ts';
import { movePayout, openPayoutIds } from './payouts.ts';
import { statement } from './statements.ts';
import { rateAt } from './terms.ts';

export function disqualify(ctx: ProgramContext, partnerId: string, reason: string): ProgramStatus {
  return write(ctx, () => {
    const partner = getAccount(ctx.db, partnerId);
    if (partner.disqualifiedAt) {
      throw new ProgramError('conflict', 'already-disqualified', 'This partner is already disqualified.');
    }
    // Money held by open requests is unpaid too: release it first so it is cancelled below.
    for (const id of openPayoutIds(ctx, partnerId))
      movePayout(ctx, id, 'rejected', `Disqualified: ${reason}`);
    for (const id of openCreditIds(ctx, partnerId)) cancelCheckout(ctx, id);

    const now = nowIso(ctx);
    let cancelled = 0;
    // Pending rewards are cancelled at the times they would have become available, so each
    // instant's pending figure nets to zero instead of going negative now and positive later.
    const pendingGroups = statement(
      ctx.db,
      `SELECT available_at AS at, SUM(amount_cents) AS amount FROM ledger
       WHERE partner_id = ? AND available_at > ? GROUP BY available_at HAVING SUM(amount_cents) > 0`,
    ).all(partnerId, now);
    for (const group of pendingGroups) {
      const amount = Number(group.amount);
      appendEntry(ctx, {
        partnerId,
        kind: 'cancellation',
        amountCents: -amount,
        availableAt: String(group.at),
      });
      cancelled += amount;
    }
    const { availableCents } = balanceOf(ctx, partnerId);
    // A negative available balance is a debt, not a reward: nothing to cancel there.
    if (availableCents > 0) {
      appendEntry(ctx, { partnerId, kind: 'cancellation', amountCents: -availableCents, availableAt: now });
      cancelled += availableCents;
    }
    statement(
      ctx.db,
      'UPDATE accounts SET disqualified_at = ?, disqualification_reason = ? WHERE id = ?',
    ).run(now, reason, partnerId);
    appendEvent(ctx, partnerId, 'partner.disqualified', { reason, cancelledCents: cancelled });
    return programStatus(ctx, partnerId);
  });
}

export function programStatus(ctx: ProgramContext, partnerId: string): ProgramStatus {
  const partner = getAccount(ctx.db, partnerId);
  const rate = rateAt(ctx, partnerId, nowIso(ctx));
  const referrals = referralsCount(ctx.db, partnerId);
  const { availableCents } = balanceOf(ctx, partnerId);
  const disqualified = partner.disqualifiedAt !== null;
  return {
    status: disqualified ? 'disqualified' : 'active',
    disqualifiedAt: partner.disqualifiedAt,
    disqualificationReason: partner.disqualificationReason,
    rateBp: rate.rateBp,
    rateSource: rate.source,
    termsVersion: rate.terms.version,
    referralsCount: referrals,
    withdrawal: {
      minPayoutCents: rate.terms.minPayoutCents,
      minReferrals: rate.terms.minReferrals,
      availableCents,
      eligible:
        !disqualified &&
        availableCents >= rate.terms.minPayoutCents &&
        availableCents > 0 &&
        referrals >= rate.terms.minReferrals,
    },
  };
}
