import { afterEach, describe, expect, it, vi } from 'vitest';
import { FirstPaint } from '../../shared/first-paint.ts';
import { buildReferralLink } from '../../shared/referral-link.ts';
import { json, type ScriptedServer, startScriptedServer } from '../../test/support/scripted-server.ts';
import { SCRIPTED_ACCESS_TOKEN, scriptedSignIn } from '../../test/support/scripted-sign-in.ts';
import { startCompanion } from './companion.ts';
import { createMemoryReferralCache } from './referral-cache.ts';
import { createMemorySettingsStorage } from './settings/settings-storage.ts';

const profile = { partnerId: 'p1', email: 'demo@example.com', displayName: 'Demo Partner' };
const linkBase = 'https://accounts.quantower.com/referral';
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function accounts(code: () => string) {
  server = await startScriptedServer();
  // Only the signed-in companion's bearer token is served (see scriptedSignIn).
  const signedIn = (authorization: string | undefined) => authorization === `Bearer ${SCRIPTED_ACCESS_TOKEN}`;
  const unauthenticated = { error: 'unauthenticated', message: 'Sign in first.' };
  server.on('/api/v1/me', (req, res) =>
    signedIn(req.headers.authorization) ? json(res, 200, profile) : json(res, 401, unauthenticated),
  );
  server.on('/api/v1/referral', (req, res) =>
    signedIn(req.headers.authorization)
      ? json(res, 200, { code: code(), linkBase, link: buildReferralLink(code(), linkBase) })
      : json(res, 401, unauthenticated),
  );
  return server;
}

describe('startCompanion', () => {
  it('uses the configured accounts URL and never starts the demo sandbox', async () => {
    const s = await accounts(() => 'QT+1');
    const startDemoSandbox = vi.fn();
    const companion = await startCompanion({
      accountsUrl: s.url,
      version: '1.2.3',
      shell: 'browser',
      startDemoSandbox,
      settings: createMemorySettingsStorage(),
      secrets: await scriptedSignIn(s),
    });
    expect(startDemoSandbox).not.toHaveBeenCalled();
    expect(await companion.handlers.getAppInfo({})).toEqual({
      version: '1.2.3',
      mode: 'custom',
      accountsUrl: s.url,
      shell: 'browser',
    });
    await expect(companion.handlers.getReferral({})).resolves.toMatchObject({
      code: 'QT+1',
      partner: profile,
    });
    await companion.close();
  });

  it('starts the demo sandbox in demo mode when no accounts URL is set, and closes it', async () => {
    const s = await accounts(() => 'QT+1');
    const close = vi.fn(async () => {});
    const companion = await startCompanion({
      accountsUrl: '  ',
      mode: 'demo',
      version: '1.0.0',
      shell: 'electron',
      startDemoSandbox: async () => ({ url: s.url, close }),
      settings: createMemorySettingsStorage(),
    });
    expect(companion.info.mode).toBe('demo');
    expect(companion.info.accountsUrl).toBe(s.url);
    await companion.close();
    expect(close).toHaveBeenCalledOnce();
  });

  it('refuses a malformed accounts URL up front', async () => {
    await expect(
      startCompanion({
        accountsUrl: 'not a url',
        version: '1',
        shell: 'browser',
        startDemoSandbox: vi.fn(),
        settings: createMemorySettingsStorage(),
      }),
    ).rejects.toThrow(TypeError);
  });

  it('emits referralChanged when the served referral changes, not on every read', async () => {
    let code = 'QT+1';
    const s = await accounts(() => code);
    const companion = await startCompanion({
      accountsUrl: s.url,
      version: '1',
      shell: 'browser',
      startDemoSandbox: vi.fn(),
      settings: createMemorySettingsStorage(),
      secrets: await scriptedSignIn(s),
    });
    const seen: unknown[] = [];
    // Only referral changes: signed in, other features (live status) have their own events.
    companion.events.subscribe((message) => {
      if (message.event === 'referralChanged') seen.push(message);
    });
    await companion.handlers.getReferral({});
    await companion.handlers.getReferral({});
    expect(seen).toEqual([]);
    code = 'QT+2';
    await companion.handlers.getReferral({});
    expect(seen).toMatchObject([{ event: 'referralChanged', payload: { code: 'QT+2' } }]);
  });

  it('refuses a server whose link does not match its code', async () => {
    server = await startScriptedServer();
    server.on('/api/v1/me', (_req, res) => json(res, 200, profile));
    // '+' left raw: a browser would read it as a space and attribute nobody.
    server.on('/api/v1/referral', (_req, res) =>
      json(res, 200, { code: 'QT+1', linkBase, link: `${linkBase}?referral_code=QT+1` }),
    );
    const companion = await startCompanion({
      accountsUrl: server.url,
      version: '1',
      shell: 'browser',
      startDemoSandbox: vi.fn(),
      settings: createMemorySettingsStorage(),
      secrets: await scriptedSignIn(server),
    });
    await expect(companion.handlers.getReferral({})).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});

describe('firstPaint', () => {
  it('is what the UI shows first, from memory and the caches only, and a restart keeps the referral', async () => {
    const s = await accounts(() => 'QT+1');
    const referralCache = createMemoryReferralCache();
    const start = async () =>
      startCompanion({
        accountsUrl: s.url,
        version: '1.0.0',
        shell: 'browser',
        startDemoSandbox: vi.fn(),
        settings: createMemorySettingsStorage(),
        secrets: await scriptedSignIn(s),
        referralCache,
      });
    const first = await start();
    const before = first.firstPaint(['ru-RU']);
    expect(before).toMatchObject({
      appInfo: first.info,
      session: { state: 'signed-in', email: profile.email },
      earnings: { snapshot: null, error: null },
      // Nothing read yet: no referral to draw.
      referral: null,
      systemLanguages: ['ru-RU'],
    });
    expect(FirstPaint.parse(before)).toEqual(before);
    const referral = await first.handlers.getReferral({});
    expect(first.firstPaint([]).referral).toEqual(referral);
    await first.close();

    // The next start draws the link before the server has been asked.
    const asked = s.hits.get('/api/v1/referral');
    const second = await start();
    expect(second.firstPaint([]).referral).toEqual(referral);
    expect(s.hits.get('/api/v1/referral')).toBe(asked);
    // Signed out: no account's data at all.
    await second.handlers.signOut({});
    expect(second.firstPaint([])).toMatchObject({
      session: { state: 'signed-out' },
      earnings: null,
      referral: null,
    });
    await second.close();
  });
});
