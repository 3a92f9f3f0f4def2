// The sandbox as a Hono app: the partner API under /api/v1 behind the current-partner seam,
// the operator API under /operator (demo/test only), and a checkout page for license credits.
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { html } from 'hono/html';
import { API_PREFIX } from '../../shared/accounts-api.ts';
import { accountsOperations } from '../../shared/accounts-contract.ts';
import { centsToDecimalString } from '../../shared/money.ts';
import { createOAuthApp, type OAuthOptions } from '../oauth/app.ts';
import type { ProgramContext } from '../program/context.ts';
import { getCredit } from '../program/credits.ts';
import { currentPartner, type PartnerEnv } from './current-partner.ts';
import { handleError, notFound, type SandboxLog } from './errors.ts';
import type { EventBell } from './event-stream.ts';
import { localGuard } from './local-guard.ts';
import { operatorRoutes } from './operator-routes.ts';
import { partnerRoutes } from './partner-routes.ts';

export interface SandboxAppOptions {
  ctx: ProgramContext;
  bell: EventBell;
  linkBase: string;
  /** The seeded demo partner (demo/test mode), which the operator API acts for by default. */
  demoPartnerId: string | undefined;
  /** Mounts the operator (simulation) API. */
  operator: boolean;
  /** The authorization server (issue 3), mounted at /oauth and /.well-known. */
  oauth: Omit<OAuthOptions, 'db'>;
  /** Unhandled errors (default: the console). */
  log?: SandboxLog;
}

export function createSandboxApp(options: SandboxAppOptions): Hono<PartnerEnv> {
  const { ctx } = options;
  const app = new Hono<PartnerEnv>();
  app.onError((error, c) => handleError(error, c, options.log));
  app.notFound(notFound);
  app.use(
    '*',
    localGuard(() => ctx.baseUrl().replace(/\/$/u, '')),
  );

  app.route(
    '/',
    createOAuthApp({ ...options.oauth, db: ctx.db, ...(options.log ? { log: options.log } : {}) }),
  );
  app.use(
    `${API_PREFIX}/*`,
    currentPartner({
      db: ctx.db,
      ...(options.oauth.now ? { now: options.oauth.now } : {}),
    }),
  );
  // ETag + If-None-Match → 304 on every GET, except the never-ending event stream (the table's
  // `conditional`; routes-match-table.test.ts checks that the two agree).
  const tagged = etag();
  const stream = accountsOperations.streamEvents.path;
  app.use(`${API_PREFIX}/*`, (c, next) => (c.req.path === stream ? next() : tagged(c, next)));
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-cache');
  });

  partnerRoutes(app, ctx, options.linkBase, options.bell);
  if (options.operator) operatorRoutes(app, ctx, options.demoPartnerId);

  app.get('/checkout/:id', (c) => {
    const credit = getCredit(ctx, null, c.req.param('id'));
    return c.html(html`<!doctype html>
      <html lang="en">
        <head><meta charset="utf-8" /><title>Sandbox checkout</title></head>
        <body>
          <h1>Sandbox checkout</h1>
          <p>Renewal ${credit.sku}: $${centsToDecimalString(credit.priceCents)}, of which
            $${centsToDecimalString(credit.creditCents)} paid from referral rewards.</p>
          <p>Left to pay: $${centsToDecimalString(credit.remainderCents)} (status: ${credit.status}).</p>
          <p>This is the sandbox: the operator completes or cancels this checkout.</p>
        </body>
      </html>`);
  });

  app.get('/', (c) => c.json({ name: 'Quantower referral accounts sandbox', api: API_PREFIX }));
  return app;
}
