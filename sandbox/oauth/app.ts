// The sandbox's OAuth 2.0 authorization server (RFC 6749 authorization code grant, RFC 7636
// PKCE with S256 only, RFC 8252 loopback redirects, RFC 7009 revocation, RFC 8414 metadata),
// mounted into the sandbox app. Consent-free for the companion's own public client.
import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { consoleSandboxLog, type SandboxLog } from '../http/errors.ts';
import { COMPANION_CLIENT, findClient, type OAuthClient, redirectUriProblem } from './clients.ts';
import { checkCredentials } from './credentials.ts';
import {
  DEFAULT_LIFETIMES,
  GrantError,
  type IssuedTokens,
  issueCode,
  redeemCode,
  revokeToken,
  rotateRefreshToken,
  type TokenLifetimes,
} from './grants.ts';
import { createFailureLimiter } from './rate-limit.ts';
import { errorPage, signInPage } from './sign-in-page.ts';
import { S256_CHALLENGE_PATTERN } from './tokens.ts';

export const OAUTH_PATHS = Object.freeze({
  metadata: '/.well-known/oauth-authorization-server',
  authorize: '/oauth/authorize',
  token: '/oauth/token',
  revoke: '/oauth/revoke',
});

export interface OAuthOptions {
  db: Database;
  /** The issuer identifier: the sandbox's origin, no trailing slash (known once it listens). */
  issuer: () => string;
  /** Shown on the sign-in page in demo mode only. */
  demoCredentials?: { email: string; password: string } | undefined;
  lifetimes?: Partial<TokenLifetimes>;
  now?: () => number;
  /** Failed sign-ins allowed per e-mail within the window (default 5 per 15 minutes). */
  signInLimit?: { maxFailures: number; windowMs: number };
  log?: SandboxLog;
}

