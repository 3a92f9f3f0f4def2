import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../sandbox/server.ts';
import type { ReferralInfo } from '../../shared/accounts-api.ts';
import { BridgeResult, type ReferralView } from '../../shared/bridge.ts';
import { FirstPaint } from '../../shared/first-paint.ts';
import { sandboxAuthHeaders, signInThroughBrowser } from '../../test/support/sandbox-sign-in.ts';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../core/content-security-policy.ts';
import { DEMO_SANDBOX_FILE } from '../core/demo-sandbox.ts';
import { createMemorySecretStore } from '../core/secrets/secret-store.ts';
import { type BrowserShell, MAX_BRIDGE_BODY_BYTES, startBrowserShell } from './server.ts';
import { FAKE_RENDERER_CSS, fakeRendererBuild, type RawResponse, rawRequest } from './test-support.ts';

let sandbox: RunningSandbox;
let shell: BrowserShell;
let cookie: string;

beforeAll(async () => {
  sandbox = await startSandbox({ mode: 'test' });
  const build = await fakeRendererBuild();
  shell = await startBrowserShell({
    accountsUrl: sandbox.url,
    secrets: createMemorySecretStore(),
    dataDir: await mkdtemp(join(tmpdir(), 'browser-shell-data-')),
    ...build,
  });
  const exchange = await get(`/?k=${secretOf(shell)}`);
  cookie = (exchange.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await shell?.close();
  await sandbox?.close();
});

function secretOf(s: BrowserShell): string {
  return new URL(s.url).searchParams.get('k') ?? '';
}
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({ port: shell.port, path, headers });
}
function call(method: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port: shell.port,
    path: `/bridge/call/${method}`,
    method: 'POST',
    headers: { cookie, origin: shell.origin, 'content-type': 'application/json', ...headers },
    body,
  });
}
function envelope(response: RawResponse): BridgeResult {
  return BridgeResult.parse(JSON.parse(response.body));
}

describe('the secret', () => {
  it('prints a URL on 127.0.0.1 with a 32-byte secret', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[A-Za-z0-9_-]{43}$/u);
    expect(shell.origin).toBe(`http://127.0.0.1:${shell.port}`);
  });

  it('is traded for an HttpOnly SameSite=Strict cookie, with the page that drops it from the address', async () => {
    const response = await get(`/?k=${secretOf(shell)}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('<script defer src="/shell/web-bridge.js"></script>');
    const setCookie = response.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^companion_session_${shell.port}=`, 'u'));
    expect(setCookie).toMatch(/HttpOnly/u);
    expect(setCookie).toMatch(/SameSite=Strict/u);
    expect(setCookie).toMatch(/Path=\//u);
    expect(setCookie).not.toContain(secretOf(shell));
  });

  it('refuses a wrong secret', async () => {
    const response = await get('/?k=not-the-secret');
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses the page, assets and the bridge without the cookie or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/shell/web-bridge.js']) {
      expect((await get(path)).status, path).toBe(403);
      expect((await get(path, { cookie: `companion_session_${shell.port}=forged` })).status, path).toBe(403);
    }
    const bridge = await call('getAppInfo', '{}', { cookie: '' });
    expect(bridge.status).toBe(403);
    expect(envelope(bridge)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await get('/bridge/events')).status).toBe(403);
  });
});

