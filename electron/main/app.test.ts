import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeResult } from '../../shared/bridge.ts';
import { modeFromArgv, runCompanionApp } from './app.ts';
import { APP_ENTRY_URL, APP_ID } from './app-identity.ts';
import { BRIDGE_CALL_CHANNEL } from './ipc-channels.ts';
import {
  FakeBrowserWindow,
  FakeMenu,
  FakeWebContents,
  fakeElectron,
  resetFakeElectron,
} from './testing/fake-electron.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);
// electron-updater's autoUpdater as the glue sees it (updater.test.ts drives the real one).
const autoUpdater = vi.hoisted(() => ({
  autoDownload: true,
  autoInstallOnAppQuit: false,
  allowPrerelease: true,
  allowDowngrade: true,
  disableWebInstaller: false,
  logger: null as unknown,
  checkForUpdates: async (): Promise<unknown> => ({
    isUpdateAvailable: false,
    updateInfo: { version: '0.1.0' },
  }),
  downloadUpdate: async () => [],
  quitAndInstall: () => {},
  checks: 0,
}));
vi.mock('electron-updater', () => {
  // Counted once, however often the glue reads electron-updater's autoUpdater.
  const checkForUpdates = autoUpdater.checkForUpdates;
  autoUpdater.checkForUpdates = () => {
    autoUpdater.checks += 1;
    return checkForUpdates();
  };
  return { default: { autoUpdater } };
});

