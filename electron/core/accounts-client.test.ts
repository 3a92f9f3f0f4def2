import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, type ScriptedServer, startScriptedServer } from '../../test/support/scripted-server.ts';
import { AccountsError, createAccountsClient } from './accounts-client.ts';

const profile = { partnerId: 'p1', email: 'demo@example.com', displayName: 'Demo Partner' };
let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

function client(options: { timeoutMs?: number; retries?: number } = {}) {
  return createAccountsClient({ baseUrl: server.url, timeoutMs: 2_000, retries: 0, ...options });
}

describe('accounts client', () => {
  it('returns contract-valid answers', async () => {
    server.on('/api/v1/me', (_req, res) => json(res, 200, profile));
    await expect(client().getProfile()).resolves.toEqual(profile);
  });

  it('keeps the base URL path when it has one', async () => {
    server.on('/tenant/api/v1/me', (_req, res) => json(res, 200, profile));
    const c = createAccountsClient({ baseUrl: `${server.url}tenant/`, retries: 0 });
    await expect(c.getProfile()).resolves.toEqual(profile);
  });

  it('reports API errors with the server message and status', async () => {
    server.on('/api/v1/me', (_req, res) =>
      json(res, 403, { error: 'forbidden', message: 'Partner is disqualified.' }),
    );
    const error = await client()
      .getProfile()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountsError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 403,
      apiError: 'forbidden',
      message: 'Partner is disqualified.',
    });
  });

  it('treats off-contract bodies as invalid responses, not data', async () => {
    server.on('/api/v1/me', (_req, res) =>
      json(res, 200, { partnerId: 'p1', email: 'not-an-email', displayName: 'x' }),
    );
    await expect(client().getProfile()).rejects.toMatchObject({ kind: 'invalid-response' });
    server.on('/api/v1/referral', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{broken');
    });
    await expect(client().getReferralInfo()).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('times out a silent server', async () => {
    server.on('/api/v1/me', () => {
      /* never answers */
    });
    await expect(client({ timeoutMs: 200 }).getProfile()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('retries idempotent reads after a server error, then succeeds', async () => {
    server.on('/api/v1/me', (_req, res, hit) =>
      hit < 3 ? json(res, 503, { error: 'busy', message: 'try later' }) : json(res, 200, profile),
    );
    await expect(client({ retries: 2 }).getProfile()).resolves.toEqual(profile);
    expect(server.hits.get('/api/v1/me')).toBe(3);
  });

  it('gives up after the retry limit', async () => {
    server.on('/api/v1/me', (_req, res) => json(res, 500, { error: 'boom', message: 'internal' }));
    await expect(client({ retries: 1 }).getProfile()).rejects.toMatchObject({ kind: 'http', status: 500 });
    expect(server.hits.get('/api/v1/me')).toBe(2);
  });

  it('reports an unreachable server as a network error', async () => {
    const url = server.url;
    await server.close();
    const c = createAccountsClient({ baseUrl: url, retries: 0, timeoutMs: 2_000 });
    await expect(c.getProfile()).rejects.toMatchObject({ kind: 'network' });
    server = await startScriptedServer();
  });
});
