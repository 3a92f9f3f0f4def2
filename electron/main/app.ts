// The desktop app's lifecycle: one instance, one window, the companion's core hosted in the main
// process, torn down cleanly on quit.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, session } from 'electron';
import electronUpdater from 'electron-updater';
import type { AllHandlers } from '../../shared/bridge.ts';
import { errorMessage } from '../../shared/error-message.ts';
import { FIRST_PAINT_MODULE } from '../../shared/first-paint-element.ts';
import { systemLocale } from '../../shared/i18n/locale.ts';
import { CompanionMode } from '../../shared/settings.ts';
import { type Companion, startCompanion } from '../core/companion.ts';
import { createDemoSandboxStarter } from '../core/demo-sandbox.ts';
import { loadIndexPage } from '../core/first-paint/index-page.ts';
import { wellFormedLanguages } from '../core/first-paint/languages.ts';
import { wordsIn } from '../core/i18n.ts';
import { createFileLogger, type FileLogger } from '../core/logging/file-logger.ts';
import { loginItemMechanism } from '../core/login/autostart.ts';
import { openCompanionStorage } from '../core/storage.ts';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, originOf } from './app-identity.ts';
import { applicationMenuTemplate } from './app-menu.ts';
import { attachIpcBridge } from './ipc-bridge.ts';
import { createLiveGlue, type LiveGlue } from './live-glue.ts';
import { createMainWindow, guardWebContents } from './main-window.ts';
import { registerAppScheme, serveRendererFrom } from './renderer-protocol.ts';
import { openElectronSecretStore } from './secret-store-safe-storage.ts';
import { createElectronShellHandlers } from './shell-handlers.ts';
import { createUpdaterGlue } from './updater.ts';

/** The safeStorage fallback's encrypted file, in userData. */
const SESSION_SECRETS_FILE = 'session-secrets.json';
/** The log files' folder, in userData (docs/updates-and-logs.md). */
const LOGS_DIR = 'logs';

export interface AppPaths {
  /** Directory of the built main bundle (out/main); preload and renderer sit beside it. */
  mainDir: string;
}

export interface RunningApp {
  /** Resolves when the window is up (or the start failed and the app is quitting). */
  ready: Promise<void>;
}

/**
 * `--mode demo|link|server` (or `--mode=…`) on Electron's command line skips the welcome, as the
 * browser shell's flag does; anything else there is Chromium's or Electron's and is left alone.
 */
export function modeFromArgv(argv: readonly string[]): { mode?: CompanionMode } {
  const index = argv.findIndex((arg) => arg === '--mode' || arg.startsWith('--mode='));
  if (index === -1) return {};
  const arg = argv[index] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  const parsed = CompanionMode.safeParse(value);
  if (!parsed.success) throw new Error(`--mode must be demo, link or server, got "${value ?? ''}".`);
  return { mode: parsed.data };
}

