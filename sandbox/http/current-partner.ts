// The single seam that decides who the calling partner is. Every partner-facing route reads
// `c.var.partnerId`, and nothing else in the sandbox knows how it was found: a bearer access
// token issued by the sandbox's authorization server (sandbox/oauth).
import { createMiddleware } from 'hono/factory';
import type { Database } from '../db/database.ts';
import { partnerForAuthorization } from '../oauth/bearer.ts';

export interface PartnerEnv {
  Variables: { partnerId: string };
}

export interface CurrentPartnerOptions {
  /** Where access tokens are checked. */
  db: Database;
  now?: () => number;
}

export function currentPartner(options: CurrentPartnerOptions) {
  const now = options.now ?? Date.now;
  return createMiddleware<PartnerEnv>(async (c, next) => {
    c.set('partnerId', partnerForAuthorization(options.db, c.req.header('authorization'), now()));
    await next();
  });
}
