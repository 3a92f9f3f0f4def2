// The window as a compact widget beside the trading platform: about 360×560, optionally always on
// top, back where it was on each display (placement logic in core: electron/core/widget), hidden to
// the tray on close (with a one-time hint), and never focused by updates: only the user's own
// actions (tray, second launch, notification click) bring it forward.
import type { BrowserWindow, Screen } from 'electron';
import {
  type DisplayInfo,
  placeWindow,
  remember,
  rememberSize,
  sizeOnly,
  WIDGET_MIN,
  type WindowState,
} from '../core/widget/placement.ts';

/**
 * Above a full-screen trading platform: on Windows levels from 'pop-up-menu' up sit above the
 * taskbar, which a full-screen window covers ('floating' stays below it); macOS maps it to the
 * screen-saver window level. Linux ignores the level (the window manager decides).
 */
export const ALWAYS_ON_TOP_LEVEL = 'screen-saver';

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
  /** false on a native Wayland session: the compositor places windows (placement.ts, canPlaceWindows). */
  canPlace?: boolean;
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
  const canPlace = options.canPlace ?? true;
  window.setMinimumSize(WIDGET_MIN.width, WIDGET_MIN.height);
  if (canPlace) {
    window.setBounds(placeWindow(store.read(), displays(screen), String(screen.getPrimaryDisplay().id)));
  } else {
    // Wayland: the size only. Setting a position would be ignored, and reading one gives 0,0.
    const { width, height } = sizeOnly(store.read());
    window.setSize(width, height);
  }

  // Always on top is applied once the window is shown, and again at every show: set on a hidden
  // window it is not kept on every platform (a window started hidden in the tray, shown later).
  const applySettings = () => {
    if (window.isDestroyed() || !window.isVisible()) return;
    window.setAlwaysOnTop(options.alwaysOnTop(), ALWAYS_ON_TOP_LEVEL);
  };
  window.on('show', applySettings);
  applySettings();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const writeNow = () => {
    timer = undefined;
    if (window.isDestroyed()) return;
    const bounds = window.getBounds();
    store.write(
      canPlace ? remember(store.read(), bounds, displays(screen)) : rememberSize(store.read(), bounds),
    );
  };
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(writeNow, options.saveDelayMs ?? 500);
  };
  // Where windows cannot be placed a "move" is the compositor's business: only the size is kept.
  if (canPlace) window.on('moved', save);
  window.on('resized', save);

  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    writeNow();
  };

  window.on('close', (event) => {
    // Quitting closes the window before anything else runs: keep its last move now.
    if (options.isQuitting()) return flush();
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
    /** Writes a placement still waiting to settle (quit, end of session): the last move is kept. */
    destroy: flush,
  };
}
