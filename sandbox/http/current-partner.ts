// The single seam that decides who the calling partner is. Every partner-facing route reads
// `c.var.partnerId`, and nothing else in the sandbox knows how it was found: a bearer access
// token issued by the sandbox's authorization server (sandbox/oauth).
import { createMiddleware } from 'hono/factory';
import type { Database } from '../db/database.ts';
import { partnerForAuthorization } from '../oauth/bearer.ts';
import { ApiProblem } from './errors.ts';

export interface PartnerEnv {
  Variables: { partnerId: string };
}

export interface CurrentPartnerOptions {
  /** TEMPORARY (removed when every test signs in): a caller without Authorization is served this partner. */
  demoPartnerId: string | undefined;
  /** Where access tokens are checked. */
  db?: Database;
  now?: () => number;
}

export function currentPartner(options: CurrentPartnerOptions) {
  const now = options.now ?? Date.now;
  return createMiddleware<PartnerEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization === undefined && options.demoPartnerId) {
      c.set('partnerId', options.demoPartnerId);
    } else if (options.db) {
      c.set('partnerId', partnerForAuthorization(options.db, authorization, now()));
    } else {
      throw new ApiProblem(401, 'unauthenticated', 'No partner is signed in to this sandbox.');
    }
    await next();
  });
}
