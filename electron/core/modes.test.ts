// The three modes of issue 13, and choosing one at run time: the welcome (no mode yet) runs
// nothing; demo starts the embedded sandbox only when chosen; link mode has no sandbox, no sign-in
// and no live updates, and serves the saved link; switching keeps what every mode saved.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, type BridgeEventMessage } from '../../shared/bridge.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { json, type ScriptedServer, startScriptedServer } from '../../test/support/scripted-server.ts';
import { type Companion, startCompanion, startingMode } from './companion.ts';
import { createMemorySettingsStorage } from './settings/settings-storage.ts';
import type { TrayModel } from './tray/tray-model.ts';

const LINK = 'https://accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D';
let server: ScriptedServer | undefined;
let companion: Companion | undefined;

afterEach(async () => {
  await companion?.close();
  companion = undefined;
  await server?.close();
  server = undefined;
});

async function fakeSandbox() {
  server = await startScriptedServer();
  // Any API call in the wrong mode shows up as a request here.
  server.on('/api/v1/me', (_req, res) => json(res, 401, { error: 'unauthenticated', message: 'Sign in.' }));
  const close = vi.fn(async () => {});
  const url = server.url;
  return { start: vi.fn(async () => ({ url, close })), close };
}

async function start(
  initial: Partial<Settings> = {},
  extra: { mode?: 'demo' | 'link' | 'server'; accountsUrl?: string } = {},
) {
  const sandbox = await fakeSandbox();
  const storage = createMemorySettingsStorage({ ...DEFAULT_SETTINGS, ...initial });
  companion = await startCompanion({
    version: '1',
    shell: 'browser',
    startDemoSandbox: sandbox.start,
    settings: storage,
    ...extra,
  });
  const events: BridgeEventMessage[] = [];
  companion.events.subscribe((message) => events.push(message));
  return { companion, sandbox, storage, events };
}

describe('startingMode', () => {
  it('takes the flag, then an accounts URL given, then the saved choice, else asks', () => {
    const saved = { ...DEFAULT_SETTINGS, mode: 'link' as const };
    expect(startingMode({ mode: 'demo', accountsUrl: 'https://a.example/' }, saved)).toBe('demo');
    expect(startingMode({ accountsUrl: 'https://a.example/' }, saved)).toBe('server');
    expect(startingMode({ accountsUrl: '  ' }, saved)).toBe('link');
    expect(startingMode({}, { ...DEFAULT_SETTINGS, accountsUrl: 'https://a.example/' })).toBe('server');
    expect(startingMode({}, DEFAULT_SETTINGS)).toBeNull();
  });
});

