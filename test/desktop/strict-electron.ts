// A strict stand-in for the `electron` module, for running the built main process and preload in
// plain Node (npm run verify:desktop). Unlike the unit tests' fake (electron/main/testing), it plays
// Electron's documented rules and refuses what real Electron refuses or silently gets wrong. Each
// broken rule is recorded (so a caller that swallows the error is still caught) and thrown.
//
// Sources for the rules (Electron 45): docs/api/{protocol,menu,tray,app,native-image,screen,
// notification,session}.md and the implementation where the docs are vague: lib/browser/
// default-menu.ts (the default menu is installed at 'will-finish-launching' unless one was set),
// shell/browser/ui/tray_icon_cocoa.mm and win/notify_icon.cc (what a tray click does).
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export type Platform = 'win32' | 'darwin' | 'linux';

/** The rules this stand-in enforces; a violation names one. */
export const RULES = {
  'single-instance-first':
    'app.requestSingleInstanceLock() comes before anything else the app asks of Electron',
  'second-instance-exits': 'an instance without the single-instance lock quits at once and touches nothing',
  'privileged-scheme-before-ready': 'protocol.registerSchemesAsPrivileged() only before the app is ready',
  'after-ready': 'this Electron API can only be used after the app is ready',
  'protocol-handle-once': 'protocol.handle() once per scheme',
  'scheme-handled': 'a custom scheme is loaded only after protocol.handle() for it',
  'app-menu-before-window':
    'an application menu is set (Menu.setApplicationMenu, null for none) before the first window; otherwise Electron installs its default File/Edit/View/Window menu with Reload and Toggle DevTools',
  'no-menu-bar': 'no menu bar on the widget window on Windows and Linux',
  'mac-edit-menu':
    'on macOS the application menu has Edit items (copy, paste, cut, select all), or shortcuts do not work',
  'no-devtools-in-production': 'the packaged app offers no Reload / Toggle DevTools menu items',
  'image-exists':
    'every image path given to Electron names a readable image for this platform (an empty image is an error)',
  'tray-template-macos': 'the macOS tray icon is a template image',
  'platform-api': 'a platform-specific Electron API is only called on its platform',
  'login-item-linux': 'app.setLoginItemSettings() does nothing on Linux',
  'login-item-packaged':
    'start at login is registered only by the packaged app (in development it would register the Electron binary)',
  'notification-app-id':
    'on Windows, app.setAppUserModelId() before the first notification (else it never shows)',
  'always-on-top-visible':
    'always-on-top is applied to a visible window (set on a hidden one it does not hold on Windows and Linux)',
  'preload-exists': 'the window preload is an absolute path to an existing file',
  'ipc-handle-once': 'ipcMain.handle() once per channel',
  'menu-template': 'every menu item has a label, a role or a type',
  'context-bridge': 'contextBridge.exposeInMainWorld() once per key, with cloneable values',
  'not-implemented':
    'the strict stand-in implements this part of Electron (extend it when the app starts using more)',
} as const;
export type Rule = keyof typeof RULES;

export class ElectronRuleError extends Error {
  readonly rule: Rule;
  constructor(rule: Rule, detail: string) {
    super(`[${rule}] ${RULES[rule]}: ${detail}`);
    this.name = 'ElectronRuleError';
    this.rule = rule;
  }
}

export interface Violation {
  rule: Rule;
  message: string;
}

export interface StrictElectronOptions {
  platform: Platform;
  /** app.getPath('userData') and friends live below this folder. */
  dataDir: string;
  /** app.isPackaged (true when booting the package). */
  packaged?: boolean;
  appName?: string;
  appVersion?: boolean | string;
  /** false: this instance is the second one (the lock is held elsewhere). */
  gotLock?: boolean;
  /**
   * Linux tray hosts differ (docs/api/tray.md): 'menu' is the StatusNotifierItem host that opens
   * the menu on a left click and never sends an activation (Ubuntu's AppIndicator); 'activate'
   * sends one ('click').
   */
  linuxTrayHost?: 'menu' | 'activate';
}

/** Electron API reads that change nothing and may come before the single-instance lock. */
const HARMLESS = new Set([
  'app.getName',
  'app.getVersion',
  'app.getPath',
  'app.isPackaged',
  'app.getAppPath',
  'app.isReady',
  'app.on',
  'app.once',
]);

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ICO = Buffer.from([0x00, 0x00, 0x01, 0x00]);

/** Whether nativeImage on `platform` decodes these bytes: PNG and JPEG everywhere, ICO on Windows only. */
export function decodableImage(bytes: Buffer, platform: Platform): boolean {
  if (bytes.subarray(0, 8).equals(PNG) || bytes.subarray(0, 3).equals(JPEG)) return true;
  return platform === 'win32' && bytes.subarray(0, 4).equals(ICO);
}

