// The append-only ledger (the database refuses UPDATE and DELETE on it) and everything derived
// from it: balances and the commission history.
import type { Balance, Commission, CommissionPage, CommissionQuery } from '../../shared/accounts-api.ts';
import { nowIso, type ProgramContext } from './context.ts';
import { decodeCursor, IdCursor, toPage } from './cursor.ts';
import { statement } from './statements.ts';

export type LedgerKind =
  | 'commission'
  | 'reversal'
  | 'cancellation'
  | 'payout_hold'
  | 'payout_hold_release'
  | 'payout'
  | 'credit_hold'
  | 'credit_hold_release'
  | 'credit';

export interface LedgerEntry {
  partnerId: string;
  kind: LedgerKind;
  amountCents: number;
  availableAt: string;
  purchaseId?: number | null;
  refundId?: number | null;
  payoutId?: string | null;
  creditId?: string | null;
  referralId?: string | null;
  rateBp?: number | null;
  termsVersion?: number | null;
  purchasedAt?: string | null;
  /** Default: the clock now. */
  createdAt?: string;
}

export function appendEntry(ctx: ProgramContext, entry: LedgerEntry): number {
  if (!Number.isSafeInteger(entry.amountCents)) throw new RangeError(`Not whole cents: ${entry.amountCents}`);
  const result = statement(
    ctx.db,
    `INSERT INTO ledger (partner_id, kind, amount_cents, purchase_id, refund_id, payout_id, credit_id,
       referral_id, rate_bp, terms_version, purchased_at, available_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.partnerId,
    entry.kind,
    entry.amountCents,
    entry.purchaseId ?? null,
    entry.refundId ?? null,
    entry.payoutId ?? null,
    entry.creditId ?? null,
    entry.referralId ?? null,
    entry.rateBp ?? null,
    entry.termsVersion ?? null,
    entry.purchasedAt ?? null,
    entry.availableAt,
    entry.createdAt ?? nowIso(ctx),
  );
  return Number(result.lastInsertRowid);
}

/**
 * Buckets as signed sums of ledger kinds; see Balance in shared/accounts-api.ts. Reads the
 * trigger-kept per-kind totals plus the (short) not-yet-available tail, so it costs the same at
 * a million entries as at ten.
 */
export function balanceOf(ctx: ProgramContext, partnerId: string): Balance {
  const totals = new Map<string, number>();
  // When each kind of entry last changed; ISO times in UTC sort as strings.
  const changes: string[] = [];
  for (const row of statement(
    ctx.db,
    'SELECT kind, amount_cents AS a, last_at AS t FROM ledger_totals WHERE partner_id = ?',
  ).all(partnerId)) {
    totals.set(String(row.kind), Number(row.a));
    changes.push(String(row.t));
  }
  const sum = (...kinds: LedgerKind[]) => kinds.reduce((acc, kind) => acc + (totals.get(kind) ?? 0), 0);
  const now = nowIso(ctx);
  const pending = Number(
    // Stryker disable next-line OptionalChaining: equivalent — an aggregate query always answers one row.
    statement(
      ctx.db,
      'SELECT COALESCE(SUM(amount_cents), 0) AS p FROM ledger WHERE partner_id = ? AND available_at > ?',
    ).get(partnerId, now)?.p ?? 0,
  );
  const total = [...totals.values()].reduce((a, b) => a + b, 0);
  // Pending money becomes available when its date passes: that changes the figures too.
  // Stryker disable next-line OptionalChaining: equivalent — an aggregate query always answers one row.
  const lastAvailable = statement(
    ctx.db,
    'SELECT MAX(available_at) AS t FROM ledger WHERE partner_id = ? AND available_at <= ?',
  ).get(partnerId, now)?.t;
  if (lastAvailable) changes.push(String(lastAvailable));
  const lastChange = changes.sort().at(-1);
  return {
    availableCents: total - pending,
    pendingCents: pending,
    // `0 -` rather than unary minus: no -0 in answers.
    reservedCents: 0 - sum('payout_hold', 'payout_hold_release', 'credit_hold', 'credit_hold_release'),
    paidOutCents: 0 - sum('payout'),
    creditedCents: 0 - sum('credit'),
    cancelledCents: 0 - sum('cancellation'),
    earnedCents: sum('commission'),
    reversedCents: 0 - sum('reversal'),
    // When these figures last changed (a new entry, or pending money becoming available); an
    // account with no entries yet has had these figures since it was created.
    asOf: lastChange ?? accountCreatedAt(ctx, partnerId),
  };
}

interface CommissionRow {
  id: number;
  kind: 'commission' | 'reversal';
  amountCents: number;
  rateBp: number;
  termsVersion: number;
  createdAt: string;
  availableAt: string;
  refundCents: number | null;
  purchaseId: number;
  buyerId: string;
  sku: string;
  listPriceCents: number;
  discountCents: number;
  paidCents: number;
  purchasedAt: string;
}

const COMMISSION_COLUMNS = `l.id, l.kind, l.amount_cents AS amountCents, l.rate_bp AS rateBp,
  l.terms_version AS termsVersion, l.created_at AS createdAt, l.available_at AS availableAt,
  r.amount_cents AS refundCents, p.id AS purchaseId, p.buyer_id AS buyerId, p.sku,
  p.list_price_cents AS listPriceCents, p.discount_cents AS discountCents, p.paid_cents AS paidCents,
  p.purchased_at AS purchasedAt`;

export function toCommission(row: CommissionRow): Commission {
  return {
    id: String(row.id),
    type: row.kind === 'commission' ? 'earned' : 'reversed',
    amountCents: row.amountCents,
    purchase: {
      id: String(row.purchaseId),
      referralId: row.buyerId,
      sku: row.sku,
      listPriceCents: row.listPriceCents,
      discountCents: row.discountCents,
      paidCents: row.paidCents,
      purchasedAt: row.purchasedAt,
    },
    refundCents: row.refundCents,
    rateBp: row.rateBp,
    termsVersion: row.termsVersion,
    recordedAt: row.createdAt,
    availableAt: row.availableAt,
  };
}

export function commissionById(ctx: ProgramContext, ledgerId: number): Commission | undefined {
  const row = statement(
    ctx.db,
    `SELECT ${COMMISSION_COLUMNS} FROM ledger l JOIN purchases p ON p.id = l.purchase_id
     LEFT JOIN refunds r ON r.id = l.refund_id WHERE l.id = ? AND l.kind IN ('commission', 'reversal')`,
  ).get(ledgerId);
  return row ? toCommission(row as unknown as CommissionRow) : undefined;
}

/** Newest first, keyset-paginated on the ledger id. */
export function listCommissions(
  ctx: ProgramContext,
  partnerId: string,
  query: CommissionQuery,
): CommissionPage {
  const before = decodeCursor(query.cursor, IdCursor);
  // `kind IN (...)` is repeated verbatim so SQLite can use the partial index.
  const where = ['l.partner_id = ?', "l.kind IN ('commission', 'reversal')"];
  const params: Array<string | number> = [partnerId];
  // Literals, not parameters: SQLite picks a partial index only for a WHERE it can read.
  if (query.type === 'earned') where.push("l.kind = 'commission'");
  if (query.type === 'reversed') where.push("l.kind = 'reversal'");
  if (query.referralId) {
    where.push('l.referral_id = ?');
    params.push(query.referralId);
  }
  if (query.from) {
    where.push('l.purchased_at >= ?');
    params.push(new Date(query.from).toISOString());
  }
  if (query.to) {
    where.push('l.purchased_at < ?');
    params.push(new Date(query.to).toISOString());
  }
  if (before) {
    where.push('l.id < ?');
    params.push(before[0]);
  }
  params.push(query.limit + 1);
  const rows = statement(
    ctx.db,
    `SELECT ${COMMISSION_COLUMNS} FROM ledger l JOIN purchases p ON p.id = l.purchase_id
     LEFT JOIN refunds r ON r.id = l.refund_id WHERE ${where.join(' AND ')} ORDER BY l.id DESC LIMIT ?`,
  ).all(...params) as unknown as CommissionRow[];
  return toPage(rows, query.limit, toCommission, (row) => [row.id]);
}

function accountCreatedAt(ctx: ProgramContext, partnerId: string): string {
  return String(
    // Stryker disable next-line OptionalChaining: equivalent — the partner's row exists (balanceOf is asked for a known partner).
    statement(ctx.db, 'SELECT created_at AS t FROM accounts WHERE id = ?').get(partnerId)?.t ?? nowIso(ctx),
  );
}
