// The single seam that decides who the calling partner is. Every partner-facing route reads
// `c.var.partnerId`, and nothing else in the sandbox knows how it was found.
import { createMiddleware } from 'hono/factory';
import { ApiProblem } from './errors.ts';

export interface PartnerEnv {
  Variables: { partnerId: string };
}

export function currentPartner(options: { demoPartnerId: string | undefined }) {
  return createMiddleware<PartnerEnv>(async (c, next) => {
    // TEMPORARY until sign-in (issue 3): no authentication yet, so any local caller is served
    // the seeded demo partner. Replace this body with bearer-token verification.
    if (!options.demoPartnerId) {
      throw new ApiProblem(401, 'unauthenticated', 'No partner is signed in to this sandbox.');
    }
    c.set('partnerId', options.demoPartnerId);
    await next();
  });
}
