// R2, R4, R8: program terms are versioned and dated; the version in force at a moment is the
// newest one whose effective_from is not after it. A partner's own rate, when set, replaces the
// terms' rate from its own effective time.
import type { Terms, TermsInfo } from '../../shared/accounts-api.ts';
import { getAccount } from './accounts.ts';
import { nowIso, type ProgramContext, write } from './context.ts';
import { ProgramError } from './errors.ts';
import { appendEvent } from './events.ts';
import { statement } from './statements.ts';

const SELECT_TERMS = `SELECT version, effective_from AS effectiveFrom, published_at AS publishedAt,
  rate_bp AS rateBp, min_payout_cents AS minPayoutCents, min_referrals AS minReferrals,
  hold_days AS holdDays, summary FROM terms`;

export function termsAt(ctx: ProgramContext, at: string): Terms {
  const row = statement(
    ctx.db,
    `${SELECT_TERMS} WHERE effective_from <= ? ORDER BY effective_from DESC LIMIT 1`,
  ).get(at);
  if (!row) throw new ProgramError('unprocessable', 'no-terms', `No program terms were in force at ${at}.`);
  return { ...row } as unknown as Terms;
}

export function termsInfo(ctx: ProgramContext): TermsInfo {
  const history = statement(ctx.db, `${SELECT_TERMS} ORDER BY version DESC`)
    .all()
    .map((row) => ({ ...row }) as unknown as Terms);
  return { current: termsAt(ctx, nowIso(ctx)), history };
}

export interface TermsDraft {
  rateBp: number;
  minPayoutCents: number;
  minReferrals: number;
  holdDays: number;
  summary: string;
  /** Default: now. Never in the past: recorded commissions must keep the terms they were made under. */
  effectiveFrom?: string | undefined;
}

/** Publishing is an event every partner receives. */
export function publishTerms(ctx: ProgramContext, draft: TermsDraft): Terms {
  return write(ctx, () => {
    const now = nowIso(ctx);
    const effectiveFrom = draft.effectiveFrom ? new Date(draft.effectiveFrom).toISOString() : now;
    if (effectiveFrom < now) {
      throw new ProgramError('invalid', 'terms-in-the-past', 'New terms cannot take effect in the past.');
    }
    const latest = statement(ctx.db, 'SELECT MAX(effective_from) AS at, MAX(version) AS v FROM terms').get();
    // Stryker disable next-line OptionalChaining: equivalent — an aggregate query always answers one row.
    if (latest?.at && effectiveFrom <= String(latest.at)) {
      throw new ProgramError(
        'conflict',
        'terms-out-of-order',
        'New terms must take effect after the latest ones.',
      );
    }
    // Stryker disable next-line OptionalChaining: equivalent — an aggregate query always answers one row.
    const version = Number(latest?.v ?? 0) + 1;
    statement(
      ctx.db,
      `INSERT INTO terms (version, effective_from, published_at, rate_bp, min_payout_cents, min_referrals,
         hold_days, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      version,
      effectiveFrom,
      now,
      draft.rateBp,
      draft.minPayoutCents,
      draft.minReferrals,
      draft.holdDays,
      draft.summary,
    );
    const terms = termsAt(ctx, effectiveFrom);
    appendEvent(ctx, null, 'terms.published', terms);
    return terms;
  });
}

export interface RateInForce {
  rateBp: number;
  source: 'terms' | 'partner';
  terms: Terms;
}

export function rateAt(ctx: ProgramContext, partnerId: string, at: string): RateInForce {
  const terms = termsAt(ctx, at);
  const own = statement(
    ctx.db,
    `SELECT rate_bp AS rateBp FROM partner_rates WHERE partner_id = ? AND effective_from <= ?
     ORDER BY effective_from DESC LIMIT 1`,
  ).get(partnerId, at);
  if (own && own.rateBp !== null) return { rateBp: Number(own.rateBp), source: 'partner', terms };
  return { rateBp: terms.rateBp, source: 'terms', terms };
}

/** rateBp null returns the partner to the terms' rate. Takes effect now (never retroactively). */
export function setPartnerRate(ctx: ProgramContext, partnerId: string, rateBp: number | null): RateInForce {
  return write(ctx, () => {
    getAccount(ctx.db, partnerId);
    const now = nowIso(ctx);
    statement(
      ctx.db,
      `INSERT INTO partner_rates (partner_id, effective_from, rate_bp, set_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (partner_id, effective_from) DO UPDATE SET rate_bp = excluded.rate_bp, set_at = excluded.set_at`,
    ).run(partnerId, now, rateBp, now);
    return rateAt(ctx, partnerId, now);
  });
}
