// The desktop side of the live features: native notifications, the tray, the compact widget window,
// start at login, and the system signals core's live updates listen to (sleep/wake, screen unlock,
// network). Logic lives in core (electron/core/live, notifications, tray, widget); this wires it to
// Electron, so app.ts only calls create → start → attachWindow → destroy.
import { join } from 'node:path';
import {
  type BrowserWindow,
  clipboard,
  app as electronApp,
  Notification,
  net,
  powerMonitor,
  screen,
} from 'electron';
import { Settings } from '../../shared/settings.ts';
import type { Companion } from '../core/companion.ts';
import { wordsIn } from '../core/i18n.ts';
import type { NotificationSink } from '../core/notifications/notification-service.ts';
import { canPlaceWindows, openWindowStateFile } from '../core/widget/placement.ts';
import { NOTIFICATION_ICON } from './app-identity.ts';
import { applyLoginItem, startsHidden } from './login-items.ts';
import { createNativeNotificationSink } from './notifications.ts';
import { createElectronTray } from './tray.ts';
import { attachWidget, type Widget } from './widget-window.ts';

/** How often the network state is looked at (a local check, no traffic). */
const NETWORK_CHECK_MS = 10_000;

export interface LiveGlueOptions {
  /** out/main: the icons sit at ../../resources/icons. */
  mainDir: string;
  userDataDir: string;
  argv: readonly string[];
  app?: typeof electronApp;
  log?: (message: string) => void;
  /** Overrides ~/.config/autostart (tests). */
  autostartDir?: string;
}

/**
 * A file the OS itself reads (a notification's picture: Windows' toast host, Linux's notification
 * daemon) cannot be inside app.asar, which only Electron can read: the unpacked copy beside it.
 */
export function outsideAsar(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/u, '$1app.asar.unpacked$2');
}

export interface WindowControl {
  current(): BrowserWindow | undefined;
  /** Opens the window if there is none (shown). */
  open(): void;
}

export interface LiveGlue {
  readonly notificationSink: NotificationSink;
  /** Starts the tray and system signals; answers whether the window should show at start. */
  start(companion: Companion, windows: WindowControl): Promise<{ showWindow: boolean }>;
  /** Makes a new window the widget (placement, always on top, hide to tray). */
  attachWindow(window: BrowserWindow): void;
  /** Brings the window forward (opening it if needed): the user asked for it. */
  reveal(): void;
  markQuitting(): void;
  readonly quitting: boolean;
  destroy(): void;
}

export function createLiveGlue(options: LiveGlueOptions): LiveGlue {
  const app = options.app ?? electronApp;
  const log = options.log ?? console.warn;
  const iconsDir = join(options.mainDir, '../../resources/icons');
  const windowState = openWindowStateFile({ cwd: options.userDataDir, log });
  let companion: Companion | undefined;
  let windows: WindowControl | undefined;
  let widget: Widget | undefined;
  let quitting = false;
  /** The settings as last announced by core (the widget reads them synchronously). */
  let latest: Settings | undefined;
  const cleanups: (() => void)[] = [];

  const reveal = () => {
    if (!windows?.current() || windows.current()?.isDestroyed()) windows?.open();
    widget?.reveal();
  };

  const notificationSink = createNativeNotificationSink({
    icon: outsideAsar(join(options.mainDir, '../..', NOTIFICATION_ICON)),
    onClick: (id) => {
      reveal();
      companion?.handlers
        .openNotification({ id })
        .catch((error: unknown) => log(`notification click: ${String(error)}`));
    },
    log,
  });

  return {
    notificationSink,
    get quitting() {
      return quitting;
    },
    markQuitting() {
      quitting = true;
    },
    reveal,

    async start(started, control) {
      companion = started;
      windows = control;
      const settings = Settings.parse(await started.handlers.getSettings({}));
      latest = settings;

      const loginItem = (on: boolean) =>
        applyLoginItem({ app, autostartDir: options.autostartDir }, on).catch((error: unknown) =>
          log(`start at login: ${String(error)}`),
        );
      await loginItem(settings.window.startAtLogin);
      const offSettings = started.events.subscribe((message) => {
        if (message.event !== 'settingsChanged') return;
        const next = message.payload as Settings;
        const loginChanged = latest?.window.startAtLogin !== next.window.startAtLogin;
        latest = next;
        if (loginChanged) void loginItem(next.window.startAtLogin);
        widget?.applySettings();
      });
      cleanups.push(offSettings);

      const tray = createElectronTray({
        service: started.live.tray,
        iconsDir,
        showWindow: reveal,
        copyText: async (text) => clipboard.writeText(text),
        quit: () => {
          quitting = true;
          app.quit();
        },
        log,
      });
      cleanups.push(() => tray.destroy());

      // Core's live updates pause while the machine sleeps or the network is gone, and refresh at once on return.
      const { live } = started.live;
      const onSuspend = () => live.suspend();
      const onResume = () => live.resume();
      const onUnlock = () => live.unlocked();
      powerMonitor.on('suspend', onSuspend);
      powerMonitor.on('resume', onResume);
      powerMonitor.on('unlock-screen', onUnlock);
      cleanups.push(() => {
        powerMonitor.off('suspend', onSuspend);
        powerMonitor.off('resume', onResume);
        powerMonitor.off('unlock-screen', onUnlock);
      });
      live.setOnline(net.isOnline());
      const network = setInterval(() => live.setOnline(net.isOnline()), NETWORK_CHECK_MS);
      network.unref?.();
      cleanups.push(() => clearInterval(network));

      // macOS: a click on the Dock icon brings back the window hidden to the tray.
      app.on('activate', reveal);
      cleanups.push(() => app.off('activate', reveal));

      return { showWindow: !startsHidden(app, options.argv, settings.window.startHidden) };
    },

    attachWindow(window) {
      widget?.destroy();
      widget = attachWidget({
        window,
        store: windowState,
        screen,
        alwaysOnTop: () => latest?.window.alwaysOnTop === true,
        canPlace: canPlaceWindows({ platform: process.platform, env: process.env, argv: options.argv }),
        isQuitting: () => quitting,
        showTrayHint: () => {
          if (!Notification.isSupported()) return;
          const t = wordsIn(companion?.language() ?? 'en', 'notices');
          new Notification({ title: t('stillRunning.title'), body: t('stillRunning.body') }).show();
        },
      });
      // Looking at the window is seeing the new earnings: the tray icon returns to normal.
      window.on('focus', () => {
        companion?.handlers.markEarningsSeen({}).catch(() => {});
      });
    },

    destroy() {
      widget?.destroy();
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}
