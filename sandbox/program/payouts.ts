// R3, R4, R5: payout requests. Requesting holds the amount on the ledger at once, so concurrent
// requests can never spend the same cents twice; paying turns the hold into a payout entry, and
// rejecting or cancelling releases it.
import { randomUUID } from 'node:crypto';
import type {
  PageQuery,
  Payout,
  PayoutMethod,
  PayoutPage,
  PayoutRequest,
  PayoutStatus,
} from '../../shared/accounts-api.ts';
import { getAccount, referralsCount } from './accounts.ts';
import { nowIso, type ProgramContext, write } from './context.ts';
import { decodeCursor, IdCursor, toPage } from './cursor.ts';
import { ProgramError } from './errors.ts';
import { appendEvent } from './events.ts';
import { appendEntry, balanceOf } from './ledger.ts';
import { statement } from './statements.ts';
import { termsAt } from './terms.ts';

export const payoutMethods: readonly PayoutMethod[] = [
  { id: 'paypal', name: 'PayPal', destinationLabel: 'PayPal e-mail', destinationExample: 'you@example.com' },
  {
    id: 'usdt-trc20',
    name: 'USDT (TRC-20)',
    destinationLabel: 'TRON wallet address',
    destinationExample: 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL',
  },
  {
    id: 'wire',
    name: 'Wire transfer',
    destinationLabel: 'IBAN',
    destinationExample: 'DE89 3704 0044 0532 0130 00',
  },
];

/** Allowed moves; anything else is a conflict. The user may cancel only while still requested. */
const transitions: Record<PayoutStatus, readonly PayoutStatus[]> = {
  requested: ['processing', 'rejected', 'cancelled'],
  processing: ['paid', 'rejected'],
  paid: [],
  rejected: [],
  cancelled: [],
};

interface PayoutRow {
  id: string;
  partnerId: string;
  amountCents: number;
  method: Payout['method'];
  destination: string;
  status: PayoutStatus;
  reason: string | null;
  termsVersion: number;
  requestedAt: string;
  updatedAt: string;
  seq: number;
}

const SELECT_PAYOUT = `SELECT id, partner_id AS partnerId, amount_cents AS amountCents, method, destination, status,
  reason, terms_version AS termsVersion, requested_at AS requestedAt, updated_at AS updatedAt, seq FROM payouts`;

function toPayout(row: PayoutRow): Payout {
  const { partnerId: _p, seq: _s, ...payout } = row;
  return { ...payout };
}

function payoutRow(ctx: ProgramContext, id: string): PayoutRow | undefined {
  return statement(ctx.db, `${SELECT_PAYOUT} WHERE id = ?`).get(id) as PayoutRow | undefined;
}

export function getPayout(ctx: ProgramContext, partnerId: string, id: string): Payout {
  const row = payoutRow(ctx, id);
  // Another partner's payout is as good as absent.
  if (!row || row.partnerId !== partnerId)
    throw new ProgramError('not-found', 'unknown-payout', `No payout ${id}.`);
  return toPayout(row);
}

