// The partner-facing accounts API (/api/v1): one handler per operation of the contract table
// (shared/accounts-contract.ts), which parses every input; handlers translate to domain calls.
// Who the partner is comes only from the current-partner middleware (c.var.partnerId).
import type { Context, Hono } from 'hono';
import type { ReferralInfo } from '../../shared/accounts-api.ts';
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
import { contractRoutes } from './contract-routes.ts';
import type { PartnerEnv } from './current-partner.ts';
import { ApiProblem } from './errors.ts';
import { type EventBell, eventStream } from './event-stream.ts';

export function partnerRoutes(
  app: Hono<PartnerEnv>,
  ctx: ProgramContext,
  linkBase: string,
  bell: EventBell,
): void {
  function partner(c: Context<PartnerEnv>) {
    const account = findAccount(ctx.db, c.var.partnerId);
    // The partner vanished under a valid identity: the caller must sign in again.
    if (!account) throw new ApiProblem(401, 'unauthenticated', 'The signed-in partner no longer exists.');
    return account;
  }
  const id = (c: Context<PartnerEnv>) => partner(c).id;

  contractRoutes(app, {
    getProfile: (_, c) => toProfile(partner(c)),
    getReferralInfo: (_, c): ReferralInfo => {
      const account = partner(c);
      return {
        code: account.referralCode,
        link: buildReferralLink(account.referralCode, linkBase),
        linkBase,
      };
    },
    listReferrals: ({ query }, c) => listReferrals(ctx, id(c), query),
    listCommissions: ({ query }, c) => listCommissions(ctx, id(c), query),
    listHistory: ({ query }, c) => listHistory(ctx, id(c), query),
    getEarningsSeries: ({ query }, c) => earningsSeries(ctx, id(c), query),
    listReferralStats: ({ query }, c) => listReferralStats(ctx, id(c), query),
    getBalance: (_, c) => balanceOf(ctx, id(c)),
    getProgramStatus: (_, c) => programStatus(ctx, id(c)),
    getTerms: () => termsInfo(ctx),
    listPayoutMethods: () => ({ items: [...payoutMethods] }),
    listPayouts: ({ query }, c) => listPayouts(ctx, id(c), query),
    requestPayout: ({ body, idempotencyKey }, c) => {
      const partnerId = id(c);
      return withIdempotencyKey(ctx, partnerId, 'payout', idempotencyKey, body, () =>
        requestPayout(ctx, partnerId, body),
      );
    },
    getPayout: ({ params }, c) => getPayout(ctx, id(c), params.id),
    cancelPayout: ({ params }, c) => cancelPayout(ctx, id(c), params.id),
    listLicenses: (_, c) => ({ items: licensesOf(ctx, id(c)) }),
    getCatalog: () => ({ items: catalog(ctx) }),
    listCredits: ({ query }, c) => listCredits(ctx, id(c), query),
    applyCredit: ({ body, idempotencyKey }, c) => {
      const partnerId = id(c);
      return withIdempotencyKey(ctx, partnerId, 'credit', idempotencyKey, body, () =>
        applyCredit(ctx, partnerId, body),
      );
    },
    getCredit: ({ params }, c) => getCredit(ctx, id(c), params.id),
    streamEvents: (_, c) => eventStream(c, ctx, bell),
  });
}
