import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, accountsPaths, fillPath, Profile } from '../../shared/accounts-api.ts';
import { pkcePair, submitSignInForm } from '../../test/support/sandbox-sign-in.ts';
import { DEMO_PARTNER } from '../db/seed.ts';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../server.ts';
import { COMPANION_CLIENT, OAUTH_PATHS } from './app.ts';
import { DEMO_CREDENTIALS } from './demo.ts';
import { verifyPassword } from './passwords.ts';

const CLIENT_ID = COMPANION_CLIENT.id;
const REDIRECT = 'http://127.0.0.1:53682/callback';

const running: RunningSandbox[] = [];
async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ mode: 'test', ...options });
  running.push(sandbox);
  return sandbox;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

function authorizeUrl(sandbox: RunningSandbox, params: Record<string, string | undefined>): string {
  const url = new URL(OAUTH_PATHS.authorize, sandbox.url);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.append(name, value);
  return url.href;
}

function validParams(challenge: string, state = 'state-123'): Record<string, string> {
  return {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  };
}

async function getCode(sandbox: RunningSandbox, challenge: string, state = 'state-123'): Promise<string> {
  const result = await submitSignInForm(authorizeUrl(sandbox, validParams(challenge, state)));
  expect(result.status).toBe(303);
  const location = new URL(result.location as string);
  expect(location.searchParams.get('state')).toBe(state);
  return location.searchParams.get('code') as string;
}