export function listPayouts(ctx: ProgramContext, partnerId: string, query: PageQuery): PayoutPage {
  const before = decodeCursor(query.cursor, IdCursor);
  const rows = statement(
    ctx.db,
    `${SELECT_PAYOUT} WHERE partner_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
  ).all(partnerId, before?.[0] ?? Number.MAX_SAFE_INTEGER, query.limit + 1) as unknown as PayoutRow[];
  return toPage(rows, query.limit, toPayout, (row) => [row.seq]);
}

/** Checks R4's thresholds of the terms in force now and the available balance; holds the amount. */
export function requestPayout(ctx: ProgramContext, partnerId: string, request: PayoutRequest): Payout {
  return write(ctx, () => {
    const partner = getAccount(ctx.db, partnerId);
    if (partner.disqualifiedAt) {
      throw new ProgramError('forbidden', 'disqualified', 'A disqualified partner cannot request payouts.');
    }
    const now = nowIso(ctx);
    const terms = termsAt(ctx, now);
    if (request.amountCents < terms.minPayoutCents) {
      throw new ProgramError(
        'unprocessable',
        'below-minimum',
        `The minimum withdrawal is ${terms.minPayoutCents} cents (terms v${terms.version}).`,
      );
    }
    const referrals = referralsCount(ctx.db, partnerId);
    if (referrals < terms.minReferrals) {
      throw new ProgramError(
        'unprocessable',
        'not-enough-referrals',
        `Withdrawals need at least ${terms.minReferrals} referrals (terms v${terms.version}); you have ${referrals}.`,
      );
    }
    const { availableCents } = balanceOf(ctx, partnerId);
    if (request.amountCents > availableCents) {
      throw new ProgramError(
        'unprocessable',
        'insufficient-balance',
        `Only ${Math.max(0, availableCents)} cents are available.`,
      );
    }
    const id = `po_${randomUUID()}`;
    // Stryker disable next-line OptionalChaining: equivalent — an aggregate query always answers one row.
    const seq = Number(statement(ctx.db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM payouts').get()?.s);
    statement(
      ctx.db,
      `INSERT INTO payouts (id, partner_id, amount_cents, method, destination, status, reason, terms_version,
         requested_at, updated_at, seq) VALUES (?, ?, ?, ?, ?, 'requested', NULL, ?, ?, ?, ?)`,
    ).run(
      id,
      partnerId,
      request.amountCents,
      request.method,
      request.destination,
      terms.version,
      now,
      now,
      seq,
    );
    appendEntry(ctx, {
      partnerId,
      kind: 'payout_hold',
      amountCents: -request.amountCents,
      payoutId: id,
      availableAt: now,
    });
    const payout = getPayout(ctx, partnerId, id);
    appendEvent(ctx, partnerId, 'payout.status', payout);
    return payout;
  });
}

/** The partner withdraws a request that nobody has started on. */
export function cancelPayout(ctx: ProgramContext, partnerId: string, id: string): Payout {
  return write(ctx, () => {
    getPayout(ctx, partnerId, id);
    return movePayout(ctx, id, 'cancelled', null);
  });
}

/** The operator's side (R5: support handles requests): processing, paid, or rejected with a reason. */
export function movePayout(ctx: ProgramContext, id: string, to: PayoutStatus, reason: string | null): Payout {
  return write(ctx, () => {
    const row = payoutRow(ctx, id);
    if (!row) throw new ProgramError('not-found', 'unknown-payout', `No payout ${id}.`);
    if (!transitions[row.status].includes(to)) {
      throw new ProgramError('conflict', 'bad-transition', `A ${row.status} payout cannot become ${to}.`);
    }
    if (to === 'rejected' && !reason) {
      throw new ProgramError('invalid', 'reason-required', 'A rejection needs a reason.');
    }
    const now = nowIso(ctx);
    statement(ctx.db, 'UPDATE payouts SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(
      to,
      to === 'rejected' ? reason : null,
      now,
      id,
    );
    const base = { partnerId: row.partnerId, payoutId: id, availableAt: now };
    if (to === 'paid' || to === 'rejected' || to === 'cancelled') {
      appendEntry(ctx, { ...base, kind: 'payout_hold_release', amountCents: row.amountCents });
    }
    if (to === 'paid') appendEntry(ctx, { ...base, kind: 'payout', amountCents: -row.amountCents });
    const payout = toPayout(payoutRow(ctx, id) as PayoutRow);
    appendEvent(ctx, row.partnerId, 'payout.status', payout);
    return payout;
  });
}

/** Open requests of a partner (for disqualification). */
export function openPayoutIds(ctx: ProgramContext, partnerId: string): string[] {
  return statement(
    ctx.db,
    "SELECT id FROM payouts WHERE partner_id = ? AND status IN ('requested', 'processing')",
  )
    .all(partnerId)
    .map((row) => String(row.id));
}
