// The strict stand-in's rules, each shown to refuse what Electron refuses (or silently gets wrong)
// and to allow the correct use, so verify:desktop's verdicts can be trusted.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractProblems, runSandboxedPreload } from './preload-sandbox.ts';
import {
  createStrictElectron,
  ElectronRuleError,
  type Platform,
  type StrictElectronOptions,
  type StrictMenu,
} from './strict-electron.ts';

const icons = fileURLToPath(new URL('../../resources/icons/tray/', import.meta.url));
const PNG = join(icons, 'light/normal.png');
const ICO = join(icons, 'light/normal.ico');
const TEMPLATE = join(icons, 'template/normalTemplate.png');

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'strict-electron-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: the stand-in is untyped on purpose (it mirrors Electron's shape).
type Any = any;

function make(platform: Platform = 'linux', options: Partial<StrictElectronOptions> = {}) {
  const { electron, sim } = createStrictElectron({ platform, dataDir, ...options });
  return { e: electron as Any, sim };
}

/** Lock taken, launched, ready: where the app's own work begins. */
async function readyApp(platform: Platform = 'linux', options: Partial<StrictElectronOptions> = {}) {
  const made = make(platform, options);
  made.e.app.requestSingleInstanceLock();
  made.sim.launch();
  await made.e.app.whenReady();
  return made;
}

const rules = (sim: { violations: { rule: string }[] }) => sim.violations.map((v) => v.rule);

describe('ready', () => {
  it('whenReady resolves only after launch, and never in the same turn', async () => {
    const { e, sim } = make();
    e.app.requestSingleInstanceLock();
    let resolved = false;
    const ready = e.app.whenReady().then(() => (resolved = true));
    sim.launch();
    await Promise.resolve();
    expect(resolved).toBe(false);
    await ready;
    expect(resolved).toBe(true);
  });

  it('refuses protocol.handle, windows, trays, screen and session before ready', () => {
    const { e } = make();
    e.app.requestSingleInstanceLock();
    expect(() => e.protocol.handle('app', async () => new Response())).toThrow(ElectronRuleError);
    expect(() => new e.BrowserWindow({})).toThrow(/after-ready/);
    expect(() => new e.Tray(PNG)).toThrow(/after-ready/);
    expect(() => e.screen.getAllDisplays()).toThrow(/after-ready/);
    expect(() => e.session.defaultSession).toThrow(/after-ready/);
  });

  it('takes privileged schemes only before ready, protocol.handle only after, once per scheme', async () => {
    const { e, sim } = make();
    e.app.requestSingleInstanceLock();
    e.protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
    sim.launch();
    await e.app.whenReady();
    expect(() => e.protocol.registerSchemesAsPrivileged([{ scheme: 'late' }])).toThrow(
      /privileged-scheme-before-ready/,
    );
    e.protocol.handle('app', async () => new Response('<p>', { headers: { 'content-type': 'text/html' } }));
    expect(() => e.protocol.handle('app', async () => new Response())).toThrow(/protocol-handle-once/);
  });
});

describe('single instance', () => {
  it('wants the lock before anything else, reads aside', () => {
    const { e, sim } = make();
    e.app.getName();
    e.app.getPath('userData');
    expect(sim.violations).toEqual([]);
    e.protocol.registerSchemesAsPrivileged([]);
    expect(rules(sim)).toEqual(['single-instance-first']);
  });

  it('lets an instance without the lock only quit', () => {
    const { e, sim } = make('win32', { gotLock: false });
    expect(e.app.requestSingleInstanceLock()).toBe(false);
    e.app.quit();
    expect(sim.violations).toEqual([]);
    e.app.setAppUserModelId('x');
    expect(rules(sim)).toEqual(['second-instance-exits']);
  });
});

