// A stand-in for the `electron` module in unit tests (the real one cannot load outside
// Electron). It records what the glue asks of Electron and lets tests play Electron's part:
// emit navigation events, invoke IPC handlers, answer protocol requests.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

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
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
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
  setMinimumSize = vi.fn();
  setAlwaysOnTop = vi.fn();
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

/** Tray stand-in: records what the glue drew. */
export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: FakeMenu | undefined;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.instances.push(this);
  }
  setImage = vi.fn((image: unknown) => {
    this.image = image;
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
}

export class FakeMenu {
  readonly template: Record<string, unknown>[];
  constructor(template: Record<string, unknown>[]) {
    this.template = template;
  }
  static buildFromTemplate(template: Record<string, unknown>[]) {
    return new FakeMenu(template);
  }
}

/** Notification stand-in: every one shown is kept, so tests can click them. */
export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  readonly options: { title: string; body?: string; icon?: string };
  shown = false;
  constructor(options: { title: string; body?: string; icon?: string }) {
    super();
    this.options = options;
    FakeNotification.instances.push(this);
  }
  show() {
    this.shown = true;
  }
}

/** nativeImage stand-in: "empty" unless the bytes start with the PNG signature. */
export class FakeNativeImage {
  readonly buffer: Buffer;
  constructor(buffer: Buffer) {
    this.buffer = buffer;
  }
  isEmpty() {
    return !this.buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  }
}

export class FakeClipboardItem {
  readonly items: Record<string, Blob | string>;
  constructor(items: Record<string, Blob | string>) {
    this.items = items;
  }
}

class FakeApp extends EventEmitter {
  platformReady = Promise.resolve();
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
  whenReady() {
    return this.platformReady;
  }
}

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
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    clipboard: {
      writeText: vi.fn(async (_text: string) => {}),
      write: vi.fn(async (_items: FakeClipboardItem[]) => {}),
    },
    ClipboardItem: FakeClipboardItem,
    nativeImage: {
      createFromBuffer: vi.fn((buffer: Buffer) => new FakeNativeImage(buffer)),
      createFromPath: vi.fn((path: string) => ({
        path,
        template: false,
        setTemplateImage(this: { template: boolean }, on: boolean) {
          this.template = on;
        },
      })),
    },
    Tray: FakeTray,
    Menu: FakeMenu,
    Notification: FakeNotification,
    nativeTheme: Object.assign(new EventEmitter(), { shouldUseDarkColors: false }),
    powerMonitor: new EventEmitter(),
    net: { isOnline: vi.fn(() => true) },
    screen: {
      getAllDisplays: vi.fn(() => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
      getPrimaryDisplay: vi.fn(() => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
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
      registerSchemesAsPrivileged: vi.fn(),
      handlers: new Map<string, (request: Request) => Promise<Response>>(),
      handle: vi.fn(function (this: void, scheme: string, handler: (request: Request) => Promise<Response>) {
        fakeElectron.protocol.handlers.set(scheme, handler);
      }),
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
  fakeElectron.app.platformReady = Promise.resolve();
  fakeElectron.app.getPreferredSystemLanguages.mockReset().mockReturnValue(['en-US']);
  fakeElectron.ipcMain.handlers.clear();
  fakeElectron.protocol.handlers.clear();
  fakeElectron.ipcRenderer.removeAllListeners();
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  fakeElectron.powerMonitor.removeAllListeners();
  fakeElectron.nativeTheme.removeAllListeners();
}
