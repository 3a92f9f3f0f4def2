// The live connection keeps the accounts client's auth rule: the session's bearer token, one
// renewal after a 401, then the session decides (rejectedAgain).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, type ScriptedServer, startScriptedServer } from '../../../test/support/scripted-server.ts';
import type { AccountsAuth } from '../accounts-client.ts';
import { createConditionalGetter } from './conditional-get.ts';
import { createLiveService, type LiveService } from './live-service.ts';

let server: ScriptedServer | undefined;
let live: LiveService | undefined;
afterEach(async () => {
  await live?.stop();
  await server?.close();
  live = undefined;
  server = undefined;
});

function auth(): AccountsAuth & { renew: ReturnType<typeof vi.fn>; rejectedAgain: ReturnType<typeof vi.fn> } {
  let token = 'old';
  return {
    accessToken: async () => token,
    renew: vi.fn(async () => {
      token = 'new';
      return token;
    }),
    rejectedAgain: vi.fn(async (detail: string) => {
      throw new Error(detail);
    }),
  };
}

describe('live connection auth', () => {
  it('renews the token once after a 401 and opens the stream with the new one', async () => {
    server = await startScriptedServer();
    const seen: string[] = [];
    server.on('/api/v1/events', (req, res) => {
      seen.push(req.headers.authorization ?? '');
      if (req.headers.authorization !== 'Bearer new')
        return json(res, 401, { error: 'unauthenticated', message: 'x' });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: ready\ndata: {"lastEventId":"7"}\n\n');
    });
    const a = auth();
    let cursor: string | undefined;
    live = createLiveService({
      baseUrl: server.url,
      auth: a,
      isSignedIn: () => true,
      cursor: { get: () => cursor, set: (id) => (cursor = id) },
      onEvents: () => {},
      onRefresh: () => {},
      onStatus: () => {},
      log: () => {},
    });
    live.start();
    await expect.poll(() => live?.status().connection).toBe('push');
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(a.renew).toHaveBeenCalledTimes(1);
    expect(cursor).toBe('7');
  });

  it('conditional GETs: 401 → one renewal → retry; a second 401 goes to the session', async () => {
    server = await startScriptedServer();
    server.on('/api/v1/payout-methods', (req, res) =>
      req.headers.authorization === 'Bearer new'
        ? json(res, 200, { items: [] })
        : json(res, 401, { error: 'unauthenticated', message: 'x' }),
    );
    server.on('/api/v1/terms', (_req, res) => json(res, 401, { error: 'unauthenticated', message: 'x' }));
    const a = auth();
    const get = createConditionalGetter({ baseUrl: server.url, auth: a, fetch });
    expect(await get.get('listPayoutMethods')).toEqual({ changed: true, body: { items: [] } });
    expect(a.renew).toHaveBeenCalledTimes(1);
    await expect(get.get('getTerms')).rejects.toThrow(/401/);
    expect(a.rejectedAgain).toHaveBeenCalledTimes(1);
  });
});
