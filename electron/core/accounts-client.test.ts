import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
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

  it('sends body, headers and query, and never retries a POST unless it is idempotent', async () => {
    const seen: { body: string; key: string | undefined; query: string }[] = [];
    server.on('/api/v1/things', (req, res, hit) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        seen.push({
          body,
          key: req.headers['idempotency-key'] as string | undefined,
          query: req.url?.split('?')[1] ?? '',
        });
        if (hit === 1) json(res, 503, { error: 'busy', message: 'try later' });
        else json(res, 201, { id: 'T1' });
      });
    });
    const schema = z.object({ id: z.string() });
    const c = client({ retries: 2 });
    const plain = await c
      .request('/api/v1/things', schema, {
        method: 'post',
        json: { amount: 5000 },
        searchParams: { dry: false, skip: undefined },
      })
      .catch((error: unknown) => error);
    expect(plain).toMatchObject({ kind: 'http', status: 503 });
    expect(seen).toEqual([{ body: '{"amount":5000}', key: undefined, query: 'dry=false' }]);

    seen.length = 0;
    server.hits.clear();
    const safe = await c.request('/api/v1/things', schema, {
      method: 'post',
      json: { amount: 5000 },
      headers: { 'idempotency-key': 'K1' },
      idempotent: true,
    });
    expect(safe).toEqual({ id: 'T1' });
    expect(seen.map((s) => s.key)).toEqual(['K1', 'K1']);
  });
});
