// A stand-in for the `electron` module in unit tests (the real one cannot load outside
// Electron). It records what the glue asks of Electron and lets tests play Electron's part:
// emit navigation events, invoke IPC handlers, answer protocol requests.
//
// It must not allow what real Electron refuses (issue 14), so it is strict where a lenient fake
// once hid defects: the app is ready only a turn after the main script asked (whenReady), and
// windows, trays, protocol.handle and screen refuse to work before; privileged schemes only
// before; images come from real files and are empty like Electron's when the file is missing or
// not decodable on this platform (a tray or notification with an empty image throws here); a
// tray click is played per platform (userClick), never emitted by hand; notifications can fail
// (failNext); the default menu is installed when the app set none before its first window
// (menuState); the screen has two displays with scaling. test/desktop/strict-electron.ts is
// the stricter stand-in npm run verify:desktop boots the built app with.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { vi } from 'vitest';

/** Refuses a call Electron refuses before the app is ready. */
function requireReady(what: string): void {
  if (!fakeElectron.app.isReady())
    throw new Error(`${what} cannot be used before the app is ready (Electron refuses it)`);
}

type Handler = (...args: never[]) => unknown;

export class FakeWebFrame {
  url: string;
  constructor(url: string) {
    this.url = url;
  }
}

export class FakeWebContents extends EventEmitter {
  mainFrame = new FakeWebFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;
  type = 'window';
  send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getType() {
    return this.type;
  }
  /** Plays a navigation event; returns whether the listeners prevented it. */
  navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const details = { url, isMainFrame: true, preventDefault: () => (prevented = true) };
    this.emit(event, details, url);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows() {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  /** Like Electron: a window made with `show: false` stays hidden until shown; showing emits 'show'. */
  show = vi.fn(() => {
    if (this.visible) return;
    this.visible = true;
    this.emit('show');
  });
  isVisible() {
    return this.visible;
  }
  focus = vi.fn();
  focused = true;
  isFocused() {
    return this.focused;
  }
  restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(options: Record<string, unknown>) {
    super();
    requireReady('new BrowserWindow()');
    this.options = options;
    this.visible = options.show !== false;
    if (typeof options.icon === 'string') imageOrThrow(options.icon, 'BrowserWindow icon');
    // Electron installs its default menu (with Reload and Toggle DevTools) when none was set.
    if (!fakeElectron.menuState.applicationMenuSet) fakeElectron.menuState.defaultMenuInstalled = true;
    FakeBrowserWindow.instances.push(this);
    fakeElectron.app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  bounds = { x: 0, y: 0, width: 420, height: 680 };
  visible = true;
  setBounds = vi.fn((bounds: { x: number; y: number; width: number; height: number }) => {
    this.bounds = { ...bounds };
  });
  getBounds = vi.fn(() => ({ ...this.bounds }));
  setSize = vi.fn((width: number, height: number) => {
    this.bounds = { ...this.bounds, width, height };
  });
  setMinimumSize = vi.fn();
  /** Each setAlwaysOnTop call with whether the window was visible (a hidden window does not keep it). */
  alwaysOnTopCalls: { flag: boolean; level: string | undefined; visible: boolean }[] = [];
  setAlwaysOnTop = vi.fn((flag: boolean, level?: string) => {
    this.alwaysOnTopCalls.push({ flag, level, visible: this.visible });
  });
  hide = vi.fn(() => {
    this.visible = false;
  });
  /** Plays a close request; returns whether a listener prevented it. */
  requestClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

/** Tray stand-in: records what the glue drew; clicks are played per platform (userClick). */
export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: FakeMenu | undefined;
  destroyed = false;
  constructor(image: unknown) {
    super();
    requireReady('new Tray()');
    this.image = trayImage(image);
    FakeTray.instances.push(this);
  }
  setImage = vi.fn((image: unknown) => {
    this.image = trayImage(image);
  });
  setToolTip = vi.fn((text: string) => {
    this.tooltip = text;
  });
  setContextMenu = vi.fn((menu: FakeMenu) => {
    this.menu = menu;
  });
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  /** Tests play clicks with userClick(): a hand-made 'click' may be one the platform never sends. */
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (!this.playing && (event === 'click' || event === 'right-click' || event === 'mouse-up'))
      throw new Error(`Play tray clicks with userClick(), not emit('${String(event)}').`);
    return super.emit(event, ...args);
  }
  private playing = false;
  /**
   * A click on the icon as the platform delivers it (Electron's tray_icon_cocoa.mm, notify_icon.cc,
   * docs/api/tray.md): Windows: left 'click', right opens the menu; macOS: with a menu a left click
   * opens it (and emits 'click'), without one 'mouse-up' + 'click'; Linux: a StatusNotifierItem
   * host such as Ubuntu's opens the menu and sends no 'click'. Returns the menu that opened.
   */
  userClick(button: 'left' | 'right', platform: NodeJS.Platform = process.platform): FakeMenu | undefined {
    const menu = this.menu && this.menu.template.length > 0 ? this.menu : undefined;
    const send = (...events: string[]) => {
      this.playing = true;
      try {
        for (const event of events) this.emit(event, {}, {});
      } finally {
        this.playing = false;
      }
    };
    if (platform === 'win32') {
      if (button === 'left') send('click');
      else if (menu) return menu;
      else send('right-click');
      return undefined;
    }
    if (platform === 'darwin') {
      if (button === 'right') send('right-click');
      else if (menu) {
        send('click');
        return menu;
      } else send('mouse-up', 'click');
      return undefined;
    }
    if (menu) return menu;
    if (button === 'left') send('click');
    return undefined;
  }
}

function trayImage(image: unknown): unknown {
  const picture = typeof image === 'string' ? imageFromPath(image) : image;
  if (picture instanceof FakeNativeImage && picture.isEmpty())
    throw new Error(`An empty tray image (${picture.path ?? 'from a buffer'}): the icon would be invisible.`);
  return picture;
}

export class FakeMenu {
  readonly template: Record<string, unknown>[];
  constructor(template: Record<string, unknown>[]) {
    this.template = template;
  }
  static buildFromTemplate(template: Record<string, unknown>[]) {
    for (const item of template)
      if (!item.label && !item.role && !item.type)
        throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    return new FakeMenu(template);
  }
  /** The application menu last set; undefined: never set (Electron would install its default). */
  static applicationMenu: FakeMenu | null | undefined;
  static setApplicationMenu = vi.fn((menu: FakeMenu | null) => {
    FakeMenu.applicationMenu = menu;
    fakeElectron.menuState.applicationMenuSet = true;
    fakeElectron.menuState.applicationMenu = menu;
  });
  static getApplicationMenu() {
    return fakeElectron.menuState.applicationMenu;
  }
}

/** Notification stand-in: every one shown is kept, so tests can click them. */
export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  /** The next show() fails the way Electron reports it ('failed', e.g. Windows refusing the toast). */
  static failNext: string | undefined;
  readonly options: { title: string; body?: string; icon?: string };
  shown = false;
  constructor(options: { title: string; body?: string; icon?: string }) {
    super();
    this.options = options;
    if (options.icon !== undefined) imageOrThrow(options.icon, 'Notification icon');
    FakeNotification.instances.push(this);
  }
  show() {
    const failure = FakeNotification.failNext;
    FakeNotification.failNext = undefined;
    if (failure !== undefined) {
      this.emit('failed', {}, failure);
      return;
    }
    this.shown = true;
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ICO_HEADER = Buffer.from([0x00, 0x00, 0x01, 0x00]);

/** nativeImage stand-in: empty unless the bytes are a PNG (or, on Windows, an ICO), like Electron's decoders. */
export class FakeNativeImage {
  readonly buffer: Buffer;
  readonly path: string | undefined;
  template = false;
  constructor(buffer: Buffer, path?: string) {
    this.buffer = buffer;
    this.path = path;
  }
  isEmpty() {
    if (this.buffer.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
    return !(process.platform === 'win32' && this.buffer.subarray(0, 4).equals(ICO_HEADER));
  }
  setTemplateImage(on: boolean) {
    this.template = on;
  }
  isTemplateImage() {
    return this.template;
  }
}

/** nativeImage.createFromPath: the file's bytes, or an empty image when there is no such file. */
function imageFromPath(path: string): FakeNativeImage {
  const bytes = existsSync(path) && statSync(path).isFile() ? readFileSync(path) : Buffer.alloc(0);
  return new FakeNativeImage(bytes, path);
}

/** An image Electron would show as nothing: refused here, so a wrong path cannot pass a test. */
function imageOrThrow(path: string, what: string): FakeNativeImage {
  const image = imageFromPath(path);
  if (image.isEmpty())
    throw new Error(`${what}: ${path} gives an empty image (missing or not decodable here).`);
  return image;
}

export class FakeClipboardItem {
  readonly items: Record<string, Blob | string>;
  constructor(items: Record<string, Blob | string>) {
    this.items = items;
  }
}

class FakeApp extends EventEmitter {
  /** `electron .` in development; a test sets true to play the installed app. */
  isPackaged = false;
  private ready = false;
  private readyPromise: Promise<void> | undefined;
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  getVersion = vi.fn(() => '0.1.0-test');
  /** The OS's preferred languages (a test sets them to see core follow the OS). */
  getPreferredSystemLanguages = vi.fn((): string[] => ['en-US']);
  getName = vi.fn(() => 'Referral Companion for Quantower');
  getPath = vi.fn((_name: string) => '/nonexistent');
  setAppUserModelId = vi.fn();
  setAboutPanelOptions = vi.fn();
  setLoginItemSettings = vi.fn();
  getLoginItemSettings = vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false }));
  /**
   * Like Electron, 'ready' never comes in the same turn: it follows the main script, here the turn
   * after the first whenReady() (tests of glue that runs once ready await it first).
   */
  whenReady() {
    this.readyPromise ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        this.ready = true;
        this.emit('ready');
        resolve();
      }),
    );
    return this.readyPromise;
  }
  isReady() {
    return this.ready;
  }
  /** Back to "not launched yet" (resetFakeElectron). */
  relaunch() {
    this.ready = false;
    this.readyPromise = undefined;
  }
}

