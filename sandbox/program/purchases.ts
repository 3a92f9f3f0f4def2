// R2: each purchase by a referral earns their referrer rate × the amount paid after discount,
// at the rate in force at the purchase time. Refunds add reversal entries, never edits.
import type { Commission } from '../../shared/accounts-api.ts';
import { getAccount } from './accounts.ts';
import { nowIso, type ProgramContext, write } from './context.ts';
import { ProgramError } from './errors.ts';
import { appendEvent } from './events.ts';
import { appendEntry, commissionById } from './ledger.ts';
import { catalogItem, extendLicense } from './licenses.ts';
import { commissionCents, reversedTotalCents } from './rounding.ts';
import { statement } from './statements.ts';
import { rateAt } from './terms.ts';

/** Above this a "purchase" is a typo; also keeps every product of cents exact. */
export const MAX_PURCHASE_CENTS = 100_000_000_00;
const DAY_MS = 86_400_000;

export interface PurchaseInput {
  buyerId: string;
  sku: string;
  discountCents?: number | undefined;
  /** Default now; may be in the past (to build histories), never in the future. */
  purchasedAt?: string | undefined;
}

export interface PurchaseRecord {
  id: number;
  buyerId: string;
  sku: string;
  listPriceCents: number;
  discountCents: number;
  paidCents: number;
  purchasedAt: string;
}

export interface PurchaseResult {
  purchase: PurchaseRecord;
  /** Null when the buyer has no referrer, or the referrer is disqualified (R7). */
  commission: Commission | null;
}