const { app } = fakeElectron;
let dataDir: string;
/** An installed app's layout: out/main beside the real resources (the strict fake reads its icons). */
let mainDir: string;
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
  mainDir = join(dataDir, 'app/out/main');
  await mkdir(join(dataDir, 'app'), { recursive: true });
  await symlink(
    fileURLToPath(new URL('../../resources', import.meta.url)),
    join(dataDir, 'app/resources'),
    'dir',
  );
});
afterEach(async () => {
  vi.unstubAllEnvs();
  setPlatform(platform);
  app.quit.mockReset();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(env: NodeJS.ProcessEnv = {}) {
  // An accounts URL means server mode; else demo mode, as these tests were written for it.
  const argv = env.COMPANION_ACCOUNTS_URL ? ['electron', '.'] : ['electron', '.', '--mode', 'demo'];
  const running = runCompanionApp({ mainDir }, env, argv);
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

describe('--mode on the Electron command line', () => {
  it('skips the welcome with demo, link or server, and leaves other switches alone', () => {
    expect(modeFromArgv(['electron', '.', '--mode', 'link'])).toEqual({ mode: 'link' });
    expect(modeFromArgv(['app.exe', '--mode=demo', '--enable-logging'])).toEqual({ mode: 'demo' });
    expect(modeFromArgv(['app.exe', '--enable-logging'])).toEqual({});
    expect(() => modeFromArgv(['app.exe', '--mode', 'sandbox'])).toThrow(/--mode must be/u);
    expect(() => modeFromArgv(['app.exe', '--mode'])).toThrow(/--mode must be/u);
  });
});

describe('the desktop app', () => {
  it('starts demo mode on the embedded sandbox and serves real data over the bridge', async () => {
    const { window, call } = await start();
    expect(window.options.webPreferences).toMatchObject({
      preload: join(dataDir, 'app/out/preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
    });
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();

    const info = await call('getAppInfo');
    expect(info).toMatchObject({
      ok: true,
      // Unpackaged (`electron .`): start at login registers nothing, so the UI hides its toggle.
      value: { mode: 'demo', shell: 'electron', version: '0.1.0-test', startAtLogin: false },
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

  it('sets the menu before the first window: none on Windows/Linux, app + Edit on macOS', async () => {
    // Packaged on Linux means an autostart entry is kept in step: not in the real home folder.
    vi.stubEnv('XDG_CONFIG_HOME', dataDir);
    for (const platform of ['win32', 'linux'] as const) {
      resetFakeElectron();
      app.isPackaged = true;
      setPlatform(platform);
      const { window } = await start();
      expect(FakeMenu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(null);
      expect(window).toBeDefined();
      await quit();
    }
    resetFakeElectron();
    app.isPackaged = true;
    setPlatform('darwin');
    const menuSet = new Promise<number>((resolve) =>
      FakeMenu.setApplicationMenu.mockImplementationOnce((menu) => {
        FakeMenu.applicationMenu = menu;
        resolve(FakeBrowserWindow.instances.length);
      }),
    );
    await start();
    expect(await menuSet).toBe(0); // no window existed yet
    const roles = (FakeMenu.applicationMenu as FakeMenu).template.map((item) => item.role);
    expect(roles).toEqual(['appMenu', 'editMenu']);
    await quit();
  });

  it('offers Reload and DevTools only in development', async () => {
    setPlatform('linux');
    await start();
    const menu = FakeMenu.applicationMenu as FakeMenu;
    expect(JSON.stringify(menu.template)).toContain('toggleDevTools');
    expect(menu.template.map((item) => item.role ?? item.label)).toEqual(['editMenu', 'View']);
    await quit();
  });

  it('takes the quit path when Windows ends the session, without a quit event', async () => {
    const { window, call } = await start();
    const info = (await call('getAppInfo')) as { ok: true; value: { accountsUrl: string } };
    // A move not yet saved when the session ends.
    window.bounds = { x: 700, y: 300, width: 380, height: 600 };
    window.emit('moved');
    const quitCalled = new Promise<void>((resolve) => app.quit.mockImplementation(() => resolve()));
    window.emit('session-end', { reasons: ['shutdown'] });
    expect(fakeElectron.ipcMain.handlers.has(BRIDGE_CALL_CHANNEL)).toBe(false);
    const state = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'));
    expect(state.displays['1']).toMatchObject({ x: 700, y: 300 });
    await quitCalled;
    // The companion (and its demo sandbox) was closed before the quit.
    await expect(fetch(new URL('api/v1/me', info.value.accountsUrl))).rejects.toThrow();
  });

  it('delays a Linux/macOS shutdown until the quit path has run', async () => {
    const { call } = await start();
    const info = (await call('getAppInfo')) as { ok: true; value: { accountsUrl: string } };
    const quitCalled = new Promise<void>((resolve) => app.quit.mockImplementation(() => resolve()));
    const event = { preventDefault: vi.fn() };
    fakeElectron.powerMonitor.emit('shutdown', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await quitCalled;
    await expect(fetch(new URL('api/v1/me', info.value.accountsUrl))).rejects.toThrow();
  });

  it('tells npm start its window is up (a crash before that makes npm start fall back)', async () => {
    const startedFile = join(dataDir, 'started');
    await start({ COMPANION_STARTED_FILE: startedFile });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(readFileSync(startedFile, 'utf8')).toBe(String(process.pid));
    await quit();
  });

  it('has no updater in a development run, and checks at start when packaged', async () => {
    autoUpdater.checks = 0; // packaged starts in earlier tests checked too
    const dev = await start();
    expect(await dev.call('getUpdateStatus')).toMatchObject({ ok: true, value: { state: 'unsupported' } });
    expect(autoUpdater.checks).toBe(0);
    await quit();

    resetFakeElectron();
    app.getPath.mockImplementation(() => dataDir);
    app.isPackaged = true;
    const packaged = await start();
    await vi.waitFor(async () =>
      expect(await packaged.call('getUpdateStatus')).toMatchObject({
        value: { state: 'idle', lastCheck: { ok: true } },
      }),
    );
    expect(autoUpdater.checks).toBe(1);
    // Core decides downloads and restarts; electron-updater only installs on quit.
    expect(autoUpdater).toMatchObject({
      autoDownload: false,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
    });
    await quit();
  });

  it('opens the logs folder in userData, where the companion logged its start', async () => {
    const { call } = await start();
    expect(await call('openLogsFolder')).toEqual({ ok: true, value: { opened: true } });
    expect(fakeElectron.shell.openPath).toHaveBeenCalledWith(join(dataDir, 'logs'));
    await quit();
    const log = await readFile(join(dataDir, 'logs', 'companion.log'), 'utf8');
    expect(log).toContain('"msg":"started 0.1.0-test (electron, demo)"');
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
