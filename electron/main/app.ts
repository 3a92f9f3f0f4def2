// The desktop app's lifecycle: one instance, one window, the companion's core hosted in the main
// process, torn down cleanly on quit.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import type { AllHandlers } from '../../shared/bridge.ts';
import { FIRST_PAINT_MODULE } from '../../shared/first-paint-element.ts';
import { systemLocale } from '../../shared/i18n/locale.ts';
import { type Companion, startCompanion } from '../core/companion.ts';
import { createDemoSandboxStarter } from '../core/demo-sandbox.ts';
import { openEarningsCacheFile } from '../core/earnings/snapshot-cache.ts';
import { loadIndexPage } from '../core/first-paint/index-page.ts';
import { wellFormedLanguages } from '../core/first-paint/languages.ts';
import { wordsIn } from '../core/i18n.ts';
import { openRequestsFile } from '../core/payouts/requests-file.ts';
import { openReferralCacheFile } from '../core/referral-cache.ts';
import { openSettingsFile } from '../core/settings/settings-storage.ts';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, originOf } from './app-identity.ts';
import { attachIpcBridge } from './ipc-bridge.ts';
import { createLiveGlue, type LiveGlue } from './live-glue.ts';
import { createMainWindow, guardWebContents } from './main-window.ts';
import { registerAppScheme, serveRendererFrom } from './renderer-protocol.ts';
import { openElectronSecretStore } from './secret-store-safe-storage.ts';
import { createElectronShellHandlers } from './shell-handlers.ts';

/** The safeStorage fallback's encrypted file, in userData. */
const SESSION_SECRETS_FILE = 'session-secrets.json';

export interface AppPaths {
  /** Directory of the built main bundle (out/main); preload and renderer sit beside it. */
  mainDir: string;
}

export interface RunningApp {
  /** Resolves when the window is up (or the start failed and the app is quitting). */
  ready: Promise<void>;
}

export function runCompanionApp(paths: AppPaths, env: NodeJS.ProcessEnv = process.env): RunningApp {
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

  app.on('will-quit', (event) => {
    if (closed || !companion) return;
    event.preventDefault();
    detachBridge?.();
    liveGlue?.destroy();
    companion
      .close()
      .catch((error: unknown) => console.error('Closing the companion failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  const openWindow = (show = true) => {
    if (!companion) return;
    detachBridge?.();
    window = createMainWindow({
      preloadPath: join(paths.mainDir, '../preload/index.cjs'),
      appOrigin,
      showWhenReady: show,
    });
    liveGlue?.attachWindow(window);
    const handlers: AllHandlers = {
      ...companion.handlers,
      ...createElectronShellHandlers({
        window: () => window,
        // The accounts server's sign-in page opens in the system browser.
        trustedOrigins: () => (companion ? [new URL(companion.info.accountsUrl).origin] : []),
      }),
    };
    detachBridge = attachIpcBridge({ window, appOrigin, handlers, events: companion.events });
    void window.loadURL(entryUrl);
  };

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  const ready = app.whenReady().then(async () => {
    // Nothing asks the user for camera, location, notifications-from-web etc.: deny them all.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    if (!devUrl) {
      const rendererDir = join(paths.mainDir, '../renderer');
      const indexPage = loadIndexPage({
        rendererDir,
        firstPaintModule: join(paths.mainDir, '../renderer-server', FIRST_PAINT_MODULE),
      }).catch((error: unknown) => {
        console.error('The page will not be pre-rendered:', error);
        return null;
      });
      // The page is pre-rendered from core's state in the OS's languages (docs/first-paint.md).
      serveRendererFrom(rendererDir, async () => {
        const page = await indexPage;
        const languages = wellFormedLanguages(app.getPreferredSystemLanguages());
        return page?.render(companion ? companion.firstPaint(languages) : null) ?? null;
      });
    }
    liveGlue = createLiveGlue({
      mainDir: paths.mainDir,
      userDataDir: app.getPath('userData'),
      argv: process.argv,
    });
    try {
      companion = await startCompanion({
        shell: 'electron',
        version: app.getVersion(),
        // The OS's languages: the UI resolves "system" from the same list (first paint), and reports back.
        systemLanguages: wellFormedLanguages(app.getPreferredSystemLanguages()),
        accountsUrl: env.COMPANION_ACCOUNTS_URL,
        startDemoSandbox: createDemoSandboxStarter(app.getPath('userData')),
        // conf in userData rather than electron-store: the same Electron-free adapter as the browser shell.
        settings: openSettingsFile({ cwd: app.getPath('userData') }),
        notificationState: liveGlue.notificationState,
        notificationSink: liveGlue.notificationSink,
        requests: openRequestsFile({ cwd: app.getPath('userData') }),
        earningsCache: openEarningsCacheFile({ cwd: app.getPath('userData') }),
        referralCache: openReferralCacheFile({ cwd: app.getPath('userData') }),
        // The OS keychain, else safeStorage, else memory (the UI says why).
        secrets: await openElectronSecretStore({ file: join(app.getPath('userData'), SESSION_SECRETS_FILE) }),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
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
  });

  return { ready };
}