/** `events: false` for bulk history seeding, which must not flood the event stream. */
export function recordPurchase(
  ctx: ProgramContext,
  input: PurchaseInput,
  options: { events?: boolean } = {},
): PurchaseResult {
  return write(ctx, () => {
    const now = nowIso(ctx);
    const purchasedAt = input.purchasedAt ? new Date(input.purchasedAt).toISOString() : now;
    if (purchasedAt > now)
      throw new ProgramError('invalid', 'purchase-in-future', 'A purchase cannot be in the future.');
    // The buyer and their referrer's standing in one read: this runs for every purchase.
    const buyer = statement(
      ctx.db,
      `SELECT b.id, b.referred_by AS referredBy, r.disqualified_at AS referrerDisqualifiedAt
       FROM accounts b LEFT JOIN accounts r ON r.id = b.referred_by WHERE b.id = ?`,
    ).get(input.buyerId) as
      | { id: string; referredBy: string | null; referrerDisqualifiedAt: string | null }
      | undefined;
    if (!buyer) throw new ProgramError('not-found', 'unknown-account', `No account ${input.buyerId}.`);
    const item = catalogItem(ctx, input.sku);
    const discount = input.discountCents ?? 0;
    if (!Number.isSafeInteger(discount) || discount < 0 || discount > item.priceCents) {
      throw new ProgramError(
        'invalid',
        'bad-discount',
        'The discount must be 0 up to the list price, in cents.',
      );
    }
    const paid = item.priceCents - discount;
    if (paid > MAX_PURCHASE_CENTS)
      throw new ProgramError('invalid', 'amount-too-large', 'Implausible amount.');
    const id = Number(
      statement(
        ctx.db,
        `INSERT INTO purchases (buyer_id, sku, list_price_cents, discount_cents, paid_cents, purchased_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(buyer.id, item.sku, item.priceCents, discount, paid, purchasedAt).lastInsertRowid,
    );
    extendLicense(ctx, buyer.id, item, purchasedAt);
    const purchase: PurchaseRecord = {
      id,
      buyerId: buyer.id,
      sku: item.sku,
      listPriceCents: item.priceCents,
      discountCents: discount,
      paidCents: paid,
      purchasedAt,
    };

    if (!buyer.referredBy) return { purchase, commission: null };
    if (buyer.referrerDisqualifiedAt) return { purchase, commission: null };
    const partner = { id: buyer.referredBy };
    const rate = rateAt(ctx, partner.id, purchasedAt);
    const availableAt = new Date(Date.parse(purchasedAt) + rate.terms.holdDays * DAY_MS).toISOString();
    const amountCents = commissionCents(paid, rate.rateBp);
    const entryId = appendEntry(ctx, {
      partnerId: partner.id,
      kind: 'commission',
      amountCents,
      purchaseId: id,
      referralId: buyer.id,
      rateBp: rate.rateBp,
      termsVersion: rate.terms.version,
      purchasedAt,
      availableAt,
      createdAt: now,
    });
    // Built from what was just written (re-reading it would cost as much as the insert).
    const commission: Commission = {
      id: String(entryId),
      type: 'earned',
      amountCents,
      purchase: {
        id: String(id),
        referralId: buyer.id,
        sku: item.sku,
        listPriceCents: item.priceCents,
        discountCents: discount,
        paidCents: paid,
        purchasedAt,
      },
      refundCents: null,
      rateBp: rate.rateBp,
      termsVersion: rate.terms.version,
      recordedAt: now,
      availableAt,
    };
    if (options.events !== false)
      appendEvent(ctx, partner.id, 'commission.earned', commissionEventData(commission));
    return { purchase, commission };
  });
}

export function commissionEventData(commission: Commission) {
  return {
    commissionId: commission.id,
    purchaseId: commission.purchase.id,
    referralId: commission.purchase.referralId,
    amountCents: commission.amountCents,
  };
}

export interface RefundResult {
  refundId: number;
  amountCents: number;
  /** Null when no commission was earned on the purchase, or the partner is disqualified. */
  reversal: Commission | null;
}

/** Full (default) or partial refund of a purchase; reverses the matching share of its commission. */
export function refundPurchase(ctx: ProgramContext, purchaseId: number, amountCents?: number): RefundResult {
  return write(ctx, () => {
    const purchase = statement(
      ctx.db,
      `SELECT p.paid_cents AS paid, COALESCE((SELECT SUM(amount_cents) FROM refunds WHERE purchase_id = p.id), 0)
         AS refunded FROM purchases p WHERE p.id = ?`,
    ).get(purchaseId);
    if (!purchase) throw new ProgramError('not-found', 'unknown-purchase', `No purchase ${purchaseId}.`);
    const paid = Number(purchase.paid);
    const refundable = paid - Number(purchase.refunded);
    const amount = amountCents ?? refundable;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > refundable) {
      throw new ProgramError(
        'unprocessable',
        'bad-refund',
        `A refund must be 1 to ${refundable} cents (what is left of this purchase).`,
      );
    }
    const now = nowIso(ctx);
    const refundId = Number(
      statement(ctx.db, 'INSERT INTO refunds (purchase_id, amount_cents, refunded_at) VALUES (?, ?, ?)').run(
        purchaseId,
        amount,
        now,
      ).lastInsertRowid,
    );

    const commission = statement(
      ctx.db,
      `SELECT partner_id AS partnerId, amount_cents AS amount, rate_bp AS rateBp, terms_version AS termsVersion,
         referral_id AS referralId, purchased_at AS purchasedAt, available_at AS availableAt,
         COALESCE((SELECT -SUM(amount_cents) FROM ledger WHERE purchase_id = ? AND kind = 'reversal'), 0) AS reversed
       FROM ledger WHERE purchase_id = ? AND kind = 'commission'`,
    ).get(purchaseId, purchaseId);
    if (!commission) return { refundId, amountCents: amount, reversal: null };
    const partner = getAccount(ctx.db, String(commission.partnerId));
    // R7: a disqualified partner's unpaid rewards were already cancelled; nothing left to reverse.
    if (partner.disqualifiedAt) return { refundId, amountCents: amount, reversal: null };

    const refundedTotal = paid - refundable + amount;
    const target = reversedTotalCents(Number(commission.amount), paid, refundedTotal);
    const reversalCents = target - Number(commission.reversed);
    const availableAt = String(commission.availableAt) > now ? String(commission.availableAt) : now;
    const entryId = appendEntry(ctx, {
      partnerId: partner.id,
      kind: 'reversal',
      amountCents: -reversalCents,
      purchaseId,
      refundId,
      referralId: String(commission.referralId),
      rateBp: Number(commission.rateBp),
      termsVersion: Number(commission.termsVersion),
      purchasedAt: String(commission.purchasedAt),
      // A reversal of a still-pending commission stays pending with it.
      availableAt,
    });
    const reversal = commissionById(ctx, entryId) as Commission;
    appendEvent(ctx, partner.id, 'commission.reversed', commissionEventData(reversal));
    return { refundId, amountCents: amount, reversal };
  });
}