export function runCompanionApp(
  paths: AppPaths,
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): RunningApp {
  // Dev (electron-vite dev) serves the renderer itself; the packaged app uses app://.
  const devUrl = env.ELECTRON_RENDERER_URL;
  const entryUrl = devUrl ?? APP_ENTRY_URL;
  const appOrigin = devUrl ? originOf(devUrl) : APP_ORIGIN;
  if (!appOrigin) throw new TypeError(`ELECTRON_RENDERER_URL is not a URL with a host: ${devUrl}`);

  // A second launch hands over to the first (second-instance below) and exits at once.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve() };
  }
  registerAppScheme();
  // Before the first window (and before 'will-finish-launching', where Electron would build its
  // default File/Edit/View/Window menu): see app-menu.ts for the choice per platform.
  const menu = applicationMenuTemplate({ platform: process.platform, packaged: app.isPackaged });
  Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
  // One log for core, the embedded sandbox and this glue; on the console too in development.
  const logger: FileLogger = createFileLogger({
    dir: join(app.getPath('userData'), LOGS_DIR),
    level: app.isPackaged ? 'info' : 'debug',
    console: !app.isPackaged,
  });
  const glueLog = logger.scope('electron');
  const fileLog = (name: string) => logger.scope('files').scope(name).warn;
  // Windows ties notifications and the taskbar entry to this id; it must match the installer's.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.setAboutPanelOptions({
    applicationName: app.getName(),
    applicationVersion: app.getVersion(),
    copyright: 'Not affiliated with or endorsed by Quantower.',
    credits: 'Referral link, QR code, earnings and payouts of the Quantower Referral Program.',
    website: 'https://www.quantower.com/',
  });

  let window: BrowserWindow | undefined;
  let companion: Companion | undefined;
  let detachBridge: (() => void) | undefined;
  let closed = false;
  /** Tray, native notifications, widget window, start at login (live-glue.ts). */
  let liveGlue: LiveGlue | undefined;

  app.on('web-contents-created', (_event, contents) => {
    // Safety net for any web contents other than our window (which guards itself and alone may
    // open allow-listed links): same deny-by-default rules, never opening anything.
    if (contents.getType() !== 'window') guardWebContents(contents, appOrigin, { openAllowedLinks: false });
  });

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows (menu bar, dock); elsewhere closing means quitting.
    if (process.platform !== 'darwin') app.quit();
  });

  // Closing the window hides it to the tray; quitting (tray menu, Cmd+Q, shutdown) really closes it.
  app.on('before-quit', () => liveGlue?.markQuitting());

  /**
   * The one way down, for a quit and for the OS ending the session alike: the bridge detached,
   * the widget's pending placement written, the companion (live updates, outbox, session, demo
   * sandbox) closed. Settings, caches and the request outbox are written as they change; what
   * runs here synchronously is what a Windows shutdown is sure to get.
   */
  let shuttingDown: Promise<void> | undefined;
  const shutDown = (): Promise<void> => {
    if (!shuttingDown) {
      liveGlue?.markQuitting();
      detachBridge?.();
      liveGlue?.destroy();
      shuttingDown = (companion?.close() ?? Promise.resolve())
        .catch((error: unknown) => glueLog.error('Closing the companion failed', error))
        .finally(async () => {
          await logger.close();
          closed = true;
        });
    }
    return shuttingDown;
  };
  /** The OS is logging off or shutting down (Windows: window 'session-end'; macOS/Linux: powerMonitor 'shutdown'). */
  const endOfSession = () => {
    void shutDown().then(() => app.quit());
  };

  app.on('will-quit', (event) => {
    if (closed || !companion) return;
    event.preventDefault();
    void shutDown().then(() => app.quit());
  });

  const openWindow = (show = true) => {
    if (!companion) return;
    detachBridge?.();
    window = createMainWindow({
      preloadPath: join(paths.mainDir, '../preload/index.cjs'),
      appOrigin,
      showWhenReady: show,
      log: glueLog.scope('window').warn,
    });
    liveGlue?.attachWindow(window);
    // Windows ends the session without a quit: no before-quit/will-quit, so take the quit path here.
    window.on('session-end', endOfSession);
    const handlers: AllHandlers = {
      ...companion.handlers,
      ...createElectronShellHandlers({
        window: () => window,
        // The accounts server's sign-in page opens in the system browser.
        trustedOrigins: () =>
          companion?.info.accountsUrl ? [new URL(companion.info.accountsUrl).origin] : [],
        logsDir: logger.dir,
      }),
    };
    detachBridge = attachIpcBridge({
      window,
      appOrigin,
      handlers,
      events: companion.events,
      log: glueLog.scope('ipc').error,
    });
    void window.loadURL(entryUrl);
  };

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  const ready = app.whenReady().then(async () => {
    // Nothing asks the user for camera, location, notifications-from-web etc.: deny them all.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // Linux/macOS shutdown: delay it (Electron's documented way) until the quit path has run.
    // (Electron passes an event there; its typings omit it.)
    powerMonitor.on('shutdown', (event?: Electron.Event) => {
      event?.preventDefault();
      endOfSession();
    });
    if (!devUrl) {
      const rendererDir = join(paths.mainDir, '../renderer');
      const indexPage = loadIndexPage({
        rendererDir,
        firstPaintModule: join(paths.mainDir, '../renderer-server', FIRST_PAINT_MODULE),
        log: logger.scope('first-paint').warn,
      }).catch((error: unknown) => {
        glueLog.error('The page will not be pre-rendered', error);
        return null;
      });
      // The page is pre-rendered from core's state in the OS's languages (docs/first-paint.md).
      serveRendererFrom(
        rendererDir,
        async () => {
          const page = await indexPage;
          const languages = wellFormedLanguages(app.getPreferredSystemLanguages());
          return page?.render(companion ? companion.firstPaint(languages) : null) ?? null;
        },
        glueLog.scope('protocol').error,
      );
    }
    liveGlue = createLiveGlue({
      mainDir: paths.mainDir,
      userDataDir: app.getPath('userData'),
      argv: process.argv,
      log: glueLog.scope('live').warn,
    });
    try {
      companion = await startCompanion({
        shell: 'electron',
        startAtLogin: loginItemMechanism(process.platform, app.isPackaged) !== 'none',
        version: app.getVersion(),
        // The OS's languages: the UI resolves "system" from the same list (first paint), and reports back.
        systemLanguages: wellFormedLanguages(app.getPreferredSystemLanguages()),
        accountsUrl: env.COMPANION_ACCOUNTS_URL,
        ...modeFromArgv(argv),
        startDemoSandbox: createDemoSandboxStarter(app.getPath('userData'), logger),
        logger,
        logs: logger,
        // Packaged builds update themselves (electron-updater over the `publish` feed); a
        // development run has no feed, and About says updates are unsupported.
        ...(app.isPackaged
          ? { updater: createUpdaterGlue(electronUpdater.autoUpdater, logger.scope('updates')) }
          : {}),
        // The same Electron-free state files as the browser shell, in userData.
        ...openCompanionStorage(app.getPath('userData'), { log: fileLog }),
        notificationSink: liveGlue.notificationSink,
        // The OS keychain, else safeStorage, else memory (the UI says why).
        secrets: await openElectronSecretStore({
          file: join(app.getPath('userData'), SESSION_SECRETS_FILE),
          log: glueLog.scope('secrets').warn,
        }),
      });
    } catch (error) {
      const detail = errorMessage(error);
      glueLog.error('The companion could not start', error);
      // Core (and its settings) did not start: the OS's languages decide.
      const language = systemLocale(wellFormedLanguages(app.getPreferredSystemLanguages()));
      dialog.showErrorBox(wordsIn(language, 'common')('startFailed'), detail);
      closed = true;
      app.quit();
      return;
    }
    const { showWindow } = await liveGlue.start(companion, {
      current: () => window,
      open: () => openWindow(),
    });
    openWindow(showWindow);
    // \`npm start\` (scripts/start.ts) tells a crash at start from a later one by this file.
    const startedFile = env.COMPANION_STARTED_FILE;
    if (startedFile) await writeFile(startedFile, String(process.pid)).catch(() => {});
  });

  return { ready };
}
