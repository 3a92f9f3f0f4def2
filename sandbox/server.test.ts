import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, accountsPaths, Profile, ReferralInfo } from '../shared/accounts-api.ts';
import { DEFAULT_REFERRAL_LINK_BASE, parseReferralCode } from '../shared/referral-link.ts';
import { sandboxAuthHeaders } from '../test/support/sandbox-sign-in.ts';
import { DEMO_PARTNER } from './db/seed.ts';
import { type RunningSandbox, type SandboxOptions, startSandbox } from './server.ts';

const running: RunningSandbox[] = [];
async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox(options);
  running.push(sandbox);
  // Signed in up front, while the world is intact (a test may break it afterwards).
  if (sandbox.demoPartnerId) await authFor(sandbox);
  return sandbox;
}

/** The demo partner's bearer token per sandbox, from the real sign-in flow. */
const auth = new Map<RunningSandbox, Promise<{ authorization: string }>>();
function authFor(sandbox: RunningSandbox): Promise<{ authorization: string }> {
  let headers = auth.get(sandbox);
  if (!headers) {
    headers = sandboxAuthHeaders(sandbox.url);
    auth.set(sandbox, headers);
  }
  return headers;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function api(sandbox: RunningSandbox, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = sandbox.demoPartnerId ? await authFor(sandbox) : {};
  return fetch(new URL(path.replace(/^\//, ''), sandbox.url), {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
  });
}

describe('startSandbox', () => {
  it('binds 127.0.0.1 on a free port by default, with a trailing-slash URL', async () => {
    const sandbox = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(Number(new URL(sandbox.url).port)).toBeGreaterThan(0);
    const other = await start();
    expect(other.url).not.toBe(sandbox.url);
  });

  it('closes idempotently and stops answering', async () => {
    const sandbox = await start();
    await sandbox.close();
    await sandbox.close();
    await expect(api(sandbox, accountsPaths.profile)).rejects.toThrow();
    expect(sandbox.db.isOpen).toBe(false);
  });

  it('keeps its world in a file database across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-srv-'));
    try {
      const databasePath = join(dir, 'world.sqlite');
      const first = await startSandbox({ databasePath, mode: 'demo' });
      await first.close();
      const second = await startSandbox({ databasePath, mode: 'demo' });
      const profile = Profile.parse(await (await api(second, accountsPaths.profile)).json());
      expect(profile.partnerId).toBe(DEMO_PARTNER.id);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad port or mode', async () => {
    await expect(startSandbox({ port: 70_000 })).rejects.toThrow(RangeError);
    await expect(startSandbox({ mode: 'prod' as never })).rejects.toThrow(TypeError);
  });
});

describe('accounts API', () => {
  it('serves the demo partner profile', async () => {
    const sandbox = await start({ mode: 'demo' });
    const response = await api(sandbox, accountsPaths.profile);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(Profile.parse(await response.json())).toEqual({
      partnerId: DEMO_PARTNER.id,
      email: DEMO_PARTNER.email,
      displayName: DEMO_PARTNER.displayName,
    });
  });

  it('serves the referral link with the code percent-encoded', async () => {
    const sandbox = await start();
    const info = ReferralInfo.parse(await (await api(sandbox, accountsPaths.referral)).json());
    expect(info.code).toBe('QT+DEMO/42=');
    expect(info.linkBase).toBe(DEFAULT_REFERRAL_LINK_BASE);
    expect(info.link).toBe('https://accounts.quantower.com/referral?referral_code=QT%2BDEMO%2F42%3D');
    expect(parseReferralCode(info.link)).toBe(info.code);
  });

  it('uses the configured link base', async () => {
    const sandbox = await start({ linkBase: 'http://localhost:9999/r?lang=en' });
    const info = ReferralInfo.parse(await (await api(sandbox, accountsPaths.referral)).json());
    expect(info.link).toBe('http://localhost:9999/r?lang=en&referral_code=QT%2BDEMO%2F42%3D');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const sandbox = await start();
    const response = await api(sandbox, '/api/v1/nope');
    expect(response.status).toBe(404);
    expect(ApiError.parse(await response.json()).error).toBe('not-found');
  });

  it('answers a wrong method with a JSON 405 and an Allow header', async () => {
    const sandbox = await start();
    const response = await api(sandbox, accountsPaths.profile, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(ApiError.parse(await response.json()).error).toBe('method-not-allowed');
  });

  it('answers HEAD like GET without a body', async () => {
    const sandbox = await start();
    const response = await api(sandbox, accountsPaths.profile, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 401 in standalone mode, where no partner is seeded', async () => {
    const sandbox = await start({ mode: 'standalone' });
    expect(sandbox.demoPartnerId).toBeUndefined();
    const response = await api(sandbox, accountsPaths.profile);
    expect(response.status).toBe(401);
    expect(ApiError.parse(await response.json()).error).toBe('unauthenticated');
  });

  it('answers 500 without leaking internals', async () => {
    const sandbox = await start();
    // Foreign keys off, so the drop does not cascade into the sign-in (the token stays valid).
    sandbox.db.exec('PRAGMA foreign_keys = OFF; DROP TABLE accounts');
    const original = console.error;
    console.error = () => {};
    try {
      const response = await api(sandbox, accountsPaths.profile);
      expect(response.status).toBe(500);
      const body = ApiError.parse(await response.json());
      expect(body.error).toBe('internal');
      expect(JSON.stringify(body)).not.toMatch(/accounts|SQL|no such table/i);
    } finally {
      console.error = original;
    }
  });
});
