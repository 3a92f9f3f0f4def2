// What the earnings screen reads: the partner's whole visible ledger history (filtered, sorted,
// searched, keyset-paged), a series for the chart, and per-referral statistics. Holds and their
// releases are bookkeeping of open requests and stay out of the history.

import { z } from 'zod';
import type {
  EarningsSeries,
  EarningsSeriesQuery,
  HistoryEntry,
  HistoryEntryType,
  HistoryPage,
  HistoryQuery,
  PageQuery,
  ReferralStatsPage,
} from '../../shared/accounts-api.ts';
import type { ProgramContext } from './context.ts';
import { decodeCursor, TimeIdCursor, toPage } from './cursor.ts';
import { type LocalBucket, LocalCalendar } from './local-calendar.ts';
import { statement } from './statements.ts';

const KIND_OF: Record<HistoryEntryType, string> = {
  earned: 'commission',
  reversed: 'reversal',
  cancelled: 'cancellation',
  'paid-out': 'payout',
  credited: 'credit',
};
const TYPE_OF = Object.fromEntries(Object.entries(KIND_OF).map(([type, kind]) => [kind, type])) as Record<
  string,
  HistoryEntryType
>;
// Repeated verbatim in every query (and in the indexes of migration 5) so SQLite uses the partial indexes.
const VISIBLE = "l.kind IN ('commission', 'reversal', 'cancellation', 'payout', 'credit')";
/** When an entry happened: a commission when its purchase was made, anything else when recorded. */
const OCCURRED = "(CASE l.kind WHEN 'commission' THEN l.purchased_at ELSE l.created_at END)";

interface HistoryRow {
  id: number;
  kind: string;
  amountCents: number;
  occurredAt: string;
  createdAt: string;
  availableAt: string;
  rateBp: number | null;
  termsVersion: number | null;
  payoutId: string | null;
  creditId: string | null;
  referralId: string | null;
  referralName: string | null;
  refundCents: number | null;
  purchaseId: number | null;
  buyerId: string | null;
  sku: string | null;
  productName: string | null;
  listPriceCents: number | null;
  discountCents: number | null;
  paidCents: number | null;
  purchasedAt: string | null;
}

const COLUMNS = `l.id, l.kind, l.amount_cents AS amountCents, ${OCCURRED} AS occurredAt,
  l.created_at AS createdAt, l.available_at AS availableAt, l.rate_bp AS rateBp,
  l.terms_version AS termsVersion, l.payout_id AS payoutId, l.credit_id AS creditId,
  l.referral_id AS referralId, a.display_name AS referralName, r.amount_cents AS refundCents,
  p.id AS purchaseId, p.buyer_id AS buyerId, COALESCE(p.sku, c.sku) AS sku, pr.name AS productName,
  p.list_price_cents AS listPriceCents, p.discount_cents AS discountCents, p.paid_cents AS paidCents,
  p.purchased_at AS purchasedAt`;
const FROM = `ledger l
  LEFT JOIN purchases p ON p.id = l.purchase_id
  LEFT JOIN refunds r ON r.id = l.refund_id
  LEFT JOIN credits c ON c.id = l.credit_id
  LEFT JOIN catalog_items ci ON ci.sku = COALESCE(p.sku, c.sku)
  LEFT JOIN products pr ON pr.id = ci.product_id
  LEFT JOIN accounts a ON a.id = l.referral_id`;

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: String(row.id),
    type: TYPE_OF[row.kind] as HistoryEntryType,
    amountCents: row.amountCents,
    occurredAt: row.occurredAt,
    recordedAt: row.createdAt,
    availableAt: row.availableAt,
    purchase:
      row.purchaseId === null
        ? null
        : {
            id: String(row.purchaseId),
            referralId: row.buyerId as string,
            sku: row.sku as string,
            listPriceCents: row.listPriceCents as number,
            discountCents: row.discountCents as number,
            paidCents: row.paidCents as number,
            purchasedAt: row.purchasedAt as string,
          },
    productName: row.productName,
    referralId: row.referralId,
    referralName: row.referralName,
    refundCents: row.refundCents,
    rateBp: row.rateBp,
    termsVersion: row.termsVersion,
    payoutId: row.payoutId,
    creditId: row.creditId,
  };
}