export function createOAuthApp(options: OAuthOptions): Hono {
  const { db } = options;
  const now = options.now ?? Date.now;
  const lifetimes: TokenLifetimes = { ...DEFAULT_LIFETIMES, ...options.lifetimes };
  const limit = options.signInLimit ?? { maxFailures: 5, windowMs: 15 * 60_000 };
  const byEmail = createFailureLimiter({ ...limit, now });
  // A client address gets more room than one e-mail, but not unlimited guessing across e-mails.
  const byAddress = createFailureLimiter({
    maxFailures: limit.maxFailures * 4,
    windowMs: limit.windowMs,
    now,
  });
  const app = new Hono();
  app.onError((error, c) => {
    (options.log ?? consoleSandboxLog)(`oauth error on ${c.req.method} ${c.req.path}`, error);
    return c.json({ error: 'server_error', error_description: 'The authorization server failed.' }, 500);
  });

  app.get(OAUTH_PATHS.metadata, (c) => {
    const issuer = options.issuer();
    return c.json({
      issuer,
      authorization_endpoint: `${issuer}${OAUTH_PATHS.authorize}`,
      token_endpoint: `${issuer}${OAUTH_PATHS.token}`,
      revocation_endpoint: `${issuer}${OAUTH_PATHS.revoke}`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      revocation_endpoint_auth_methods_supported: ['none'],
      authorization_response_iss_parameter_supported: true,
    });
  });

  app.get(OAUTH_PATHS.authorize, (c) => {
    const checked = checkAuthorizationRequest((name) => c.req.queries(name));
    if (checked.kind === 'fatal') return htmlPage(c, 400, (nonce) => errorPage(checked.message, nonce));
    if (checked.kind === 'redirect')
      return redirectBack(c, checked.redirectUri, checked.params, options.issuer());
    return signInResponse(c, 200, checked.request, {});
  });

  app.post(OAUTH_PATHS.authorize, async (c) => {
    const form = await formBody(c);
    if (!form)
      return htmlPage(c, 415, (nonce) => errorPage('The sign-in form was not sent as a form.', nonce));
    const checked = checkAuthorizationRequest((name) => form[name]);
    if (checked.kind === 'fatal') return htmlPage(c, 400, (nonce) => errorPage(checked.message, nonce));
    if (checked.kind === 'redirect')
      return redirectBack(c, checked.redirectUri, checked.params, options.issuer());
    const request = checked.request;
    if (single(form.action) === 'deny') {
      return redirectBack(
        c,
        request.redirectUri,
        {
          error: 'access_denied',
          error_description: 'The user cancelled the sign-in.',
          state: request.state,
        },
        options.issuer(),
      );
    }
    const email = (single(form.email) ?? '').trim();
    const password = single(form.password) ?? '';
    if (!email || !password) {
      return signInResponse(c, 400, request, { email, error: 'Enter your e-mail and password.' });
    }
    const emailKey = `email:${email.toLowerCase()}`;
    const addressKey = `address:${clientAddress(c)}`;
    const waitMs = Math.max(byEmail.retryAfterMs(emailKey), byAddress.retryAfterMs(addressKey));
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      c.header('retry-after', String(Math.ceil(waitMs / 1000)));
      return signInResponse(c, 429, request, {
        email,
        error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      });
    }
    const accountId = await checkCredentials(db, email, password);
    if (!accountId) {
      byEmail.recordFailure(emailKey);
      byAddress.recordFailure(addressKey);
      return signInResponse(c, 401, request, { email, error: 'The e-mail or password is incorrect.' });
    }
    byEmail.clear(emailKey);
    const code = issueCode(
      db,
      {
        clientId: request.client.id,
        accountId,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
      },
      now(),
      lifetimes,
    );
    return redirectBack(c, request.redirectUri, { code, state: request.state }, options.issuer());
  });

  app.post(OAUTH_PATHS.token, async (c) => {
    noStore(c);
    const form = await formBody(c);
    try {
      if (!form)
        throw new GrantError('invalid_request', 'The body must be application/x-www-form-urlencoded.');
      const client = requireClient(form);
      const grantType = one(form, 'grant_type');
      let issued: IssuedTokens;
      if (grantType === 'authorization_code') {
        issued = redeemCode(
          db,
          {
            code: one(form, 'code'),
            clientId: client.id,
            redirectUri: one(form, 'redirect_uri'),
            codeVerifier: one(form, 'code_verifier'),
          },
          now(),
          lifetimes,
        );
      } else if (grantType === 'refresh_token') {
        issued = rotateRefreshToken(
          db,
          { refreshToken: one(form, 'refresh_token'), clientId: client.id },
          now(),
          lifetimes,
        );
      } else {
        throw new GrantError('unsupported_grant_type', `grant_type ${grantType} is not supported.`);
      }
      return c.json({
        access_token: issued.accessToken,
        token_type: 'Bearer',
        expires_in: issued.expiresInSeconds,
        refresh_token: issued.refreshToken,
      });
    } catch (error) {
      return grantErrorResponse(c, error);
    }
  });

  app.post(OAUTH_PATHS.revoke, async (c) => {
    noStore(c);
    const form = await formBody(c);
    try {
      if (!form)
        throw new GrantError('invalid_request', 'The body must be application/x-www-form-urlencoded.');
      const client = requireClient(form);
      revokeToken(db, { token: one(form, 'token'), clientId: client.id }, now());
      return c.body(null, 200);
    } catch (error) {
      return grantErrorResponse(c, error);
    }
  });

  function signInResponse(
    c: Context,
    status: 200 | 400 | 401 | 429,
    request: AuthorizationRequest,
    extra: { email?: string; error?: string },
  ): Response {
    return htmlPage(
      c,
      status,
      (nonce) =>
        signInPage({
          clientName: request.client.name,
          hidden: request.formFields,
          nonce,
          demoCredentials: options.demoCredentials,
          ...extra,
        }),
      new URL(request.redirectUri).origin,
    );
  }

  return app;
}

// ---- the authorization request --------------------------------------------------------------

interface AuthorizationRequest {
  client: OAuthClient;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  /** What the sign-in form posts back, so the POST is checked exactly like the GET. */
  formFields: Record<string, string>;
}

type Checked =
  | { kind: 'fatal'; message: string }
  | { kind: 'redirect'; redirectUri: string; params: Record<string, string | undefined> }
  | { kind: 'ok'; request: AuthorizationRequest };

const REQUEST_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'code_challenge',
  'code_challenge_method',
  'scope',
] as const;