describe('modes', () => {
  it('before a mode is chosen, starts no sandbox and offers no sign-in', async () => {
    const { companion, sandbox } = await start();
    expect(companion.info).toEqual({ version: '1', mode: 'unchosen', accountsUrl: null, shell: 'browser' });
    expect(sandbox.start).not.toHaveBeenCalled();
    expect(await companion.handlers.getSession({})).toMatchObject({ state: 'signed-out' });
    expect(await companion.handlers.signIn({})).toMatchObject({
      state: 'signed-out',
      reason: { code: 'failed' },
    });
    expect([...(server?.hits.keys() ?? [])]).toEqual([]);
  });

  it('link mode serves the saved link, with no sandbox, no sign-in and nothing polled', async () => {
    const { companion, sandbox } = await start({ mode: 'link', referralLink: LINK });
    expect(companion.info.mode).toBe('link');
    expect(sandbox.start).not.toHaveBeenCalled();
    expect(await companion.handlers.getReferral({})).toEqual({
      code: 'AB+CD/9=',
      link: LINK,
      linkBase: 'https://accounts.quantower.com/referral',
    });
    expect(await companion.handlers.getLiveStatus({})).toMatchObject({ connection: 'signed-out' });
    await expect(companion.handlers.getEarnings({})).rejects.toBeInstanceOf(BridgeError);
    expect(companion.firstPaint([]).referral?.link).toBe(LINK);
    expect([...(server?.hits.keys() ?? [])]).toEqual([]);
  });

  it('link mode without a saved link refuses getReferral with a reason, and the tray cannot copy', async () => {
    const { companion } = await start({ mode: 'link' });
    await expect(companion.handlers.getReferral({})).rejects.toMatchObject({ code: 'rejected' });
    const copy = companion.live.tray
      .model()
      .menu.find((item) => item.type === 'action' && item.action === 'copy-link');
    expect(copy).toMatchObject({ enabled: false });
  });

  it('link mode: the tray copies the saved link, and follows a newly saved one', async () => {
    const { companion, events } = await start({ mode: 'link', referralLink: LINK });
    const copied: string[] = [];
    const drawn: TrayModel[] = [];
    companion.live.tray.attach({
      render: (model) => drawn.push(model),
      copyText: async (text) => {
        copied.push(text);
      },
      showWindow: () => {},
      quit: () => {},
    });
    expect(drawn.at(-1)?.menu.find((i) => i.type === 'action' && i.action === 'copy-link')).toMatchObject({
      enabled: true,
    });
    await companion.live.tray.act('copy-link');
    expect(copied).toEqual([LINK]);

    const next = 'https://accounts.quantower.com/referral?referral_code=NEW1';
    await companion.handlers.updateSettings({ referralLink: next });
    expect(events.find((m) => m.event === 'referralChanged')?.payload).toMatchObject({
      code: 'NEW1',
      link: next,
    });
    await companion.live.tray.act('copy-link');
    expect(copied).toEqual([LINK, next]);
  });

  it('settings refuse a link that is not the one builder’s', async () => {
    const { companion } = await start({ mode: 'link' });
    const { SettingsPatch } = await import('../../shared/settings.ts');
    for (const bad of [
      'https://evil.example/referral?referral_code=AB',
      'https://www.accounts.quantower.com/referral?referral_code=AB',
      'AB+CD',
    ]) {
      expect(SettingsPatch.safeParse({ referralLink: bad }).success).toBe(false);
    }
    expect((await companion.handlers.getSettings({})).referralLink).toBeNull();
  });

  it('choosing demo at run time starts the sandbox then; leaving it closes it; the link is kept', async () => {
    const { companion, sandbox, events } = await start({ referralLink: LINK });
    await companion.handlers.updateSettings({ mode: 'demo' });
    expect(sandbox.start).toHaveBeenCalledOnce();
    expect(companion.info).toMatchObject({ mode: 'demo', accountsUrl: server?.url });
    expect(events.filter((m) => m.event === 'appInfoChanged').map((m) => m.payload)).toEqual([
      companion.info,
    ]);

    await companion.handlers.updateSettings({ mode: 'link' });
    expect(sandbox.close).toHaveBeenCalledOnce();
    expect(companion.info.mode).toBe('link');
    expect((await companion.handlers.getReferral({})).link).toBe(LINK);
    expect(await companion.handlers.getSettings({})).toMatchObject({ mode: 'link', referralLink: LINK });
  });

  it('a mode that cannot start is not kept: the running one stays, the choice is undone', async () => {
    const { companion, sandbox } = await start({ mode: 'link', referralLink: LINK });
    sandbox.start.mockRejectedValueOnce(new Error('The demo database is locked.'));
    await expect(companion.handlers.updateSettings({ mode: 'demo' })).rejects.toThrow(/locked/u);
    expect(companion.info.mode).toBe('link');
    expect(await companion.handlers.getSettings({})).toMatchObject({ mode: 'link', referralLink: LINK });
    expect((await companion.handlers.getReferral({})).link).toBe(LINK);
  });

  it('server mode needs an address; with one it starts against it, never the sandbox', async () => {
    const { companion, sandbox } = await start();
    await expect(companion.handlers.updateSettings({ mode: 'server' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(companion.info.mode).toBe('unchosen');
    const url = server?.url as string;
    await companion.handlers.updateSettings({ mode: 'server', accountsUrl: url });
    expect(companion.info).toMatchObject({ mode: 'custom', accountsUrl: url });
    expect(sandbox.start).not.toHaveBeenCalled();
  });

  it('an accounts URL given at start means server mode', async () => {
    const sandboxServer = await startScriptedServer();
    try {
      const { companion, sandbox } = await start({}, { accountsUrl: sandboxServer.url });
      expect(companion.info).toMatchObject({ mode: 'custom', accountsUrl: sandboxServer.url });
      expect(sandbox.start).not.toHaveBeenCalled();
    } finally {
      await companion?.close();
      companion = undefined;
      await sandboxServer.close();
    }
  });

  it('server mode with no address anywhere refuses to start', async () => {
    await expect(start({}, { mode: 'server' })).rejects.toThrow(/accounts URL/u);
  });
});
