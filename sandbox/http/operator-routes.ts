// The operator API (/operator): drives the simulated world — registrations, purchases, refunds,
// payout handling, terms, partner rates, disqualification, large histories. Only mounted in
// demo and test mode; never part of the partner contract.
import type { Hono } from 'hono';
import { z } from 'zod';
import { BasisPoints, IsoDateTime, PayoutStatus, PositiveCents } from '../../shared/accounts-api.ts';
import { type AccountRow, changeEmail, registerAccount } from '../program/accounts.ts';
import type { ProgramContext } from '../program/context.ts';
import { cancelCheckout, completeCheckout } from '../program/credits.ts';
import { disqualify } from '../program/disqualification.ts';
import { seedHistory } from '../program/history.ts';
import { movePayout } from '../program/payouts.ts';
import { recordPurchase, refundPurchase } from '../program/purchases.ts';
import { publishTerms, setPartnerRate } from '../program/terms.ts';
import type { PartnerEnv } from './current-partner.ts';
import { resource } from './resource.ts';
import { parseBody, parseParam } from './validate.ts';

export const OPERATOR_PREFIX = '/operator';

export const RegisterBody = z
  .object({
    email: z.email(),
    displayName: z.string().trim().min(1).max(200),
    referralCode: z.string().min(1).max(128).optional(),
  })
  .strict();
export const EmailBody = z.object({ email: z.email() }).strict();
export const PurchaseBody = z
  .object({
    buyerId: z.string().min(1),
    sku: z.string().min(1),
    discountCents: z.number().int().min(0).optional(),
    purchasedAt: IsoDateTime.optional(),
  })
  .strict();
export const RefundBody = z.object({ amountCents: PositiveCents.optional() }).strict();
export const PayoutStatusBody = z
  .object({
    status: PayoutStatus.exclude(['requested', 'cancelled']),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict();
export const TermsBody = z
  .object({
    rateBp: BasisPoints,
    minPayoutCents: z.number().int().min(0),
    minReferrals: z.number().int().min(0),
    holdDays: z.number().int().min(0).max(3650),
    summary: z.string().min(1).max(2000),
    effectiveFrom: IsoDateTime.optional(),
  })
  .strict();
export const RateBody = z.object({ rateBp: BasisPoints.nullable() }).strict();
export const DisqualifyBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
export const HistoryBody = z
  .object({
    partnerId: z.string().min(1).optional(),
    referrals: z.number().int().min(1).max(1_000_000),
    purchases: z.number().int().min(0).max(2_000_000),
    days: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

const PurchaseId = z.coerce.number().int().positive();

/** The operator sees what the partner API hides: the code and the (fixed) referrer. */
function operatorAccount(account: AccountRow) {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    referralCode: account.referralCode,
    referredBy: account.referredBy,
    registeredAt: account.createdAt,
    disqualifiedAt: account.disqualifiedAt,
  };
}

export function operatorRoutes(
  app: Hono<PartnerEnv>,
  ctx: ProgramContext,
  demoPartnerId: string | undefined,
): void {
  const p = OPERATOR_PREFIX;

  resource(app, `${p}/accounts`, {
    post: async (c) => {
      const account = registerAccount(ctx, await parseBody(c, RegisterBody));
      return c.json(operatorAccount(account), 201);
    },
  });
  resource(app, `${p}/accounts/:id`, {
    patch: async (c) => {
      const { email } = await parseBody(c, EmailBody);
      return c.json(operatorAccount(changeEmail(ctx, c.req.param('id') ?? '', email)));
    },
  });
  resource(app, `${p}/purchases`, {
    post: async (c) => c.json(recordPurchase(ctx, await parseBody(c, PurchaseBody)), 201),
  });
  resource(app, `${p}/purchases/:id/refunds`, {
    post: async (c) => {
      const id = parseParam(c.req.param('id'), PurchaseId, 'purchase id');
      const { amountCents } = await parseBody(c, RefundBody);
      return c.json(refundPurchase(ctx, id, amountCents), 201);
    },
  });
  resource(app, `${p}/payouts/:id/status`, {
    post: async (c) => {
      const { status, reason } = await parseBody(c, PayoutStatusBody);
      return c.json(movePayout(ctx, c.req.param('id') ?? '', status, reason ?? null));
    },
  });
  resource(app, `${p}/credits/:id/complete`, {
    post: (c) => c.json(completeCheckout(ctx, c.req.param('id') ?? '')),
  });
  resource(app, `${p}/credits/:id/cancel`, {
    post: (c) => c.json(cancelCheckout(ctx, c.req.param('id') ?? '')),
  });
  resource(app, `${p}/terms`, {
    post: async (c) => c.json(publishTerms(ctx, await parseBody(c, TermsBody)), 201),
  });
  resource(app, `${p}/partners/:id/rate`, {
    put: async (c) => {
      const { rateBp } = await parseBody(c, RateBody);
      const rate = setPartnerRate(ctx, c.req.param('id') ?? '', rateBp);
      return c.json({ rateBp: rate.rateBp, source: rate.source, termsVersion: rate.terms.version });
    },
  });
  resource(app, `${p}/partners/:id/disqualify`, {
    post: async (c) => {
      const { reason } = await parseBody(c, DisqualifyBody);
      return c.json(disqualify(ctx, c.req.param('id') ?? '', reason));
    },
  });
  resource(app, `${p}/history`, {
    post: async (c) => {
      const body = await parseBody(c, HistoryBody);
      const partnerId = body.partnerId ?? demoPartnerId;
      if (!partnerId) return c.json({ error: 'invalid-body', message: 'partnerId is required.' }, 400);
      return c.json(seedHistory(ctx, { ...body, partnerId }), 201);
    },
  });
}
