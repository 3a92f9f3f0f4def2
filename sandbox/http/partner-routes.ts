// The partner-facing accounts API (/api/v1). Routes translate HTTP to domain calls and back;
// who the partner is comes only from the current-partner middleware (c.var.partnerId).
import type { Context, Hono } from 'hono';
import {
  accountsPaths,
  CommissionQuery,
  CreditRequest,
  EarningsSeriesQuery,
  HistoryQuery,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKey,
  PageQuery,
  PayoutRequest,
  type ReferralInfo,
} from '../../shared/accounts-api.ts';
import { buildReferralLink } from '../../shared/referral-link.ts';
import { findAccount, listReferrals, toProfile } from '../program/accounts.ts';
import type { ProgramContext } from '../program/context.ts';
import { applyCredit, getCredit, listCredits } from '../program/credits.ts';
import { programStatus } from '../program/disqualification.ts';
import { earningsSeries, listHistory, listReferralStats } from '../program/earnings.ts';
import { withIdempotencyKey } from '../program/idempotency.ts';
import { balanceOf, listCommissions } from '../program/ledger.ts';
import { catalog, licensesOf } from '../program/licenses.ts';
import { cancelPayout, getPayout, listPayouts, payoutMethods, requestPayout } from '../program/payouts.ts';
import { termsInfo } from '../program/terms.ts';
import type { PartnerEnv } from './current-partner.ts';
import { ApiProblem } from './errors.ts';
import { resource } from './resource.ts';
import { parseBody, parseQuery } from './validate.ts';

export function partnerRoutes(app: Hono<PartnerEnv>, ctx: ProgramContext, linkBase: string): void {
  function partner(c: Context<PartnerEnv>) {
    const account = findAccount(ctx.db, c.var.partnerId);
    // The partner vanished under a valid identity: the caller must sign in again.
    if (!account) throw new ApiProblem(401, 'unauthenticated', 'The signed-in partner no longer exists.');
    return account;
  }

  resource(app, accountsPaths.profile, { get: (c) => c.json(toProfile(partner(c))) });

  resource(app, accountsPaths.referral, {
    get: (c) => {
      const account = partner(c);
      const info: ReferralInfo = {
        code: account.referralCode,
        link: buildReferralLink(account.referralCode, linkBase),
        linkBase,
      };
      return c.json(info);
    },
  });

  resource(app, accountsPaths.referrals, {
    get: (c) => c.json(listReferrals(ctx, partner(c).id, parseQuery(c, PageQuery))),
  });
  resource(app, accountsPaths.commissions, {
    get: (c) => c.json(listCommissions(ctx, partner(c).id, parseQuery(c, CommissionQuery))),
  });
  resource(app, accountsPaths.history, {
    get: (c) => c.json(listHistory(ctx, partner(c).id, parseQuery(c, HistoryQuery))),
  });
  resource(app, accountsPaths.earningsSeries, {
    get: (c) => c.json(earningsSeries(ctx, partner(c).id, parseQuery(c, EarningsSeriesQuery))),
  });
  resource(app, accountsPaths.referralStats, {
    get: (c) => c.json(listReferralStats(ctx, partner(c).id, parseQuery(c, PageQuery))),
  });
  resource(app, accountsPaths.balance, { get: (c) => c.json(balanceOf(ctx, partner(c).id)) });
  resource(app, accountsPaths.program, { get: (c) => c.json(programStatus(ctx, partner(c).id)) });
  resource(app, accountsPaths.terms, { get: (c) => c.json(termsInfo(ctx)) });
  resource(app, accountsPaths.payoutMethods, { get: (c) => c.json({ items: payoutMethods }) });
  resource(app, accountsPaths.catalog, { get: (c) => c.json({ items: catalog(ctx) }) });
  resource(app, accountsPaths.licenses, { get: (c) => c.json({ items: licensesOf(ctx, partner(c).id) }) });

  resource(app, accountsPaths.payouts, {
    get: (c) => c.json(listPayouts(ctx, partner(c).id, parseQuery(c, PageQuery))),
    post: async (c) => {
      const request = await parseBody(c, PayoutRequest);
      const id = partner(c).id;
      const { result, replayed } = withIdempotencyKey(ctx, id, 'payout', idempotencyKey(c), request, () =>
        requestPayout(ctx, id, request),
      );
      return created(c, result, replayed, accountsPaths.payouts);
    },
  });
  resource(app, accountsPaths.payout, {
    get: (c) => c.json(getPayout(ctx, partner(c).id, c.req.param('id') ?? '')),
  });
  resource(app, accountsPaths.payoutCancel, {
    post: (c) => c.json(cancelPayout(ctx, partner(c).id, c.req.param('id') ?? '')),
  });

  resource(app, accountsPaths.credits, {
    get: (c) => c.json(listCredits(ctx, partner(c).id, parseQuery(c, PageQuery))),
    post: async (c) => {
      const request = await parseBody(c, CreditRequest);
      const id = partner(c).id;
      const { result, replayed } = withIdempotencyKey(ctx, id, 'credit', idempotencyKey(c), request, () =>
        applyCredit(ctx, id, request),
      );
      return created(c, result, replayed, accountsPaths.credits);
    },
  });
  resource(app, accountsPaths.credit, {
    get: (c) => c.json(getCredit(ctx, partner(c).id, c.req.param('id') ?? '')),
  });
}

function idempotencyKey(c: Context): string | undefined {
  const raw = c.req.header(IDEMPOTENCY_KEY_HEADER);
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success) {
    throw new ApiProblem(
      400,
      'invalid-idempotency-key',
      'Idempotency-Key must be 1–200 printable characters.',
    );
  }
  return parsed.data;
}

function created(c: Context, body: { id: string }, replayed: boolean, collection: string): Response {
  return c.json(body, 201, {
    location: `${collection}/${encodeURIComponent(body.id)}`,
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
}