async function token(sandbox: RunningSandbox, body: Record<string, string>): Promise<Response> {
  return fetch(new URL(OAUTH_PATHS.token, sandbox.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

async function signIn(sandbox: RunningSandbox): Promise<Tokens> {
  const { verifier, challenge } = pkcePair();
  const code = await getCode(sandbox, challenge);
  const response = await token(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: CLIENT_ID,
    code_verifier: verifier,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Tokens;
}

async function refresh(sandbox: RunningSandbox, refreshToken: string): Promise<Response> {
  return token(sandbox, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID });
}

function me(sandbox: RunningSandbox, accessToken: string): Promise<Response> {
  return fetch(new URL(accountsPaths.profile.slice(1), sandbox.url), {
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

describe('discovery', () => {
  it('publishes RFC 8414 metadata with S256 only and the issuer of this sandbox', async () => {
    const sandbox = await start();
    const response = await fetch(new URL(OAUTH_PATHS.metadata, sandbox.url));
    expect(response.status).toBe(200);
    const issuer = sandbox.url.replace(/\/$/u, '');
    expect(await response.json()).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['none'],
    });
  });
});

describe('authorization endpoint', () => {
  it('shows the sign-in page, with the demo credentials only in demo mode', async () => {
    const { challenge } = pkcePair();
    const test = await start({ mode: 'test' });
    const testPage = await fetch(authorizeUrl(test, validParams(challenge)));
    expect(testPage.status).toBe(200);
    expect(testPage.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const testHtml = await testPage.text();
    expect(testHtml).toContain('name="password"');
    expect(testHtml).not.toContain(DEMO_CREDENTIALS.password);

    const demo = await start({ mode: 'demo' });
    const demoHtml = await (await fetch(authorizeUrl(demo, validParams(challenge)))).text();
    expect(demoHtml).toContain(DEMO_CREDENTIALS.password);
    expect(demoHtml).toContain(DEMO_CREDENTIALS.email);
  });

  it.each([
    ['an unknown client', { client_id: 'someone-else' }, /Unknown client_id/],
    ['localhost instead of a loopback IP', { redirect_uri: 'http://localhost:53682/callback' }, /loopback/],
    ['another path', { redirect_uri: 'http://127.0.0.1:53682/other' }, /exactly/],
    ['a query on the redirect', { redirect_uri: 'http://127.0.0.1:53682/callback?x=1' }, /exactly/],
    ['no port', { redirect_uri: 'http://127.0.0.1/callback' }, /port/],
    ['https on loopback', { redirect_uri: 'https://127.0.0.1:53682/callback' }, /loopback/],
    ['a non-canonical URI', { redirect_uri: 'http://127.0.0.1:53682/x/../callback' }, /canonical/],
  ])('refuses %s on its own page, never redirecting', async (_name, override, message) => {
    const sandbox = await start();
    const response = await fetch(
      authorizeUrl(sandbox, { ...validParams(pkcePair().challenge), ...override }),
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toMatch(message);
  });

  it('accepts any port on 127.0.0.1 and [::1]', async () => {
    const sandbox = await start();
    for (const redirect of ['http://127.0.0.1:1/callback', 'http://[::1]:65000/callback']) {
      const response = await fetch(
        authorizeUrl(sandbox, { ...validParams(pkcePair().challenge), redirect_uri: redirect }),
      );
      expect(response.status).toBe(200);
    }
  });

  it.each([
    ['plain PKCE', { code_challenge_method: 'plain' }, 'invalid_request', /S256/],
    ['no PKCE method', { code_challenge_method: undefined }, 'invalid_request', /S256/],
    ['no PKCE challenge', { code_challenge: undefined }, 'invalid_request', /PKCE is required/],
    ['the implicit grant', { response_type: 'token' }, 'unsupported_response_type', /code/],
  ])('redirects %s back with an error and the state', async (_name, override, error, description) => {
    const sandbox = await start();
    const params = { ...validParams(pkcePair().challenge, 'keep-me'), ...override };
    const response = await fetch(authorizeUrl(sandbox, params), { redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') as string);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toMatch(description);
    expect(location.searchParams.get('state')).toBe('keep-me');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('round-trips state and names the issuer on success', async () => {
    const sandbox = await start();
    const result = await submitSignInForm(
      authorizeUrl(sandbox, validParams(pkcePair().challenge, 'a b&c=d')),
    );
    const location = new URL(result.location as string);
    expect(location.searchParams.get('state')).toBe('a b&c=d');
    expect(location.searchParams.get('iss')).toBe(sandbox.url.replace(/\/$/u, ''));
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{43}$/u);
  });

  it('answers a wrong password on the page, and denial with access_denied', async () => {
    const sandbox = await start();
    const url = authorizeUrl(sandbox, validParams(pkcePair().challenge));
    const wrong = await submitSignInForm(url, { password: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(wrong.location).toBeUndefined();
    expect(wrong.body).toContain('The e-mail or password is incorrect.');
    const unknown = await submitSignInForm(url, { email: 'nobody@example.com' });
    expect(unknown.body).toContain('The e-mail or password is incorrect.');

    const denied = await submitSignInForm(url, { action: 'deny' });
    expect(denied.status).toBe(303);
    const location = new URL(denied.location as string);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('rate-limits failed sign-ins per e-mail, even with the right password', async () => {
    const sandbox = await start({ oauth: { signInLimit: { maxFailures: 3, windowMs: 60_000 } } });
    const url = authorizeUrl(sandbox, validParams(pkcePair().challenge));
    for (let i = 0; i < 3; i++)
      expect((await submitSignInForm(url, { password: `wrong-${i}` })).status).toBe(401);
    const limited = await submitSignInForm(url);
    expect(limited.status).toBe(429);
    expect(limited.location).toBeUndefined();
    expect(limited.body).toMatch(/Too many failed sign-ins/);
  });

  it('stores passwords as scrypt hashes only', async () => {
    const sandbox = await start();
    const row = sandbox.db
      .prepare('SELECT password_hash AS hash FROM account_credentials WHERE account_id = ?')
      .get(DEMO_PARTNER.id) as { hash: string };
    expect(row.hash).toMatch(/^scrypt\$\d+\$8\$1\$/u);
    expect(row.hash).not.toContain(DEMO_CREDENTIALS.password);
    expect(await verifyPassword(DEMO_CREDENTIALS.password, row.hash)).toBe(true);
    expect(await verifyPassword('wrong', row.hash)).toBe(false);
  });
});

describe('token endpoint', () => {
  it('exchanges a code for tokens that the accounts API accepts', async () => {
    const sandbox = await start();
    const tokens = await signIn(sandbox);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(600);
    const response = await me(sandbox, tokens.access_token);
    expect(response.status).toBe(200);
    expect(Profile.parse(await response.json()).email).toBe(DEMO_PARTNER.email);
  });

  it('never stores tokens or codes in the clear', async () => {
    const sandbox = await start();
    const tokens = await signIn(sandbox);
    const dump = JSON.stringify([
      sandbox.db.prepare('SELECT * FROM oauth_access_tokens').all(),
      sandbox.db.prepare('SELECT * FROM oauth_refresh_tokens').all(),
    ]);
    expect(dump).not.toContain(tokens.access_token);
    expect(dump).not.toContain(tokens.refresh_token);
  });

  it('refuses a wrong PKCE verifier, a wrong redirect_uri and another client', async () => {
    const sandbox = await start();
    const { verifier, challenge } = pkcePair();
    const base = {
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    };
    const wrongVerifier = await token(sandbox, {
      ...base,
      code: await getCode(sandbox, challenge),
      code_verifier: pkcePair().verifier,
    });
    expect(await wrongVerifier.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/PKCE/),
    });
    const wrongRedirect = await token(sandbox, {
      ...base,
      code: await getCode(sandbox, challenge),
      redirect_uri: 'http://127.0.0.1:1/callback',
    });
    expect(await wrongRedirect.json()).toMatchObject({ error: 'invalid_grant' });
    const wrongClient = await token(sandbox, {
      ...base,
      code: await getCode(sandbox, challenge),
      client_id: 'other',
    });
    expect(wrongClient.status).toBe(401);
    expect(await wrongClient.json()).toMatchObject({ error: 'invalid_client' });
    expect(wrongVerifier.headers.get('cache-control')).toBe('no-store');
  });

  it('makes codes single-use: a replay fails and revokes what the code issued', async () => {
    const sandbox = await start();
    const { verifier, challenge } = pkcePair();
    const code = await getCode(sandbox, challenge);
    const body = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    };
    const first = (await (await token(sandbox, body)).json()) as Tokens;
    const replay = await token(sandbox, body);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/already used/),
    });
    expect((await me(sandbox, first.access_token)).status).toBe(401);
    expect((await refresh(sandbox, first.refresh_token)).status).toBe(400);
  });

  it('lets codes expire after a minute', async () => {
    let now = Date.now();
    const sandbox = await start({ oauth: { now: () => now } });
    const { verifier, challenge } = pkcePair();
    const code = await getCode(sandbox, challenge);
    now += 61_000;
    const response = await token(sandbox, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    });
    expect(await response.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/expired/),
    });
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const sandbox = await start();
    const first = await signIn(sandbox);
    const second = (await (await refresh(sandbox, first.refresh_token)).json()) as Tokens;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await me(sandbox, second.access_token)).status).toBe(200);

    const reuse = await refresh(sandbox, first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/already used/),
    });
    // The legitimate holder's tokens die too: the family is revoked.
    expect((await me(sandbox, second.access_token)).status).toBe(401);
    expect((await refresh(sandbox, second.refresh_token)).status).toBe(400);
    // Another sign-in is unaffected.
    const other = await signIn(sandbox);
    expect((await me(sandbox, other.access_token)).status).toBe(200);
  });

  it('expires access tokens, and a refresh brings a working one', async () => {
    let now = Date.now();
    const sandbox = await start({ oauth: { now: () => now, lifetimes: { accessMs: 5_000 } } });
    const tokens = await signIn(sandbox);
    now += 6_000;
    const expired = await me(sandbox, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(ApiError.parse(await expired.json()).error).toBe('invalid-token');
    const renewed = (await (await refresh(sandbox, tokens.refresh_token)).json()) as Tokens;
    expect((await me(sandbox, renewed.access_token)).status).toBe(200);
  });

  it('refuses other grant types and non-form bodies', async () => {
    const sandbox = await start();
    expect(
      await (await token(sandbox, { grant_type: 'password', client_id: CLIENT_ID })).json(),
    ).toMatchObject({
      error: 'unsupported_grant_type',
    });
    const json = await fetch(new URL(OAUTH_PATHS.token, sandbox.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('revocation endpoint', () => {
  async function revoke(
    sandbox: RunningSandbox,
    tokenValue: string,
    clientId = CLIENT_ID,
  ): Promise<Response> {
    return fetch(new URL(OAUTH_PATHS.revoke, sandbox.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokenValue, token_type_hint: 'refresh_token', client_id: clientId }),
    });
  }

  it('revokes the refresh token and the access tokens of its sign-in', async () => {
    const sandbox = await start();
    const tokens = await signIn(sandbox);
    expect((await revoke(sandbox, tokens.refresh_token)).status).toBe(200);
    expect((await me(sandbox, tokens.access_token)).status).toBe(401);
    expect(await (await refresh(sandbox, tokens.refresh_token)).json()).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('answers 200 for unknown tokens and refuses unknown clients', async () => {
    const sandbox = await start();
    expect((await revoke(sandbox, 'no-such-token')).status).toBe(200);
    expect((await revoke(sandbox, 'no-such-token', 'other')).status).toBe(401);
  });
});

describe('accounts API authentication', () => {
  it('refuses every endpoint without a bearer token, in demo mode too', async () => {
    const sandbox = await start({ mode: 'demo' });
    for (const template of Object.values(accountsPaths)) {
      const path = fillPath(template, { id: '1' }).slice(1);
      for (const method of ['GET', 'POST']) {
        const response = await fetch(new URL(path, sandbox.url), { method });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/u);
        expect(ApiError.parse(await response.json()).error).toBe('unauthenticated');
      }
    }
  });

  it('answers a bad bearer token with 401 and a clear error', async () => {
    const sandbox = await start();
    const response = await me(sandbox, 'made-up-token');
    expect(response.status).toBe(401);
    expect(ApiError.parse(await response.json())).toEqual({
      error: 'invalid-token',
      message: 'The access token is invalid, expired or revoked.',
    });
    const malformed = await fetch(new URL(accountsPaths.profile.slice(1), sandbox.url), {
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(400);
  });
});