describe('the application menu', () => {
  it('reports Electron’s default menu when none was set before the first window', async () => {
    const { e, sim } = await readyApp('win32');
    new e.BrowserWindow({});
    expect(rules(sim)).toContain('app-menu-before-window');
    expect(rules(sim)).toContain('no-devtools-in-production');
  });

  it('accepts no menu on Windows and Linux, and refuses a menu bar there', async () => {
    for (const platform of ['win32', 'linux'] as const) {
      const none = make(platform);
      none.e.app.requestSingleInstanceLock();
      none.e.Menu.setApplicationMenu(null);
      none.sim.launch();
      await none.e.app.whenReady();
      new none.e.BrowserWindow({});
      expect(none.sim.violations).toEqual([]);

      const bar = await readyApp(platform);
      bar.e.Menu.setApplicationMenu(bar.e.Menu.buildFromTemplate([{ role: 'editMenu' }]));
      new bar.e.BrowserWindow({});
      expect(rules(bar.sim)).toEqual(['no-menu-bar']);
    }
  });

  it('wants Edit items on macOS and no DevTools in the packaged app', async () => {
    const bare = await readyApp('darwin');
    bare.e.Menu.setApplicationMenu(bare.e.Menu.buildFromTemplate([{ role: 'appMenu' }]));
    new bare.e.BrowserWindow({});
    expect(rules(bare.sim)).toEqual(['mac-edit-menu']);

    const good = await readyApp('darwin');
    good.e.Menu.setApplicationMenu(
      good.e.Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]),
    );
    new good.e.BrowserWindow({});
    expect(good.sim.violations).toEqual([]);

    const devtools = await readyApp('darwin');
    devtools.e.Menu.setApplicationMenu(
      devtools.e.Menu.buildFromTemplate([
        { role: 'editMenu' },
        { label: 'View', submenu: [{ role: 'toggleDevTools' }] },
      ]),
    );
    new devtools.e.BrowserWindow({});
    expect(rules(devtools.sim)).toEqual(['no-devtools-in-production']);
  });

  it('refuses a menu item with neither label, role nor type', async () => {
    const { e } = await readyApp();
    expect(() => e.Menu.buildFromTemplate([{ enabled: true }])).toThrow(/menu-template/);
  });
});

describe('images', () => {
  it('reports a missing path as an empty image', async () => {
    const { e, sim } = await readyApp();
    const image = e.nativeImage.createFromPath(join(icons, 'missing.png'));
    expect(image.isEmpty()).toBe(true);
    expect(rules(sim)).toEqual(['image-exists']);
    expect(e.nativeImage.createFromPath(PNG).isEmpty()).toBe(false);
    expect(rules(sim)).toEqual(['image-exists']);
  });

  it('decodes ICO on Windows only', async () => {
    expect((await readyApp('win32')).e.nativeImage.createFromPath(ICO).isEmpty()).toBe(false);
    const linux = await readyApp('linux');
    expect(linux.e.nativeImage.createFromPath(ICO).isEmpty()).toBe(true);
    expect(rules(linux.sim)).toEqual(['image-exists']);
  });

  it('checks tray, window and notification images; macOS tray icons are templates', async () => {
    const { e, sim } = await readyApp('darwin');
    new e.Tray(TEMPLATE);
    expect(sim.violations).toEqual([]);
    new e.Tray(PNG);
    expect(rules(sim)).toEqual(['tray-template-macos']);
    new e.Notification({ title: 't', icon: join(icons, 'nope.png') });
    expect(rules(sim)).toContain('image-exists');
  });
});

describe('tray clicks, per platform', () => {
  function trayWithMenu(made: Awaited<ReturnType<typeof readyApp>>, image = PNG) {
    const tray = new made.e.Tray(image);
    const clicks: string[] = [];
    for (const name of ['click', 'right-click', 'mouse-up']) tray.on(name, () => clicks.push(name));
    return {
      tray,
      clicks,
      withMenu: () => tray.setContextMenu(made.e.Menu.buildFromTemplate([{ label: 'Open' }])),
    };
  }

  it('Windows: left click is a click (no menu); right click opens the menu', async () => {
    const made = await readyApp('win32');
    const { tray, clicks, withMenu } = trayWithMenu(made);
    withMenu();
    expect(made.sim.clickTray(tray, 'left').menu).toBeNull();
    expect(clicks).toEqual(['click']);
    expect((made.sim.clickTray(tray, 'right').menu as StrictMenu).items[0]?.label).toBe('Open');
    expect(clicks).toEqual(['click']);
  });

  it('macOS: with a menu, a left click opens it (and clicks); mouse-up only without one', async () => {
    const made = await readyApp('darwin');
    const { tray, clicks, withMenu } = trayWithMenu(made, TEMPLATE);
    expect(made.sim.clickTray(tray, 'left').menu).toBeNull();
    expect(clicks).toEqual(['mouse-up', 'click']);
    withMenu();
    clicks.length = 0;
    expect(made.sim.clickTray(tray, 'left').menu).not.toBeNull();
    expect(clicks).toEqual(['click']);
  });

  it('Linux: an AppIndicator-style host opens the menu and never sends click; another activates', async () => {
    const menuHost = await readyApp('linux');
    const first = trayWithMenu(menuHost);
    first.withMenu();
    expect(menuHost.sim.clickTray(first.tray, 'left').menu).not.toBeNull();
    expect(first.clicks).toEqual([]);

    const activating = await readyApp('linux', { linuxTrayHost: 'activate' });
    const second = trayWithMenu(activating);
    second.withMenu();
    expect(activating.sim.clickTray(second.tray, 'left').menu).toBeNull();
    expect(second.clicks).toEqual(['click']);
  });
});

