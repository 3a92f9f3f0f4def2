import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeResult } from '../../shared/bridge.ts';
import { runCompanionApp } from './app.ts';
import { APP_ENTRY_URL, APP_ID } from './app-identity.ts';
import { BRIDGE_CALL_CHANNEL } from './ipc-channels.ts';
import {
  FakeBrowserWindow,
  FakeWebContents,
  fakeElectron,
  resetFakeElectron,
} from './testing/fake-electron.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);

const { app } = fakeElectron;
let dataDir: string;
const platform = process.platform;

function setPlatform(value: NodeJS.Platform) {
  Object.defineProperty(process, 'platform', { value, configurable: true });
}

/** Plays Electron's quit sequence until the app stops preventing it; resolves when it quits. */
async function quit() {
  const quitted = new Promise<void>((resolve) => {
    app.quit.mockImplementation(() => {
      const event = { preventDefault: vi.fn() };
      app.emit('will-quit', event);
      if (!event.preventDefault.mock.calls.length) resolve();
    });
  });
  app.quit();
  await quitted;
}

beforeEach(async () => {
  resetFakeElectron();
  dataDir = await mkdtemp(join(tmpdir(), 'companion-app-'));
  app.getPath.mockImplementation(() => dataDir);
});
afterEach(async () => {
  setPlatform(platform);
  app.quit.mockReset();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(env: NodeJS.ProcessEnv = {}) {
  const running = runCompanionApp({ mainDir: '/opt/companion/out/main' }, env);
  await running.ready;
  const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
  const call = fakeElectron.ipcMain.handlers.get(BRIDGE_CALL_CHANNEL) as (
    event: unknown,
    method: string,
    input: unknown,
  ) => Promise<BridgeResult>;
  const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  return { window, call: (method: string) => call(fromWindow, method, {}) };
}

describe('the desktop app', () => {
  it('starts demo mode on the embedded sandbox and serves real data over the bridge', async () => {
    const { window, call } = await start();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/companion/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
    });
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();

    const info = await call('getAppInfo');
    expect(info).toMatchObject({
      ok: true,
      value: { mode: 'demo', shell: 'electron', version: '0.1.0-test' },
    });
    // Through the bridge and core to the embedded sandbox over HTTP: either the referral, or the
    // sandbox's own answer that a sign-in is needed first (never a bridge or transport failure).
    const referral = await call('getReferral');
    if (referral.ok)
      expect(referral.value).toMatchObject({ link: expect.stringContaining('referral_code=') });
    else expect(referral.error.code).toBe('rejected');
    await quit();
  });

  it('gives core the OS\'s preferred languages: a "system" language follows the OS in the tray', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['ru-RU', 'en-US']);
    const { call } = await start();
    const tray = await call('getTray');
    expect(tray).toMatchObject({
      ok: true,
      value: { tooltip: expect.stringMatching(/^Реферальный компаньон — /u) },
    });
    await quit();
  });

  it('denies every permission request and check', async () => {
    await start();
    const { setPermissionRequestHandler, setPermissionCheckHandler } = fakeElectron.session.defaultSession;
    const answer = vi.fn();
    setPermissionRequestHandler.mock.calls[0]?.[0](null, 'notifications', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(setPermissionCheckHandler.mock.calls[0]?.[0]()).toBe(false);
    await quit();
  });

  it('holds any other web contents to the same deny-by-default rules, opening nothing', async () => {
    await start();
    const other = new FakeWebContents();
    other.type = 'webview';
    app.emit('web-contents-created', {}, other);
    expect(other.navigate('will-navigate', 'https://t.me/quantower')).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://t.me/quantower' })).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
    await quit();
  });

  it('uses a configured accounts URL without starting the sandbox', async () => {
    const { call } = await start({ COMPANION_ACCOUNTS_URL: 'https://accounts.example.com/' });
    expect(await call('getAppInfo')).toMatchObject({
      ok: true,
      value: { mode: 'custom', accountsUrl: 'https://accounts.example.com/' },
    });
    await quit();
  });

  it('loads the dev server in development and trusts only its origin', async () => {
    const { window, call } = await start({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(fakeElectron.protocol.handle).not.toHaveBeenCalled();
    expect(await call('getAppInfo')).toMatchObject({ ok: true });
    expect(window.webContents.navigate('will-navigate', 'app://companion/index.html')).toBe(true);
    await quit();
  });

  it('refuses a dev server URL it cannot take an origin from', () => {
    expect(() => runCompanionApp({ mainDir: '/x' }, { ELECTRON_RENDERER_URL: 'nonsense' })).toThrow(
      /ELECTRON_RENDERER_URL/,
    );
  });

  it('closes the companion (and its sandbox) before quitting', async () => {
    const { call } = await start();
    const info = (await call('getAppInfo')) as { ok: true; value: { accountsUrl: string } };
    await expect(fetch(new URL('api/v1/me', info.value.accountsUrl))).resolves.toBeDefined();
    await quit();
    await expect(fetch(new URL('api/v1/me', info.value.accountsUrl))).rejects.toThrow();
    expect(fakeElectron.ipcMain.handlers.has(BRIDGE_CALL_CHANNEL)).toBe(false);
  });

  it('quits a second instance at once and focuses the first one', async () => {
    const { window } = await start();
    window.minimized = true;
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    await quit();

    resetFakeElectron();
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await runCompanionApp({ mainDir: '/x' }, {}).ready;
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS where it reopens on activate', async () => {
    setPlatform('linux');
    const first = await start();
    app.quit.mockImplementationOnce(() => {});
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
    await quit();

    resetFakeElectron();
    setPlatform('darwin');
    const second = await start();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    second.window.destroyed = true;
    app.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(FakeBrowserWindow.instances[1]?.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(first.window).not.toBe(second.window);
    await quit();
  });

  it('sets the app identity: Windows AppUserModelID and the About panel', async () => {
    setPlatform('win32');
    await start();
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_ID);
    expect(app.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({
        applicationName: 'Referral Companion for Quantower',
        applicationVersion: '0.1.0-test',
      }),
    );
    await quit();
  });

  it('tells the user and quits when the companion cannot start', async () => {
    const { window } = await start({ COMPANION_ACCOUNTS_URL: 'not a url' }).catch(() => ({
      window: undefined,
    }));
    expect(window).toBeUndefined();
    expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Referral Companion could not start',
      expect.stringMatching(/URL/i),
    );
    expect(app.quit).toHaveBeenCalled();
  });

  it('says so in the OS language when the companion cannot start', async () => {
    app.getPreferredSystemLanguages.mockReturnValue(['ru-RU']);
    await start({ COMPANION_ACCOUNTS_URL: 'not a url' }).catch(() => undefined);
    expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Не удалось запустить Реферальный компаньон',
      expect.any(String),
    );
  });
});
