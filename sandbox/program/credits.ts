// R3: spending the balance on a license renewal. A credit covering the whole price renews at
// once; a partial one holds the credited amount and leaves the remainder to a checkout, which
// completes (renewal) or is cancelled (hold released).
import { randomUUID } from 'node:crypto';
import type {
  Credit,
  CreditPage,
  CreditRequest,
  CreditStatus,
  PageQuery,
} from '../../shared/accounts-api.ts';
import { getAccount } from './accounts.ts';
import { nowIso, type ProgramContext, write } from './context.ts';
import { decodeCursor, IdCursor, toPage } from './cursor.ts';
import { ProgramError } from './errors.ts';
import { appendEvent } from './events.ts';
import { appendEntry, balanceOf } from './ledger.ts';
import { catalogItem, extendLicense, licenseOf } from './licenses.ts';
import { statement } from './statements.ts';

interface CreditRow {
  id: string;
  partnerId: string;
  sku: string;
  priceCents: number;
  creditCents: number;
  remainderCents: number;
  status: CreditStatus;
  createdAt: string;
  updatedAt: string;
  seq: number;
}

const SELECT_CREDIT = `SELECT id, partner_id AS partnerId, sku, price_cents AS priceCents, credit_cents AS creditCents,
  remainder_cents AS remainderCents, status, created_at AS createdAt, updated_at AS updatedAt, seq FROM credits`;

function toCredit(ctx: ProgramContext, row: CreditRow): Credit {
  return {
    id: row.id,
    sku: row.sku,
    priceCents: row.priceCents,
    creditCents: row.creditCents,
    remainderCents: row.remainderCents,
    status: row.status,
    checkoutUrl: row.status === 'awaiting-payment' ? checkoutUrl(ctx, row.id) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function checkoutUrl(ctx: ProgramContext, creditId: string): string {
  return new URL(`checkout/${encodeURIComponent(creditId)}`, ctx.baseUrl()).toString();
}

function creditRow(ctx: ProgramContext, id: string): CreditRow | undefined {
  return statement(ctx.db, `${SELECT_CREDIT} WHERE id = ?`).get(id) as CreditRow | undefined;
}

export function getCredit(ctx: ProgramContext, partnerId: string | null, id: string): Credit {
  const row = creditRow(ctx, id);
  if (!row || (partnerId !== null && row.partnerId !== partnerId)) {
    throw new ProgramError('not-found', 'unknown-credit', `No license credit ${id}.`);
  }
  return toCredit(ctx, row);
}

export function listCredits(ctx: ProgramContext, partnerId: string, query: PageQuery): CreditPage {
  const before = decodeCursor(query.cursor, IdCursor);
  const rows = statement(
    ctx.db,
    `${SELECT_CREDIT} WHERE partner_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
  ).all(partnerId, before?.[0] ?? Number.MAX_SAFE_INTEGER, query.limit + 1) as unknown as CreditRow[];
  return toPage(
    rows,
    query.limit,
    (row) => toCredit(ctx, row),
    (row) => [row.seq],
  );
}

export function applyCredit(ctx: ProgramContext, partnerId: string, request: CreditRequest): Credit {
  return write(ctx, () => {
    const partner = getAccount(ctx.db, partnerId);
    if (partner.disqualifiedAt) {
      throw new ProgramError(
        'forbidden',
        'disqualified',
        'A disqualified partner cannot spend rewards on licenses.',
      );
    }
    const item = catalogItem(ctx, request.sku);
    if (licenseOf(ctx, partnerId, item.productId)?.lifetime) {
      throw new ProgramError(
        'conflict',
        'already-lifetime',
        `${item.productName} is already a lifetime license.`,
      );
    }
    const { availableCents } = balanceOf(ctx, partnerId);
    const amount = request.amountCents ?? Math.min(availableCents, item.priceCents);
    if (amount <= 0 || amount > availableCents) {
      throw new ProgramError(
        'unprocessable',
        'insufficient-balance',
        `Only ${Math.max(0, availableCents)} cents are available.`,
      );
    }
    if (amount > item.priceCents) {
      throw new ProgramError('invalid', 'credit-above-price', `The renewal costs ${item.priceCents} cents.`);
    }
    const now = nowIso(ctx);
    const id = `cr_${randomUUID()}`;
    const full = amount === item.priceCents;
    // Stryker disable next-line OptionalChaining: equivalent — an aggregate query always answers one row.
    const seq = Number(statement(ctx.db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM credits').get()?.s);
    statement(
      ctx.db,
      `INSERT INTO credits (id, partner_id, sku, price_cents, credit_cents, remainder_cents, status, created_at,
         updated_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      partnerId,
      item.sku,
      item.priceCents,
      amount,
      item.priceCents - amount,
      full ? 'applied' : 'awaiting-payment',
      now,
      now,
      seq,
    );
    appendEntry(ctx, {
      partnerId,
      kind: full ? 'credit' : 'credit_hold',
      amountCents: -amount,
      creditId: id,
      availableAt: now,
    });
    if (full) extendLicense(ctx, partnerId, item, now);
    const credit = getCredit(ctx, partnerId, id);
    if (full) appendEvent(ctx, partnerId, 'credit.applied', credit);
    return credit;
  });
}

/** The remainder was paid at checkout: the renewal happens and the hold becomes a credit. */
export function completeCheckout(ctx: ProgramContext, creditId: string): Credit {
  return settle(ctx, creditId, 'applied');
}

/** The checkout was abandoned: nothing renews and the held amount is released. */
export function cancelCheckout(ctx: ProgramContext, creditId: string): Credit {
  return settle(ctx, creditId, 'cancelled');
}

function settle(ctx: ProgramContext, creditId: string, to: 'applied' | 'cancelled'): Credit {
  return write(ctx, () => {
    const row = creditRow(ctx, creditId);
    if (!row) throw new ProgramError('not-found', 'unknown-credit', `No license credit ${creditId}.`);
    if (row.status !== 'awaiting-payment') {
      throw new ProgramError('conflict', 'bad-transition', `This credit is already ${row.status}.`);
    }
    const now = nowIso(ctx);
    statement(ctx.db, 'UPDATE credits SET status = ?, updated_at = ? WHERE id = ?').run(to, now, creditId);
    const base = { partnerId: row.partnerId, creditId, availableAt: now };
    appendEntry(ctx, { ...base, kind: 'credit_hold_release', amountCents: row.creditCents });
    if (to === 'applied') {
      appendEntry(ctx, { ...base, kind: 'credit', amountCents: -row.creditCents });
      extendLicense(ctx, row.partnerId, catalogItem(ctx, row.sku), now);
    }
    const credit = getCredit(ctx, null, creditId);
    if (to === 'applied') appendEvent(ctx, row.partnerId, 'credit.applied', credit);
    return credit;
  });
}

export function openCreditIds(ctx: ProgramContext, partnerId: string): string[] {
  return statement(ctx.db, "SELECT id FROM credits WHERE partner_id = ? AND status = 'awaiting-payment'")
    .all(partnerId)
    .map((row) => String(row.id));
}
