// The window as a compact widget beside the trading platform: about 360×560, optionally always on
// top, back where it was on each display (placement logic in core: electron/core/widget), hidden to
// the tray on close (with a one-time hint), and never focused by updates: only the user's own
// actions (tray, second launch, notification click) bring it forward.
import type { BrowserWindow, Screen } from 'electron';
import {
  type DisplayInfo,
  placeWindow,
  remember,
  WIDGET_MIN,
  type WindowState,
} from '../core/widget/placement.ts';

export interface WidgetStateStore {
  read(): WindowState;
  write(state: WindowState): void;
}

export interface WidgetOptions {
  window: BrowserWindow;
  store: WidgetStateStore;
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>;
  alwaysOnTop: () => boolean;
  /** The app is quitting: let the window close for real. */
  isQuitting: () => boolean;
  /** Tells the user, once, that the companion keeps running in the tray. */
  showTrayHint: () => void;
  /** How long moves and resizes settle before they are saved. */
  saveDelayMs?: number;
}

export interface Widget {
  /** Re-reads the window settings (always on top). */
  applySettings(): void;
  /** Brings the window forward: a user action. */
  reveal(): void;
  destroy(): void;
}

function displays(screen: WidgetOptions['screen']): DisplayInfo[] {
  return screen.getAllDisplays().map((display) => ({ id: String(display.id), workArea: display.workArea }));
}

export function attachWidget(options: WidgetOptions): Widget {
  const { window, store, screen } = options;
  window.setMinimumSize(WIDGET_MIN.width, WIDGET_MIN.height);
  window.setBounds(placeWindow(store.read(), displays(screen), String(screen.getPrimaryDisplay().id)));

  const applySettings = () => {
    // 'floating' keeps it above normal windows (the platform) without covering system UI.
    window.setAlwaysOnTop(options.alwaysOnTop(), 'floating');
  };
  applySettings();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      store.write(remember(store.read(), window.getBounds(), displays(screen)));
    }, options.saveDelayMs ?? 500);
  };
  window.on('moved', save);
  window.on('resized', save);

  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
    const state = store.read();
    if (!state.trayHintShown) {
      store.write({ ...state, trayHintShown: true });
      options.showTrayHint();
    }
  });

  return {
    applySettings,
    reveal() {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    destroy() {
      clearTimeout(timer);
    },
  };
}