export class StrictNativeImage {
  readonly path: string | undefined;
  readonly bytes: Buffer;
  readonly empty: boolean;
  template = false;
  constructor(bytes: Buffer, empty: boolean, path?: string) {
    this.bytes = bytes;
    this.empty = empty;
    this.path = path;
  }
  isEmpty() {
    return this.empty;
  }
  setTemplateImage(on: boolean) {
    this.template = on;
  }
  isTemplateImage() {
    return this.template;
  }
  getSize() {
    if (this.empty || !this.bytes.subarray(0, 8).equals(PNG)) return { width: 0, height: 0 };
    return { width: this.bytes.readUInt32BE(16), height: this.bytes.readUInt32BE(20) };
  }
  toPNG() {
    return this.bytes;
  }
}

export interface StrictMenuItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  accelerator?: string;
  click?: (...args: unknown[]) => void;
  submenu?: StrictMenu;
}

export class StrictMenu {
  readonly items: StrictMenuItem[];
  constructor(items: StrictMenuItem[] = []) {
    this.items = items;
  }
  /** Every item, submenus included (flattened). */
  allItems(): StrictMenuItem[] {
    return this.items.flatMap((item) => [item, ...(item.submenu ? item.submenu.allItems() : [])]);
  }
}

/** Roles whose items Electron expands (editMenu = undo, redo, cut, copy, paste, selectAll…). */
const ROLE_EXPANSION: Record<string, string[]> = {
  editMenu: ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'],
  viewMenu: ['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'],
  fileMenu: ['close', 'quit'],
  windowMenu: ['minimize', 'zoom', 'close'],
  appMenu: ['about', 'hide', 'quit'],
};

function rolesOf(menu: StrictMenu): Set<string> {
  const roles = new Set<string>();
  for (const item of menu.allItems()) {
    if (!item.role) continue;
    roles.add(item.role.toLowerCase());
    for (const expanded of ROLE_EXPANSION[item.role] ?? []) roles.add(expanded.toLowerCase());
  }
  return roles;
}

export type StrictElectron = ReturnType<typeof createStrictElectron>;