const DISPLAYS = [
  {
    id: 1,
    scaleFactor: 1.5,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  },
  {
    id: 2,
    scaleFactor: 1,
    bounds: { x: -1280, y: 0, width: 1280, height: 1024 },
    workArea: { x: -1280, y: 0, width: 1280, height: 984 },
  },
];

function createFake() {
  const ipcHandlers = new Map<string, Handler>();
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handlers: ipcHandlers,
      handle: vi.fn((channel: string, handler: Handler) => {
        if (ipcHandlers.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    shell: {
      openExternal: vi.fn(async (_url: string) => {}),
      openPath: vi.fn(async (_path: string) => ''),
    },
    clipboard: {
      writeText: vi.fn(async (_text: string) => {}),
      readText: vi.fn(async (): Promise<string> => ''),
      write: vi.fn(async (_items: FakeClipboardItem[]) => {}),
    },
    ClipboardItem: FakeClipboardItem,
    nativeImage: {
      createFromBuffer: vi.fn((buffer: Buffer) => new FakeNativeImage(buffer)),
      createFromPath: vi.fn((path: string) => imageFromPath(path)),
    },
    Tray: FakeTray,
    Menu: FakeMenu,
    Notification: FakeNotification,
    // Windows 10's default theme: light apps, dark taskbar (the two differ; tray icons follow the taskbar).
    nativeTheme: Object.assign(new EventEmitter(), {
      shouldUseDarkColors: false,
      shouldUseDarkColorsForSystemIntegratedUI: true,
    }),
    powerMonitor: new EventEmitter(),
    net: { isOnline: vi.fn(() => true) },
    // Two displays, scaled, one left of the primary (negative coordinates), as on many desks.
    screen: {
      getAllDisplays: vi.fn(() => {
        requireReady('screen');
        return DISPLAYS.map((display) => structuredClone(display));
      }),
      getPrimaryDisplay: vi.fn(() => {
        requireReady('screen');
        return structuredClone(DISPLAYS[0] as (typeof DISPLAYS)[number]);
      }),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => ({
          canceled: true,
          filePath: '',
        }),
      ),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => {
        if (fakeElectron.app.isReady())
          throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      }),
      handlers: new Map<string, (request: Request) => Promise<Response>>(),
      handle: vi.fn(function (this: void, scheme: string, handler: (request: Request) => Promise<Response>) {
        requireReady('protocol.handle()');
        if (fakeElectron.protocol.handlers.has(scheme))
          throw new Error(`Failed to register protocol: ${scheme}`);
        fakeElectron.protocol.handlers.set(scheme, handler);
      }),
    },
    /** The application menu: set by the app, or Electron's default installed at the first window. */
    menuState: {
      applicationMenuSet: false,
      applicationMenu: null as FakeMenu | null,
      defaultMenuInstalled: false,
    },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
    // Like Linux without a keyring: no protection, so the secret store falls back to memory.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => false),
      encryptString: vi.fn((text: string) => Buffer.from(text)),
      decryptString: vi.fn((sealed: Buffer) => sealed.toString()),
      getSelectedStorageBackend: vi.fn(() => 'basic_text'),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: new (class extends EventEmitter {
      invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined);
    })(),
  };
}

/** The module `vi.mock('electron', …)` hands to the code under test; reset between tests. */
export const fakeElectron = createFake();

/** Forgets listeners, handlers, windows and recorded calls (the objects stay the same). */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  fakeElectron.app.removeAllListeners();
  fakeElectron.app.isPackaged = false;
  FakeMenu.applicationMenu = undefined;
  fakeElectron.app.relaunch();
  fakeElectron.menuState.applicationMenuSet = false;
  fakeElectron.menuState.applicationMenu = null;
  fakeElectron.menuState.defaultMenuInstalled = false;
  fakeElectron.app.getPreferredSystemLanguages.mockReset().mockReturnValue(['en-US']);
  fakeElectron.ipcMain.handlers.clear();
  fakeElectron.protocol.handlers.clear();
  fakeElectron.ipcRenderer.removeAllListeners();
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  FakeNotification.failNext = undefined;
  fakeElectron.nativeTheme.shouldUseDarkColors = false;
  fakeElectron.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
  fakeElectron.powerMonitor.removeAllListeners();
  fakeElectron.nativeTheme.removeAllListeners();
}
