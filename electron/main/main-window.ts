// The one window. Sandboxed, isolated, no Node; it may only show the app's own origin, and
// links leave the app only through the allow-list in core (exact hosts, https or mailto).
import { BrowserWindow, shell, type WebContents } from 'electron';
import { allowedExternalUrl } from '../core/external-links.ts';
import { originOf } from './app-identity.ts';

export interface MainWindowOptions {
  preloadPath: string;
  /** The only origin the window may navigate within. */
  appOrigin: string;
  icon?: string | undefined;
  /** false: stay hidden (started at login into the tray). Default true. */
  showWhenReady?: boolean;
  log?: (message: string) => void;
}

/** The renderer's webPreferences: a test pins them exactly, so weakening one is deliberate. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    spellcheck: false,
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 420,
    height: 680,
    minWidth: 360,
    minHeight: 480,
    // Shown when painted, so the window never flashes white beside the trading platform.
    show: false,
    title: 'Referral Companion for Quantower',
    // Packaged, Windows and Linux have no menu at all (app-menu.ts); in development the View menu
    // (Reload, DevTools) stays reachable by its shortcuts and Alt without a bar on the 420 px window.
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  guardWebContents(window.webContents, options.appOrigin, { openAllowedLinks: true, log: options.log });
  if (options.showWhenReady !== false) window.once('ready-to-show', () => window.show());
  return window;
}

export interface GuardOptions {
  /** Hand allow-listed links to the system browser (only the main window does this). */
  openAllowedLinks: boolean;
  log?: ((message: string) => void) | undefined;
}

/** Deny-by-default navigation and pop-ups for a renderer that belongs to `appOrigin`. */
export function guardWebContents(contents: WebContents, appOrigin: string, options: GuardOptions): void {
  const log = options.log ?? console.warn;
  const openOutside = (url: string) => {
    if (options.openAllowedLinks) openExternalIfAllowed(url, log);
  };
  const isAppUrl = (url: string) => originOf(url) === appOrigin;

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain link click to an allowed site opens in the system browser, not in the app.
    openOutside(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

function openExternalIfAllowed(url: string, log: (message: string) => void): void {
  const allowed = allowedExternalUrl(url);
  if (!allowed) {
    log(`Refused to open ${url.slice(0, 200)}: not on the external link allow-list.`);
    return;
  }
  shell.openExternal(allowed).catch((error: unknown) => log(`Could not open ${allowed}: ${String(error)}`));
}