const DateCursor = z.tuple([z.string(), z.number().int()]);
const AmountCursor = z.tuple([z.number().int(), z.number().int()]);

/** One page of the history; keyset-paged on (date, id) or (amount, id), either direction. */
export function listHistory(ctx: ProgramContext, partnerId: string, query: HistoryQuery): HistoryPage {
  const where = ['l.partner_id = ?', VISIBLE];
  const params: Array<string | number> = [partnerId];
  // Every type asked for is the same as none: the filter is skipped only to keep the query simple.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent where all types are filtered for.
  if (query.types && query.types.length < Object.keys(KIND_OF).length) {
    // Literals from our own map, never user text.
    where.push(`l.kind IN (${query.types.map((type) => `'${KIND_OF[type]}'`).join(', ')})`);
  }
  if (query.referralId) {
    where.push('l.referral_id = ?');
    params.push(query.referralId);
  }
  if (query.from) {
    where.push(`${OCCURRED} >= ?`);
    params.push(new Date(query.from).toISOString());
  }
  if (query.to) {
    where.push(`${OCCURRED} < ?`);
    params.push(new Date(query.to).toISOString());
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/gu, (ch) => `\\${ch}`)}%`;
    where.push(
      "(pr.name LIKE ? ESCAPE '\\' OR COALESCE(p.sku, c.sku) LIKE ? ESCAPE '\\' OR a.display_name LIKE ? ESCAPE '\\' OR CAST(p.id AS TEXT) = ?)",
    );
    params.push(like, like, like, query.q);
  }
  const byAmount = query.sort.startsWith('amount');
  const descending = query.sort.endsWith('desc');
  const key = byAmount ? 'l.amount_cents' : OCCURRED;
  const op = descending ? '<' : '>';
  // Stryker disable next-line StringLiteral: equivalent — SQL sorts ascending without a word.
  const order = descending ? 'DESC' : 'ASC';
  if (byAmount) {
    const after = decodeCursor(query.cursor, AmountCursor);
    if (after) {
      where.push(`(${key}, l.id) ${op} (?, ?)`);
      params.push(after[0], after[1]);
    }
  } else {
    const after = decodeCursor(query.cursor, DateCursor);
    if (after) {
      where.push(`(${key}, l.id) ${op} (?, ?)`);
      params.push(after[0], after[1]);
    }
  }
  params.push(query.limit + 1);
  const rows = statement(
    ctx.db,
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY ${key} ${order}, l.id ${order} LIMIT ?`,
  ).all(...params) as unknown as HistoryRow[];
  return toPage(rows, query.limit, toEntry, (row) =>
    byAmount ? [row.amountCents, row.id] : [row.occurredAt, row.id],
  );
}

const SLOT_MS = 15 * 60_000;

/**
 * Earned and reversed commission per bucket of the local calendar of `query.tz` (default UTC),
 * oldest first. SQLite sums per UTC quarter hour (every zone's offsets and DST changes fall on
 * quarter hours today); the slots are then mapped to local buckets in order, with a format call
 * only when a slot leaves the bucket found last. A slot that straddles a bucket's start (a zone
 * with an older, odd offset) is summed from its own rows.
 */