function checkAuthorizationRequest(read: (name: string) => string[] | undefined): Checked {
  const values: Partial<Record<(typeof REQUEST_PARAMS)[number], string>> = {};
  let repeated: string | undefined;
  for (const name of REQUEST_PARAMS) {
    const all = read(name);
    if (all && all.length > 1) repeated ??= name;
    if (all?.[0] !== undefined) values[name] = all[0];
  }
  // Until the client and redirect URI are trusted, errors are shown here, never redirected (§4.1.2.1).
  const client = findClient(values.client_id);
  if (!client) return { kind: 'fatal', message: `Unknown client_id ${values.client_id ?? '(missing)'}.` };
  if (repeated === 'client_id' || repeated === 'redirect_uri') {
    return { kind: 'fatal', message: `The parameter ${repeated} was sent more than once.` };
  }
  const uriProblem = redirectUriProblem(client, values.redirect_uri);
  if (uriProblem) return { kind: 'fatal', message: uriProblem };
  const redirectUri = values.redirect_uri as string;
  const state = values.state;
  const refuse = (error: string, description: string): Checked => ({
    kind: 'redirect',
    redirectUri,
    params: { error, error_description: description, state },
  });
  if (repeated) return refuse('invalid_request', `The parameter ${repeated} was sent more than once.`);
  if (values.response_type !== 'code') {
    return refuse('unsupported_response_type', 'Only response_type=code is supported.');
  }
  if (!values.code_challenge) return refuse('invalid_request', 'PKCE is required: send code_challenge.');
  if (values.code_challenge_method !== 'S256') {
    return refuse('invalid_request', 'Only code_challenge_method=S256 is accepted (plain is refused).');
  }
  if (!S256_CHALLENGE_PATTERN.test(values.code_challenge)) {
    return refuse('invalid_request', 'code_challenge is not a base64url SHA-256 value.');
  }
  if (state !== undefined && state.length > 512) return refuse('invalid_request', 'state is too long.');
  const formFields: Record<string, string> = {};
  for (const name of REQUEST_PARAMS) {
    const value = values[name];
    if (value !== undefined) formFields[name] = value;
  }
  return {
    kind: 'ok',
    request: { client, redirectUri, state, codeChallenge: values.code_challenge, formFields },
  };
}

// ---- helpers ----------------------------------------------------------------------------------

type Form = Record<string, string[] | undefined>;

async function formBody(c: Context): Promise<Form | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/iu.test(type)) return undefined;
  const params = new URLSearchParams(await c.req.text());
  const form: Form = {};
  for (const [name, value] of params) form[name] = [...(form[name] ?? []), value];
  return form;
}

function single(values: string[] | undefined): string | undefined {
  return values?.length === 1 ? values[0] : undefined;
}

/** A required token endpoint parameter, present exactly once. */
function one(form: Form, name: string): string {
  const values = form[name];
  if (!values || values.length === 0 || values[0] === '') {
    throw new GrantError('invalid_request', `${name} is required.`);
  }
  if (values.length > 1) throw new GrantError('invalid_request', `${name} was sent more than once.`);
  return values[0] as string;
}

function requireClient(form: Form): OAuthClient {
  const client = findClient(single(form.client_id));
  if (!client) throw new GrantError('invalid_client', 'Unknown or missing client_id.');
  return client;
}

function grantErrorResponse(c: Context, error: unknown): Response {
  if (!(error instanceof GrantError)) throw error;
  const status = error.code === 'invalid_client' ? 401 : 400;
  return c.json({ error: error.code, error_description: error.message }, status);
}

function noStore(c: Context): void {
  c.header('cache-control', 'no-store');
  c.header('pragma', 'no-cache');
}

function redirectBack(
  c: Context,
  redirectUri: string,
  params: Record<string, string | undefined>,
  issuer: string,
): Response {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries({ ...params, iss: issuer })) {
    if (value !== undefined) target.searchParams.set(name, value);
  }
  noStore(c);
  c.header('referrer-policy', 'no-referrer');
  return c.redirect(target.href, 303);
}

function htmlPage(
  c: Context,
  status: 200 | 400 | 401 | 415 | 429,
  render: (nonce: string) => string,
  formTarget?: string,
): Response {
  const nonce = randomBytes(16).toString('base64');
  // form-action also governs where the form's redirect may go: the app's loopback listener.
  const formAction = ["'self'", formTarget].filter(Boolean).join(' ');
  c.header(
    'content-security-policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header('x-frame-options', 'DENY');
  c.header('referrer-policy', 'no-referrer');
  noStore(c);
  return c.html(render(nonce), status);
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export { COMPANION_CLIENT };