describe('Host and Origin checks', () => {
  it('refuses a Host that is not this server (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${shell.port}`,
      '127.0.0.1',
      `127.0.0.1:${shell.port + 1}`,
    ]) {
      const response = await get('/', { host, cookie });
      expect(response.status, host).toBe(403);
    }
  });

  it('accepts localhost on its own port as well', async () => {
    expect((await get('/', { host: `localhost:${shell.port}`, cookie })).status).toBe(200);
  });

  it('refuses another origin, even on 127.0.0.1 with another port', async () => {
    for (const origin of [`http://127.0.0.1:${shell.port + 1}`, 'http://evil.example', 'null']) {
      const response = await call('getAppInfo', '{}', { origin });
      expect(response.status, origin).toBe(403);
      expect(envelope(response)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await get('/', { cookie, origin })).status, origin).toBe(403);
    }
  });

  it('refuses a bridge call without an Origin, or flagged cross-site by the browser', async () => {
    const noOrigin = await rawRequest({
      port: shell.port,
      path: '/bridge/call/getAppInfo',
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
    expect((await call('getAppInfo', '{}', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await call('getAppInfo', '{}', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

describe('the bridge over HTTP', () => {
  it('answers a call with the real core against a real sandbox', async () => {
    const started = envelope(await call('signIn', '{}')) as { value: { authorizeUrl: string } };
    await signInThroughBrowser(started.value.authorizeUrl);
    await vi.waitFor(async () =>
      expect(envelope(await call('getSession', '{}'))).toMatchObject({ value: { state: 'signed-in' } }),
    );
    const response = await call('getReferral', '{}');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/u);
    const result = envelope(response);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    const headers = await sandboxAuthHeaders(sandbox.url);
    const served = (await (
      await fetch(new URL('api/v1/referral', sandbox.url), { headers })
    ).json()) as ReferralInfo;
    const view = (result as { value: ReferralView }).value;
    expect(view.link).toBe(served.link);
    expect(view.code).toBe(served.code);
    // Signed out again for the tests that follow.
    expect(envelope(await call('signOut', '{}'))).toMatchObject({ value: { state: 'signed-out' } });
  });

  it('routes the other core methods too (session, settings)', async () => {
    expect(envelope(await call('getSession', '{}'))).toMatchObject({
      ok: true,
      value: { state: 'signed-out', storage: 'memory' },
    });
    expect(envelope(await call('getSettings', '{}'))).toMatchObject({ ok: true });
  });

  it('reports the browser shell and the configured accounts URL', async () => {
    const result = envelope(await call('getAppInfo', ''));
    expect(result).toMatchObject({
      ok: true,
      value: { shell: 'browser', mode: 'custom', accountsUrl: sandbox.url },
    });
  });

  it('turns invalid input into invalid-input', async () => {
    expect(envelope(await call('getReferral', '{"extra":1}'))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const notJson = await call('getReferral', '{oops');
    expect(notJson.status).toBe(400);
    expect(envelope(notJson)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const wrongType = await call('getReferral', '{}', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(envelope(wrongType)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a body over the size limit', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_BRIDGE_BODY_BYTES) });
    const response = await call('getReferral', big);
    expect(response.status).toBe(413);
    expect(envelope(response)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers unknown methods, and methods the page answers itself, with unknown-method', async () => {
    for (const method of ['doesNotExist', '__proto__', 'copyText']) {
      expect(envelope(await call(method, '{}')), method).toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
  });
});

describe('events over SSE', () => {
  it('delivers core events, and cleans up when the page goes away', async () => {
    let resolve: (data: string) => void = () => {};
    let reject: (error: Error) => void = () => {};
    const promise = new Promise<string>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    let emitted = false;
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: shell.port,
        path: '/bridge/events',
        headers: { cookie, accept: 'text/event-stream' },
      },
      (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/u);
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected') && !emitted) {
            emitted = true;
            shell.companion.events.emit('referralChanged', referralView);
          }
          const match = /event: referralChanged\ndata: (.*)\n\n/u.exec(text);
          if (match?.[1]) resolve(match[1]);
        });
      },
    );
    req.on('error', reject);
    req.end();
    const referralView: ReferralView = {
      code: 'NEW+CODE',
      link: 'https://accounts.quantower.com/referral?referral_code=NEW%2BCODE',
      linkBase: 'https://accounts.quantower.com/referral',
      partner: { partnerId: 'p1', email: 'p1@example.com', displayName: 'P One' },
    };
    expect(JSON.parse(await promise)).toEqual(referralView);
    expect(shell.eventStreamCount).toBe(1);
    req.destroy();
    await expect.poll(() => shell.eventStreamCount, { timeout: 5_000 }).toBe(0);
  });
});

describe('serving the renderer', () => {
  it('serves index.html with the security headers and the web bridge before the app', async () => {
    const response = await get('/', { cookie });
    expect(response.status).toBe(200);
    // The page's policy also allows its own inlined stylesheet, by hash (docs/first-paint.md).
    const styleHash = `sha256-${createHash('sha256').update(FAKE_RENDERER_CSS).digest('base64')}`;
    expect(response.headers['content-security-policy']).toBe(
      contentSecurityPolicy({ styleHashes: [styleHash] }),
    );
    expect(response.body).toContain(`<style>${FAKE_RENDERER_CSS}</style>`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    const bridgeAt = response.body.indexOf('<script defer src="/shell/web-bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(-1);
    expect(bridgeAt).toBeLessThan(response.body.indexOf('<script type="module"'));
  });

  it('pre-renders the page from the state core holds, in the languages the browser asks for, and embeds it', async () => {
    const response = await get('/', { cookie, 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
    expect(response.body).toContain(
      '<div id="root" inert><p data-testid="pre">signed-out|referral|ru-RU ru en</p></div>',
    );
    const json = /<script type="application\/json" id="first-paint">([^<]*)<\/script>/u.exec(
      response.body,
    )?.[1];
    const state = FirstPaint.parse(JSON.parse(json ?? 'null'));
    expect(state.appInfo).toEqual(shell.companion.info);
    expect(state.session).toEqual(await shell.companion.handlers.getSession({}));
    expect(state.earnings).toBeNull();
  });

  it('serves assets and the page script with the CSP', async () => {
    const asset = await get('/assets/app.js', { cookie });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log("app");');
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const script = await get('/shell/web-bridge.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/u);
  });

  it('refuses path traversal', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const response = await get(path, { cookie });
      expect(response.status, path).not.toBe(200);
      expect(response.body, path).not.toContain('outside the bundle');
    }
  });
});

describe('binding', () => {
  it('listens on 127.0.0.1 only', async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    if (outside) {
      await expect(rawRequest({ port: shell.port, path: '/', address: outside.address })).rejects.toThrow(
        /ECONNREFUSED/u,
      );
    }
    await expect(rawRequest({ port: shell.port, path: '/', address: '::1' })).rejects.toThrow();
    expect((await rawRequest({ port: shell.port, path: '/' })).status).toBe(403);
  });
});

describe('starting', () => {
  it('runs demo mode on the embedded sandbox in the data dir when asked for it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'browser-shell-demo-'));
    const demo = await startBrowserShell({
      dataDir,
      mode: 'demo',
      secrets: createMemorySecretStore(),
      ...(await fakeRendererBuild()),
    });
    try {
      expect(demo.companion.info).toMatchObject({ mode: 'demo', shell: 'browser' });
      expect(existsSync(join(dataDir, DEMO_SANDBOX_FILE))).toBe(true);
    } finally {
      await demo.close();
    }
  });

  it('fails clearly, before starting anything, when the renderer is not built', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'browser-shell-nobuild-'));
    await expect(startBrowserShell({ dataDir, rendererDir: join(dataDir, 'missing') })).rejects.toThrow(
      /npm run build:renderer/u,
    );
    expect(existsSync(join(dataDir, DEMO_SANDBOX_FILE))).toBe(false);
  });

  it('fails clearly when the port is taken', async () => {
    await expect(
      startBrowserShell({
        accountsUrl: sandbox.url,
        dataDir: tmpdir(),
        port: shell.port,
        ...(await fakeRendererBuild()),
      }),
    ).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+/u);
  });
});