export function earningsSeries(
  ctx: ProgramContext,
  partnerId: string,
  query: Omit<EarningsSeriesQuery, 'tz'> & { tz?: string | undefined },
): EarningsSeries {
  const calendar = new LocalCalendar(query.tz ?? 'UTC', query.bucket);
  const where = ['l.partner_id = ?', VISIBLE, "l.kind IN ('commission', 'reversal')"];
  const params: string[] = [partnerId];
  if (query.from) {
    where.push(`${OCCURRED} >= ?`);
    params.push(new Date(query.from).toISOString());
  }
  if (query.to) {
    where.push(`${OCCURRED} < ?`);
    params.push(new Date(query.to).toISOString());
  }
  const sums = `SUM(CASE l.kind WHEN 'commission' THEN l.amount_cents ELSE 0 END) AS earned,
       0 - SUM(CASE l.kind WHEN 'reversal' THEN l.amount_cents ELSE 0 END) AS reversed`;
  // The quarter hour is the expression of the ledger_series index (migration 6), written the same.
  const quarter = "unixepoch(CASE l.kind WHEN 'commission' THEN l.purchased_at ELSE l.created_at END) / 900";
  const rows = statement(
    ctx.db,
    `SELECT ${quarter} AS quarter, ${sums}
     FROM ledger l WHERE ${where.join(' AND ')} GROUP BY quarter ORDER BY quarter`,
  ).all(...params) as Array<{ quarter: number; earned: number; reversed: number }>;

  const buckets = new Map<number, { earnedCents: number; reversedCents: number }>();
  const add = (start: number, earned: number, reversed: number) => {
    const bucket = buckets.get(start);
    if (bucket) {
      bucket.earnedCents += earned;
      bucket.reversedCents += reversed;
    } else buckets.set(start, { earnedCents: earned, reversedCents: reversed });
  };
  let current: LocalBucket | undefined;
  for (const row of rows) {
    const slot = Number(row.quarter) * SLOT_MS;
    // The whole-slot path is a shortcut: a slot it does not take is summed row by row below, to the same
    // buckets, so changing when it is taken changes nothing but the time spent.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent — see above.
    if (!current || slot < current.start || slot >= current.end) current = calendar.bucketOf(slot);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent — see above.
    if (slot >= current.start && slot + SLOT_MS <= current.end) {
      add(current.start, Number(row.earned), Number(row.reversed));
      continue;
    }
    // The slot straddles a bucket's start: each of its movements goes to its own bucket.
    const inSlot = statement(
      ctx.db,
      `SELECT ${OCCURRED} AS at, ${sums}
       FROM ledger l WHERE ${where.join(' AND ')} AND ${OCCURRED} >= ? AND ${OCCURRED} < ? GROUP BY at`,
    ).all(...params, new Date(slot).toISOString(), new Date(slot + SLOT_MS).toISOString()) as Array<{
      at: string;
      earned: number;
      reversed: number;
    }>;
    for (const entry of inSlot)
      add(calendar.bucketOf(Date.parse(entry.at)).start, Number(entry.earned), Number(entry.reversed));
  }
  return {
    bucket: query.bucket,
    timeZone: calendar.timeZone,
    // The rows come ordered by time, so the buckets already are; the sort only guarantees it.
    // Stryker disable next-line MethodExpression: equivalent — see above.
    points: [...buckets]
      .sort(byStart)
      .map(([start, sums]) => ({ start: new Date(start).toISOString(), ...sums })),
  };
}

// The series' buckets are already in time order (see earningsSeries); sorting by start only guarantees it.
// Stryker disable next-line ArrowFunction,ArithmeticOperator: equivalent — see above.
const byStart = ([a]: [number, unknown], [b]: [number, unknown]) => a - b;

/** j***@example.com: enough to recognise a referral, not enough to contact them. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** Referrals newest first, each with their purchases and the commission they brought. */
export function listReferralStats(
  ctx: ProgramContext,
  partnerId: string,
  query: PageQuery,
): ReferralStatsPage {
  const after = decodeCursor(query.cursor, TimeIdCursor);
  const rows = statement(
    ctx.db,
    `SELECT a.id, a.display_name AS displayName, a.email, a.created_at AS createdAt,
       (SELECT COUNT(*) FROM purchases p WHERE p.buyer_id = a.id) AS purchasesCount,
       (SELECT COALESCE(SUM(p.paid_cents), 0) FROM purchases p WHERE p.buyer_id = a.id) AS paidCents,
       (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger l
          WHERE l.partner_id = a.referred_by AND l.referral_id = a.id
            AND l.kind IN ('commission', 'reversal')) AS commissionCents
     FROM accounts a
     WHERE a.referred_by = ? AND (? IS NULL OR (a.created_at, a.id) < (?, ?))
     ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
  ).all(partnerId, after ? 1 : null, after?.[0] ?? '', after?.[1] ?? '', query.limit + 1) as Array<{
    id: string;
    displayName: string;
    email: string;
    createdAt: string;
    purchasesCount: number;
    paidCents: number;
    commissionCents: number;
  }>;
  return toPage(
    rows,
    query.limit,
    (row) => ({
      id: row.id,
      displayName: row.displayName,
      registeredAt: row.createdAt,
      emailMasked: maskEmail(row.email),
      purchasesCount: Number(row.purchasesCount),
      paidCents: Number(row.paidCents),
      commissionCents: Number(row.commissionCents),
    }),
    (row) => [row.createdAt, row.id],
  );
}
