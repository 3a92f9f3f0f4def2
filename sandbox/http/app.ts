// The accounts API as a Hono app: routes only translate HTTP to domain calls and back.
import { Hono } from 'hono';
import { accountsPaths, type Profile, type ReferralInfo } from '../../shared/accounts-api.ts';
import { buildReferralLink } from '../../shared/referral-link.ts';
import type { Database } from '../db/database.ts';
import { findAccount, toProfile } from '../program/accounts.ts';
import { currentPartner, type PartnerEnv } from './current-partner.ts';
import { ApiProblem, handleError, notFound } from './errors.ts';
import { resource } from './resource.ts';

export interface SandboxAppOptions {
  db: Database;
  linkBase: string;
  /** The partner served to unauthenticated callers until sign-in exists (demo/test mode). */
  demoPartnerId: string | undefined;
}

export function createSandboxApp(options: SandboxAppOptions): Hono<PartnerEnv> {
  const { db, linkBase } = options;
  const app = new Hono<PartnerEnv>();
  app.onError(handleError);
  app.notFound(notFound);

  app.use('/api/v1/*', currentPartner({ demoPartnerId: options.demoPartnerId }));

  function partner(id: string) {
    const account = findAccount(db, id);
    // The partner vanished under a valid identity: the caller must sign in again.
    if (!account) throw new ApiProblem(401, 'unauthenticated', 'The signed-in partner no longer exists.');
    return account;
  }

  resource(app, accountsPaths.profile, {
    get: (c) => c.json(toProfile(partner(c.var.partnerId)) satisfies Profile),
  });

  resource(app, accountsPaths.referral, {
    get: (c) => {
      const account = partner(c.var.partnerId);
      const info: ReferralInfo = {
        code: account.referralCode,
        link: buildReferralLink(account.referralCode, linkBase),
        linkBase,
      };
      return c.json(info);
    },
  });

  app.get('/', (c) =>
    c.json({ name: 'Quantower referral accounts sandbox', api: '/api/v1' } satisfies Record<string, string>),
  );
  return app;
}