export function createStrictElectron(options: StrictElectronOptions) {
  const { platform } = options;
  const packaged = options.packaged ?? true;
  const violations: Violation[] = [];
  /** Every Electron call in order (for "lock first" and for reports). */
  const calls: string[] = [];
  let ready = false;
  let exited = false;
  let lockAsked = false;
  let gotLock: boolean | undefined;
  let appUserModelId: string | undefined;
  let applicationMenu: StrictMenu | null = null;
  let applicationMenuSet = false;
  let defaultMenuInstalled = false;
  let firstWindowChecked = false;
  const privilegedSchemes = new Map<string, Record<string, boolean>>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const exposed = new Map<string, unknown>();
  /** Every image path the app handed to Electron. */
  const imagePaths = new Set<string>();
  let resolveReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let resolveExit: (code: number) => void = () => {};
  const exitPromise = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });

  /** Where real Electron throws (or the call cannot work at all): record and throw. */
  function violate(rule: Rule, detail: string): never {
    const error = new ElectronRuleError(rule, detail);
    violations.push({ rule, message: error.message });
    throw error;
  }
  /** Where real Electron goes on and silently gets it wrong: record, and go on the same way. */
  function record(rule: Rule, detail: string): void {
    violations.push({ rule, message: new ElectronRuleError(rule, detail).message });
  }
  /** Records a call; checks the lock-first and second-instance rules. */
  function touch(name: string) {
    calls.push(name);
    if (HARMLESS.has(name) || name === 'app.requestSingleInstanceLock') return;
    if (!lockAsked) record('single-instance-first', `${name}() was called before it`);
    if (gotLock === false && name !== 'app.quit' && name !== 'app.exit')
      record('second-instance-exits', `${name}() was called after the lock was refused`);
  }
  function needsReady(name: string) {
    touch(name);
    if (!ready) violate('after-ready', `${name}() before 'ready'`);
  }
  function onlyOn(name: string, platforms: Platform[]) {
    if (!platforms.includes(platform))
      violate('platform-api', `${name}() exists on ${platforms.join('/')} only, not on ${platform}`);
  }

  /** nativeImage.createFromPath: the path must name an image this platform decodes (else: empty). */
  function imageFromPath(path: string, use: string): StrictNativeImage {
    imagePaths.add(path);
    const empty = (why: string) => {
      record('image-exists', `${use}: ${why} (Electron gives an empty image)`);
      return new StrictNativeImage(Buffer.alloc(0), true, path);
    };
    if (!isAbsolute(path)) return empty(`"${path}" is not an absolute path`);
    if (!existsSync(path) || !statSync(path).isFile()) return empty(`${path} does not exist`);
    const bytes = readFileSync(path);
    if (!decodableImage(bytes, platform))
      return empty(`${path} is not an image nativeImage decodes on ${platform}`);
    const image = new StrictNativeImage(bytes, false, path);
    // Electron marks images whose file name ends in "Template" as template images on macOS.
    if (platform === 'darwin' && /Template(@[\d.]+x)?\.\w+$/.test(path)) image.template = true;
    return image;
  }
  /** An image argument (path or nativeImage) of a Tray, window or notification. */
  function imageArgument(image: unknown, use: string): StrictNativeImage {
    if (typeof image === 'string') return imageFromPath(image, use);
    if (image instanceof StrictNativeImage) {
      // Already reported where it was made from a missing path.
      if (image.isEmpty() && !image.path) record('image-exists', `${use}: an empty image`);
      return image;
    }
    return violate('image-exists', `${use}: not a path or a nativeImage`);
  }

  // ---- app ----------------------------------------------------------------------------------
  class StrictApp extends EventEmitter {
    get isPackaged() {
      calls.push('app.isPackaged');
      return packaged;
    }
    override on(event: string, listener: (...args: never[]) => void) {
      calls.push('app.on');
      return super.on(event, listener as (...args: unknown[]) => void);
    }
    override once(event: string, listener: (...args: never[]) => void) {
      calls.push('app.once');
      return super.once(event, listener as (...args: unknown[]) => void);
    }
    requestSingleInstanceLock() {
      touch('app.requestSingleInstanceLock');
      lockAsked = true;
      gotLock = options.gotLock ?? true;
      return gotLock;
    }
    hasSingleInstanceLock() {
      return gotLock === true;
    }
    whenReady() {
      touch('app.whenReady');
      return readyPromise;
    }
    isReady() {
      calls.push('app.isReady');
      return ready;
    }
    getName() {
      calls.push('app.getName');
      return options.appName ?? 'Referral Companion for Quantower';
    }
    getVersion() {
      calls.push('app.getVersion');
      return typeof options.appVersion === 'string' ? options.appVersion : '0.0.0-strict';
    }
    getPath(name: string) {
      calls.push('app.getPath');
      const known = ['home', 'appData', 'userData', 'sessionData', 'temp', 'downloads', 'documents', 'logs'];
      if (!known.includes(name)) violate('not-implemented', `app.getPath('${name}')`);
      return name === 'userData' ? join(options.dataDir, 'userData') : join(options.dataDir, name);
    }
    getAppPath() {
      calls.push('app.getAppPath');
      return options.dataDir;
    }
    getPreferredSystemLanguages() {
      touch('app.getPreferredSystemLanguages');
      return ['en-US'];
    }
    getLocale() {
      touch('app.getLocale');
      return 'en-US';
    }
    setAppUserModelId(id: string) {
      touch('app.setAppUserModelId');
      onlyOn('app.setAppUserModelId', ['win32']);
      appUserModelId = id;
    }
    setAboutPanelOptions(_options: object) {
      touch('app.setAboutPanelOptions');
    }
    setLoginItemSettings(settings: { openAtLogin?: boolean }) {
      touch('app.setLoginItemSettings');
      if (platform === 'linux') record('login-item-linux', 'called on Linux');
      if (!packaged && settings.openAtLogin)
        record('login-item-packaged', 'openAtLogin: true while app.isPackaged is false');
    }
    getLoginItemSettings() {
      touch('app.getLoginItemSettings');
      return { openAtLogin: false, wasOpenedAtLogin: false, openAsHidden: false };
    }
    quit() {
      touch('app.quit');
      // Electron quits on the next turn of its loop, giving handlers the chance to prevent it.
      setImmediate(runQuit);
    }
    exit(code = 0) {
      touch('app.exit');
      finish(code);
    }
    focus() {
      touch('app.focus');
    }
  }
  const app = new StrictApp();
  Object.defineProperty(app, 'dock', {
    get() {
      return platform === 'darwin'
        ? { hide() {}, show: async () => {}, setBadge() {}, isVisible: () => true }
        : undefined;
    },
  });

  function finish(code: number) {
    if (exited) return;
    exited = true;
    resolveExit(code);
  }

  /** Electron's quit sequence: before-quit, windows close, will-quit, quit; each may be prevented. */
  function runQuit() {
    if (exited) return;
    const prevented = (name: string, ...args: unknown[]) => {
      let stop = false;
      app.emit(name, { preventDefault: () => (stop = true) }, ...args);
      return stop;
    };
    if (prevented('before-quit')) return;
    for (const window of StrictBrowserWindow.all()) {
      if (!window.tryClose()) return; // a window refused to close: quitting is cancelled
    }
    if (prevented('will-quit')) return;
    app.emit('quit', {}, 0);
    finish(0);
  }

  // ---- menus ----------------------------------------------------------------------------------
  function buildMenu(template: Record<string, unknown>[]): StrictMenu {
    return new StrictMenu(
      template.map((raw) => {
        if (!raw.label && !raw.role && !raw.type)
          violate('menu-template', `item ${JSON.stringify(raw)} has none of them`);
        const item: StrictMenuItem = {
          ...(raw as StrictMenuItem),
          enabled: raw.enabled !== false,
          visible: raw.visible !== false,
          submenu: Array.isArray(raw.submenu)
            ? buildMenu(raw.submenu as Record<string, unknown>[])
            : (raw.submenu as StrictMenu | undefined),
        };
        return item;
      }),
    );
  }
  const Menu = {
    buildFromTemplate(template: Record<string, unknown>[]) {
      touch('Menu.buildFromTemplate');
      return buildMenu(template);
    },
    setApplicationMenu(menu: StrictMenu | null) {
      touch('Menu.setApplicationMenu');
      applicationMenuSet = true;
      applicationMenu = menu;
    },
    getApplicationMenu() {
      touch('Menu.getApplicationMenu');
      return applicationMenu;
    },
  };

  /** What Electron does at 'will-finish-launching' (lib/browser/default-menu.ts). */
  function installDefaultMenu() {
    if (applicationMenuSet) return;
    defaultMenuInstalled = true;
    applicationMenu = buildMenu([
      ...(platform === 'darwin' ? [{ role: 'appMenu' }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]);
  }

  function checkMenus(window: StrictBrowserWindow) {
    if (defaultMenuInstalled && !applicationMenuSet)
      record('app-menu-before-window', 'the first window opened with Electron’s default menu');
    const shown = window.menuRemoved ? null : (window.ownMenu ?? applicationMenu);
    if (platform !== 'darwin' && shown && !window.autoHideMenuBar)
      record('no-menu-bar', `a ${shown.items.length}-item menu bar shows on ${platform}`);
    if (platform === 'darwin') {
      const roles = applicationMenu ? rolesOf(applicationMenu) : new Set<string>();
      const missing = ['copy', 'paste', 'cut', 'selectall'].filter((role) => !roles.has(role));
      if (missing.length) record('mac-edit-menu', `missing ${missing.join(', ')}`);
    }
    if (packaged && applicationMenu) {
      const roles = rolesOf(applicationMenu);
      const bad = ['toggledevtools', 'reload', 'forcereload'].filter((role) => roles.has(role));
      if (bad.length) record('no-devtools-in-production', `the menu has ${bad.join(', ')}`);
    }
  }

  // ---- windows ------------------------------------------------------------------------------
  let nextId = 1;
  class StrictWebContents extends EventEmitter {
    readonly id = nextId++;
    readonly mainFrame = { url: '' };
    readonly sent: { channel: string; args: unknown[] }[] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    destroyed = false;
    getType() {
      return 'window';
    }
    getURL() {
      return this.mainFrame.url;
    }
    isDestroyed() {
      return this.destroyed;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    send(channel: string, ...args: unknown[]) {
      if (this.destroyed) throw new Error('Object has been destroyed');
      this.sent.push({ channel, args });
    }
    openDevTools() {
      touch('webContents.openDevTools');
      if (packaged) record('no-devtools-in-production', 'webContents.openDevTools() in the packaged app');
    }
  }

  class StrictBrowserWindow extends EventEmitter {
    static windows: StrictBrowserWindow[] = [];
    static all() {
      return StrictBrowserWindow.windows.filter((window) => !window.destroyed);
    }
    static getAllWindows() {
      return StrictBrowserWindow.all();
    }
    static getFocusedWindow() {
      return StrictBrowserWindow.all().find((window) => window.focused) ?? null;
    }
    readonly id = nextId++;
    readonly options: Record<string, unknown>;
    readonly webContents = new StrictWebContents();
    /** What loadURL got back from the app's protocol handler. */
    loaded: { url: string; status: number; type: string | null } | undefined;
    destroyed = false;
    visible = false;
    focused = false;
    minimized = false;
    alwaysOnTop: { flag: boolean; level: string | undefined; visible: boolean }[] = [];
    bounds = { x: 0, y: 0, width: 800, height: 600 };
    ownMenu: StrictMenu | null = null;
    menuRemoved = false;
    autoHideMenuBar: boolean;
    constructor(windowOptions: Record<string, unknown> = {}) {
      super();
      needsReady('new BrowserWindow');
      this.options = windowOptions;
      this.autoHideMenuBar = windowOptions.autoHideMenuBar === true;
      this.bounds = {
        x: 0,
        y: 0,
        width: Number(windowOptions.width ?? 800),
        height: Number(windowOptions.height ?? 600),
      };
      if (windowOptions.icon !== undefined) imageArgument(windowOptions.icon, 'BrowserWindow icon');
      const preferences = (windowOptions.webPreferences ?? {}) as Record<string, unknown>;
      if (preferences.preload !== undefined) {
        const preload = String(preferences.preload);
        if (!isAbsolute(preload) || !existsSync(preload)) record('preload-exists', preload);
      }
      StrictBrowserWindow.windows.push(this);
      app.emit('browser-window-created', {}, this);
      app.emit('web-contents-created', {}, this.webContents);
      if (windowOptions.show !== false) this.show();
    }
    async loadURL(url: string) {
      touch('BrowserWindow.loadURL');
      const scheme = new URL(url).protocol.slice(0, -1);
      if (scheme === 'http' || scheme === 'https' || scheme === 'file') {
        this.webContents.mainFrame.url = url;
        this.loaded = { url, status: 0, type: null };
        return;
      }
      const handler = protocolHandlers.get(scheme);
      if (!handler) return violate('scheme-handled', `loadURL(${url}) with no handler for ${scheme}:`);
      if (!privilegedSchemes.get(scheme)?.standard)
        return violate('scheme-handled', `${scheme}: was not registered as a privileged standard scheme`);
      const response = await handler(new Request(url));
      this.webContents.mainFrame.url = url;
      this.loaded = { url, status: response.status, type: response.headers.get('content-type') };
      await response.arrayBuffer();
      this.webContents.emit('did-finish-load');
      if (!this.destroyed) this.emit('ready-to-show');
    }
    show() {
      touch('BrowserWindow.show');
      if (!firstWindowChecked) {
        firstWindowChecked = true;
        checkMenus(this);
      }
      this.visible = true;
      this.minimized = false;
      this.emit('show');
    }
    showInactive() {
      this.show();
    }
    hide() {
      touch('BrowserWindow.hide');
      this.visible = false;
      this.emit('hide');
    }
    focus() {
      touch('BrowserWindow.focus');
      if (!this.visible) this.show();
      this.focused = true;
      this.emit('focus');
    }
    blur() {
      this.focused = false;
      this.emit('blur');
    }
    isVisible() {
      return this.visible && !this.minimized;
    }
    isFocused() {
      return this.focused;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return this.minimized;
    }
    minimize() {
      this.minimized = true;
      this.emit('minimize');
    }
    restore() {
      touch('BrowserWindow.restore');
      this.minimized = false;
      this.visible = true;
      this.emit('restore');
    }
    setAlwaysOnTop(flag: boolean, level?: string) {
      touch('BrowserWindow.setAlwaysOnTop');
      this.alwaysOnTop.push({ flag, level, visible: this.visible });
      if (flag && !this.visible)
        record('always-on-top-visible', `setAlwaysOnTop(true, ${String(level)}) on a hidden window`);
    }
    isAlwaysOnTop() {
      return this.alwaysOnTop.at(-1)?.flag ?? false;
    }
    /** Whether it really stays on top: on Windows and Linux a call made while hidden does not hold. */
    effectivelyOnTop() {
      const last = this.alwaysOnTop.at(-1);
      return Boolean(last?.flag && (last.visible || platform === 'darwin'));
    }
    setBounds(bounds: Partial<typeof this.bounds>) {
      touch('BrowserWindow.setBounds');
      this.bounds = { ...this.bounds, ...bounds };
    }
    getBounds() {
      return { ...this.bounds };
    }
    setMinimumSize(_width: number, _height: number) {}
    setMenu(menu: StrictMenu | null) {
      touch('BrowserWindow.setMenu');
      this.ownMenu = menu;
      this.menuRemoved = menu === null;
    }
    removeMenu() {
      touch('BrowserWindow.removeMenu');
      this.menuRemoved = true;
    }
    setMenuBarVisibility(visible: boolean) {
      this.menuRemoved = !visible;
    }
    setAutoHideMenuBar(hide: boolean) {
      this.autoHideMenuBar = hide;
    }
    setSkipTaskbar(_skip: boolean) {}
    setTitle(_title: string) {}
    /** close(): 'close' (preventable), then destroyed and 'closed'. Answers whether it closed. */
    tryClose(): boolean {
      if (this.destroyed) return true;
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return false;
      this.destroy();
      return true;
    }
    close() {
      touch('BrowserWindow.close');
      this.tryClose();
      if (StrictBrowserWindow.all().length === 0 && !exited) app.emit('window-all-closed');
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.visible = false;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  // ---- tray ---------------------------------------------------------------------------------
  class StrictTray extends EventEmitter {
    static trays: StrictTray[] = [];
    image: StrictNativeImage;
    tooltip = '';
    menu: StrictMenu | null = null;
    destroyed = false;
    constructor(image: unknown) {
      super();
      needsReady('new Tray');
      this.image = this.checked(image);
      StrictTray.trays.push(this);
    }
    private checked(image: unknown) {
      const picture = imageArgument(image, 'Tray image');
      if (platform === 'darwin' && !picture.isTemplateImage())
        record('tray-template-macos', picture.path ?? 'an image from a buffer');
      return picture;
    }
    setImage(image: unknown) {
      touch('Tray.setImage');
      this.image = this.checked(image);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: StrictMenu | null) {
      touch('Tray.setContextMenu');
      this.menu = menu;
    }
    setIgnoreDoubleClickEvents(_ignore: boolean) {
      onlyOn('Tray.setIgnoreDoubleClickEvents', ['darwin']);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }

  /**
   * What a user's click on the tray icon does on this platform (tray_icon_cocoa.mm, notify_icon.cc,
   * tray.md): the events emitted and the menu that opens, if any.
   */
  function clickTray(
    tray: StrictTray,
    button: 'left' | 'right',
  ): { events: string[]; menu: StrictMenu | null } {
    const events: string[] = [];
    const emit = (name: string) => {
      events.push(name);
      tray.emit(name, { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false }, {}, {});
    };
    const menu = tray.menu && tray.menu.items.length > 0 ? tray.menu : null;
    if (platform === 'win32') {
      if (button === 'left') emit('click');
      else if (menu) return { events, menu };
      else emit('right-click');
      return { events, menu: null };
    }
    if (platform === 'darwin') {
      if (button === 'right') {
        emit('right-click');
        return { events, menu: null };
      }
      // mouseDown: with a menu, 'click' and the menu opens (no 'mouse-up'); without, mouse-up + click.
      if (menu) {
        emit('click');
        return { events, menu };
      }
      emit('mouse-up');
      emit('click');
      return { events, menu: null };
    }
    // Linux (StatusNotifierItem): the host decides; the right button always opens the menu.
    if (button === 'right' || (options.linuxTrayHost ?? 'menu') === 'menu') {
      if (menu) return { events, menu };
    }
    if (button === 'left') emit('click');
    return { events, menu: null };
  }

  // ---- notifications ------------------------------------------------------------------------
  class StrictNotification extends EventEmitter {
    static notifications: StrictNotification[] = [];
    static isSupported() {
      return true;
    }
    readonly options: { title?: string; body?: string; icon?: unknown };
    shown = false;
    constructor(notificationOptions: { title?: string; body?: string; icon?: unknown } = {}) {
      super();
      touch('new Notification');
      this.options = notificationOptions;
      if (notificationOptions.icon !== undefined)
        imageArgument(notificationOptions.icon, 'Notification icon');
      StrictNotification.notifications.push(this);
    }
    show() {
      needsReady('Notification.show');
      if (platform === 'win32' && appUserModelId === undefined)
        record('notification-app-id', 'a notification was shown before app.setAppUserModelId()');
      this.shown = true;
      this.emit('show', {});
    }
    close() {
      this.emit('close', {});
    }
  }

  // ---- the rest of the main process API -----------------------------------------------------
  const protocol = {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
      touch('protocol.registerSchemesAsPrivileged');
      if (ready) violate('privileged-scheme-before-ready', 'called after ready');
      for (const { scheme, privileges } of schemes) privilegedSchemes.set(scheme, privileges ?? {});
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      needsReady('protocol.handle');
      if (protocolHandlers.has(scheme)) violate('protocol-handle-once', `${scheme} is already handled`);
      protocolHandlers.set(scheme, handler);
    },
    unhandle(scheme: string) {
      needsReady('protocol.unhandle');
      protocolHandlers.delete(scheme);
    },
    isProtocolHandled(scheme: string) {
      return protocolHandlers.has(scheme);
    },
  };

  const defaultSession = {
    setPermissionRequestHandler(_handler: unknown) {
      needsReady('session.setPermissionRequestHandler');
    },
    setPermissionCheckHandler(_handler: unknown) {
      needsReady('session.setPermissionCheckHandler');
    },
    webRequest: {
      onHeadersReceived(_handler: unknown) {
        needsReady('session.webRequest.onHeadersReceived');
      },
    },
  };
  const session = {
    get defaultSession() {
      needsReady('session.defaultSession');
      return defaultSession;
    },
  };

  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: (...args: unknown[]) => unknown) {
      touch('ipcMain.handle');
      if (ipcHandlers.has(channel)) violate('ipc-handle-once', `a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      touch('ipcMain.removeHandler');
      ipcHandlers.delete(channel);
    },
  });

  const nativeTheme = Object.assign(new EventEmitter(), {
    // Windows 10's default: light apps, dark taskbar (the case that shows a wrong tray icon).
    shouldUseDarkColors: false,
    shouldUseDarkColorsForSystemIntegratedUI: platform === 'win32',
    shouldUseHighContrastColors: false,
    themeSource: 'system',
  });
  if (platform === 'linux') {
    // Documented for macOS and Windows only.
    Object.defineProperty(nativeTheme, 'shouldUseDarkColorsForSystemIntegratedUI', {
      get: () => violate('platform-api', 'nativeTheme.shouldUseDarkColorsForSystemIntegratedUI on linux'),
    });
  }

  const powerMonitor = new EventEmitter();
  for (const method of ['on', 'once', 'addListener'] as const) {
    const original = powerMonitor[method].bind(powerMonitor);
    powerMonitor[method] = (event: string | symbol, listener: (...args: unknown[]) => void) => {
      needsReady('powerMonitor.on');
      return original(event, listener);
    };
  }

  // Electron's own updater (Squirrel.Mac, Squirrel.Windows), which electron-updater drives on macOS.
  // Documented for macOS and Windows only; on macOS the feed must be set before a check.
  let feedUrl: string | undefined;
  const autoUpdater = Object.assign(new EventEmitter(), {
    setFeedURL(options: { url?: string } | string) {
      if (platform === 'linux') return violate('platform-api', 'autoUpdater.setFeedURL on linux');
      feedUrl = typeof options === 'string' ? options : options?.url;
      if (!feedUrl) throw new TypeError('autoUpdater.setFeedURL needs a url');
      return undefined;
    },
    getFeedURL: () => feedUrl ?? '',
    checkForUpdates() {
      if (platform === 'linux') return violate('platform-api', 'autoUpdater.checkForUpdates on linux');
      if (!feedUrl) throw new Error('Update URL is not set');
      return undefined;
    },
    quitAndInstall() {
      if (platform === 'linux') return violate('platform-api', 'autoUpdater.quitAndInstall on linux');
      return undefined;
    },
  });

  const displays = [
    {
      id: 1,
      scaleFactor: 1.25,
      bounds: { x: 0, y: 0, width: 1536, height: 864 },
      workArea: { x: 0, y: 0, width: 1536, height: 824 },
      rotation: 0,
      internal: true,
    },
    {
      id: 2,
      scaleFactor: 1,
      bounds: { x: -1280, y: 0, width: 1280, height: 1024 },
      workArea: { x: -1280, y: 0, width: 1280, height: 984 },
      rotation: 0,
      internal: false,
    },
  ];
  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays() {
      needsReady('screen.getAllDisplays');
      return structuredClone(displays);
    },
    getPrimaryDisplay() {
      needsReady('screen.getPrimaryDisplay');
      return structuredClone(displays[0]);
    },
    getCursorScreenPoint() {
      needsReady('screen.getCursorScreenPoint');
      return { x: 100, y: 100 };
    },
    getDisplayMatching(rect: { x: number; y: number }) {
      needsReady('screen.getDisplayMatching');
      return structuredClone(
        displays.find(
          (d) =>
            rect.x >= d.bounds.x &&
            rect.x < d.bounds.x + d.bounds.width &&
            rect.y >= d.bounds.y &&
            rect.y < d.bounds.y + d.bounds.height,
        ) ?? displays[0],
      );
    },
  });

  const safeStorage = {
    isEncryptionAvailable() {
      needsReady('safeStorage.isEncryptionAvailable');
      return true;
    },
    getSelectedStorageBackend() {
      needsReady('safeStorage.getSelectedStorageBackend');
      onlyOn('safeStorage.getSelectedStorageBackend', ['linux']);
      return 'gnome_libsecret';
    },
    encryptString(text: string) {
      needsReady('safeStorage.encryptString');
      return Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`);
    },
    decryptString(sealed: Buffer) {
      needsReady('safeStorage.decryptString');
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(text.slice(7), 'base64').toString();
    },
  };

  const nativeImage = {
    createFromPath(path: string) {
      touch('nativeImage.createFromPath');
      return imageFromPath(path, 'nativeImage.createFromPath');
    },
    createFromBuffer(buffer: Buffer) {
      const ok = decodableImage(buffer, platform);
      return new StrictNativeImage(buffer, !ok);
    },
    createEmpty() {
      return new StrictNativeImage(Buffer.alloc(0), true);
    },
  };

  const clipboardData: { text: string } = { text: '' };
  const clipboard = {
    writeText(text: string) {
      touch('clipboard.writeText');
      clipboardData.text = text;
    },
    readText() {
      return clipboardData.text;
    },
    async write(_items: unknown[]) {
      touch('clipboard.write');
    },
  };
  class ClipboardItem {
    readonly items: Record<string, unknown>;
    constructor(items: Record<string, unknown>) {
      this.items = items;
    }
  }

  const opened: string[] = [];
  const shell = {
    async openExternal(url: string) {
      touch('shell.openExternal');
      opened.push(url);
    },
  };
  const errorBoxes: { title: string; content: string }[] = [];
  const dialog = {
    showErrorBox(title: string, content: string) {
      touch('dialog.showErrorBox');
      errorBoxes.push({ title, content });
    },
    async showSaveDialog(..._args: unknown[]) {
      needsReady('dialog.showSaveDialog');
      return { canceled: true, filePath: '' };
    },
    async showMessageBox(..._args: unknown[]) {
      needsReady('dialog.showMessageBox');
      return { response: 0, checkboxChecked: false };
    },
  };
  const net = {
    isOnline() {
      needsReady('net.isOnline');
      return true;
    },
  };

  // ---- renderer side (the preload) ---------------------------------------------------------
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (exposed.has(key)) violate('context-bridge', `'${key}' was exposed twice`);
      checkCloneable(api, key);
      exposed.set(key, api);
    },
  };
  function checkCloneable(value: unknown, path: string, seen = new Set<unknown>()): void {
    if (value === null || ['string', 'number', 'boolean', 'undefined', 'function'].includes(typeof value))
      return;
    if (typeof value === 'symbol' || typeof value === 'bigint')
      violate('context-bridge', `${path} is a ${typeof value}, which the bridge cannot copy`);
    if (seen.has(value)) return;
    seen.add(value);
    // Realm-independent checks: the preload runs in its own JavaScript world.
    const tag = Object.prototype.toString.call(value);
    if (['[object Promise]', '[object Error]', '[object Date]'].includes(tag)) return;
    const proto = Object.getPrototypeOf(value);
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (!Array.isArray(value) && !plain)
      violate('context-bridge', `${path} is a class instance; its prototype would be dropped`);
    for (const [name, inner] of Object.entries(value as object))
      checkCloneable(inner, `${path}.${name}`, seen);
  }
  const ipcRendererListeners = new EventEmitter();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const ipcRenderer = Object.assign(ipcRendererListeners, {
    async invoke(channel: string, ...args: unknown[]) {
      invoked.push({ channel, args });
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      return handler({ sender: null, senderFrame: null }, ...args);
    },
    send(channel: string, ...args: unknown[]) {
      invoked.push({ channel, args });
    },
  });

  /** Parts of Electron the app does not use yet: any use is reported, never silently undefined. */
  const notImplemented = (name: string) =>
    new Proxy(
      {},
      {
        get(_target, property) {
          if (typeof property === 'symbol' || property === 'then') return undefined;
          return violate('not-implemented', `${name}.${String(property)}`);
        },
      },
    );
  const unused = [
    'BaseWindow',
    'BrowserView',
    'contentTracing',
    'crashReporter',
    'desktopCapturer',
    'globalShortcut',
    'ImageView',
    'inAppPurchase',
    'IpcMainServiceWorker',
    'MenuItem',
    'MessageChannelMain',
    'netLog',
    'powerSaveBlocker',
    'pushNotifications',
    'ShareMenu',
    'systemPreferences',
    'TouchBar',
    'utilityProcess',
    'View',
    'webContents',
    'WebContentsView',
    'webFrameMain',
    'WebSocket',
    'webFrame',
    'webUtils',
  ];

  const electron: Record<string, unknown> = {
    app,
    autoUpdater,
    BrowserWindow: StrictBrowserWindow,
    ClipboardItem,
    clipboard,
    contextBridge,
    dialog,
    ipcMain,
    ipcRenderer,
    Menu,
    nativeImage,
    nativeTheme,
    net,
    Notification: StrictNotification,
    powerMonitor,
    protocol,
    safeStorage,
    screen,
    session,
    shell,
    Tray: StrictTray,
  };
  for (const name of unused) electron[name] = notImplemented(name);

  /** The test's side: plays the OS and the user, and reads what the app did. */
  const sim = {
    platform,
    violations,
    calls,
    errorBoxes,
    opened,
    exposed,
    invoked,
    imagePaths,
    ipcHandlers,
    protocolHandlers,
    privilegedSchemes,
    get ready() {
      return ready;
    },
    get exited() {
      return exited;
    },
    get lockAsked() {
      return lockAsked;
    },
    get applicationMenu() {
      return applicationMenu;
    },
    get applicationMenuSet() {
      return applicationMenuSet;
    },
    get defaultMenuInstalled() {
      return defaultMenuInstalled;
    },
    get appUserModelId() {
      return appUserModelId;
    },
    windows: () => StrictBrowserWindow.all(),
    allWindowsEver: () => [...StrictBrowserWindow.windows],
    trays: () => StrictTray.trays.filter((tray) => !tray.destroyed),
    notifications: () => [...StrictNotification.notifications],
    exit: exitPromise,
    /** The main script has run: Electron finishes launching, then becomes ready (on a later turn). */
    launch() {
      app.emit('will-finish-launching');
      installDefaultMenu();
      setImmediate(() => {
        ready = true;
        app.emit('ready', {}, {});
        resolveReady();
      });
    },
    /** Another launch of the app: Electron tells the first instance. */
    secondInstance(argv: string[] = []) {
      app.emit('second-instance', {}, argv, options.dataDir, {});
    },
    clickTray,
    /** The user picks a menu item (a checkbox flips first, as in Electron). */
    clickMenuItem(item: StrictMenuItem) {
      if (item.enabled === false) throw new Error(`menu item "${item.label}" is disabled`);
      if (item.type === 'checkbox') item.checked = !item.checked;
      item.click?.(item, StrictBrowserWindow.getFocusedWindow() ?? undefined, {});
    },
    /** The user switches the theme. */
    setTheme(theme: { dark?: boolean; darkTaskbar?: boolean }) {
      if (theme.dark !== undefined) nativeTheme.shouldUseDarkColors = theme.dark;
      if (theme.darkTaskbar !== undefined && platform !== 'linux')
        nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = theme.darkTaskbar;
      nativeTheme.emit('updated');
    },
    /** Windows is shutting down: 'session-end' on every window, then the process is ended (no quit events). */
    endSession() {
      const listening = StrictBrowserWindow.all().filter((window) => window.listenerCount('session-end') > 0);
      for (const window of StrictBrowserWindow.all()) window.emit('session-end', {});
      return listening.length;
    },
    quit() {
      app.quit();
    },
  };

  return { electron, sim };
}