describe('platform rules', () => {
  it('shows notifications on Windows only after setAppUserModelId', async () => {
    const { e, sim } = await readyApp('win32');
    new e.Notification({ title: 'early' }).show();
    expect(rules(sim)).toEqual(['notification-app-id']);
    e.app.setAppUserModelId('com.example');
    new e.Notification({ title: 'fine' }).show();
    expect(rules(sim)).toEqual(['notification-app-id']);
  });

  it('refuses Windows-only and macOS/Windows-only APIs elsewhere', async () => {
    const { e } = await readyApp('linux');
    expect(() => e.app.setAppUserModelId('x')).toThrow(/platform-api/);
    expect(() => e.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI).toThrow(/platform-api/);
    expect(e.app.dock).toBeUndefined();
  });

  it('reports login items on Linux and from an unpackaged app', async () => {
    const linux = await readyApp('linux');
    linux.e.app.setLoginItemSettings({ openAtLogin: true });
    expect(rules(linux.sim)).toEqual(['login-item-linux']);
    const development = await readyApp('win32', { packaged: false });
    development.e.app.setLoginItemSettings({ openAtLogin: false });
    expect(development.sim.violations).toEqual([]);
    development.e.app.setLoginItemSettings({ openAtLogin: true });
    expect(rules(development.sim)).toEqual(['login-item-packaged']);
  });

  it('reports always-on-top applied to a hidden window; after show it holds', async () => {
    const { e, sim } = await readyApp('win32');
    e.Menu.setApplicationMenu(null);
    const window = new e.BrowserWindow({ show: false });
    window.setAlwaysOnTop(true, 'floating');
    expect(rules(sim)).toEqual(['always-on-top-visible']);
    expect(window.effectivelyOnTop()).toBe(false);
    window.show();
    window.setAlwaysOnTop(true, 'floating');
    expect(window.effectivelyOnTop()).toBe(true);
  });

  it('refuses a second ipcMain handler and unimplemented parts of Electron', async () => {
    const { e } = await readyApp();
    e.ipcMain.handle('call', () => 1);
    expect(() => e.ipcMain.handle('call', () => 2)).toThrow(/ipc-handle-once/);
    expect(() => e.globalShortcut.register).toThrow(/not-implemented/);
  });
});

describe('quitting', () => {
  it('runs before-quit, window close, will-quit, quit; each can stop it', async () => {
    const { e, sim } = await readyApp('win32');
    e.Menu.setApplicationMenu(null);
    const window = new e.BrowserWindow({});
    let keepOpen = true;
    window.on('close', (event: { preventDefault(): void }) => keepOpen && event.preventDefault());
    const events: string[] = [];
    for (const name of ['before-quit', 'will-quit', 'quit']) e.app.on(name, () => events.push(name));
    e.app.quit();
    await new Promise((resolve) => e.app.once('before-quit', resolve));
    expect(sim.exited).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    keepOpen = false;
    e.app.quit();
    expect(await sim.exit).toBe(0);
    expect(events).toEqual(['before-quit', 'before-quit', 'will-quit', 'quit']);
    expect(window.isDestroyed()).toBe(true);
  });
});

describe('the sandboxed preload', () => {
  async function preload(code: string) {
    const file = join(dataDir, 'preload.cjs');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, code));
    const { electron, sim } = createStrictElectron({ platform: 'linux', dataDir });
    return runSandboxedPreload(file, electron, sim);
  }

  it('gives require only electron, and no Node globals', async () => {
    const good = await preload(
      "const { contextBridge } = require('electron'); contextBridge.exposeInMainWorld('api', { ping: () => 1 });",
    );
    expect([...good.exposed.keys()]).toEqual(['api']);
    await expect(preload("require('node:fs')")).rejects.toThrow(
      /sandboxed preload can require only electron/,
    );
    await expect(preload('process.env.HOME')).rejects.toThrow(/process is not defined/);
    await expect(preload("Buffer.from('x')")).rejects.toThrow(/Buffer is not defined/);
  });

  it('refuses class instances and a second exposure of a key', async () => {
    await expect(
      preload(
        "const { contextBridge } = require('electron'); class A {}; contextBridge.exposeInMainWorld('api', { a: new A() });",
      ),
    ).rejects.toThrow(/context-bridge/);
    await expect(
      preload(
        "const { contextBridge } = require('electron'); contextBridge.exposeInMainWorld('api', {}); contextBridge.exposeInMainWorld('api', {});",
      ),
    ).rejects.toThrow(/exposed twice/);
  });

  it('compares an exposed API with the contract: missing, extra and non-function members', () => {
    expect(contractProblems({ a: () => 1, on: () => 2 }, ['a', 'on'])).toEqual([]);
    expect(contractProblems({ a: () => 1, b: () => 2, on: 3 }, ['a', 'on', 'c'])).toEqual([
      'missing: c',
      'not in the contract: b',
      'on is a number, not a function',
    ]);
  });
});
