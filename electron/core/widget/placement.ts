// Where the compact window goes: the position and size it had on each display, kept per display
// (docked beside the platform on the laptop, elsewhere on the monitor), and a sane place when that
// display is gone (unplugged monitor) or the saved bounds no longer fit on it.
import { z } from 'zod';
import { openValidatedFile } from '../validated-json-file.ts';

export const WIDGET_SIZE = { width: 360, height: 560 } as const;
export const WIDGET_MIN = { width: 320, height: 420 } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DisplayInfo {
  id: string;
  /** The display's work area (without taskbar/dock). */
  workArea: Rect;
}

const RectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export const WindowState = z
  .object({
    /** Bounds per display id. */
    displays: z.record(z.string().max(64), RectSchema).default({}),
    /** The display the window was last on. */
    last: z.string().max(64).nullable().default(null),
    /** The size alone, where windows cannot be placed (Wayland): never a made-up position. */
    size: z
      .object({ width: z.number().int().positive(), height: z.number().int().positive() })
      .nullable()
      .default(null),
    /** The "still running in the tray" hint was shown. */
    trayHintShown: z.boolean().default(false),
  })
  .strict();
export type WindowState = z.output<typeof WindowState>;

export function openWindowStateFile(options: { cwd: string; log?: (message: string) => void }) {
  return openValidatedFile({
    ...options,
    name: 'window-state',
    schema: WindowState,
    defaults: WindowState.parse({}),
    label: 'Window state',
  });
}

/** The bounds to open with: the saved ones on a display that still exists, else beside the primary's edge. */
export function placeWindow(state: WindowState, displays: readonly DisplayInfo[], primaryId: string): Rect {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const lastId = state.last;
  const saved = lastId ? state.displays[lastId] : undefined;
  const display = lastId ? displays.find((d) => d.id === lastId) : undefined;
  if (saved && display) return fitInside(saved, display.workArea);
  // The display is gone (or never saved): the size it had, on the primary, at the right edge.
  const area = primary?.workArea ?? { x: 0, y: 0, ...WIDGET_SIZE };
  const size = saved ?? { ...WIDGET_SIZE };
  return fitInside(
    {
      x: area.x + area.width - size.width - 16,
      y: area.y + area.height - size.height - 16,
      width: size.width,
      height: size.height,
    },
    area,
  );
}

/** Keeps a window fully inside a work area, no smaller than the minimum, no larger than the area. */
export function fitInside(bounds: Rect, area: Rect): Rect {
  const width = clamp(bounds.width, Math.min(WIDGET_MIN.width, area.width), area.width);
  const height = clamp(bounds.height, Math.min(WIDGET_MIN.height, area.height), area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/** The display that holds most of `bounds`. */
export function displayOf(bounds: Rect, displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  let best: DisplayInfo | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const a = display.workArea;
    const w = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const h = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    const overlap = w > 0 && h > 0 ? w * h : 0;
    if (overlap > bestArea) {
      best = display;
      bestArea = overlap;
    }
  }
  return best;
}

export function remember(state: WindowState, bounds: Rect, displays: readonly DisplayInfo[]): WindowState {
  const display = displayOf(bounds, displays);
  if (!display) return state;
  return { ...state, displays: { ...state.displays, [display.id]: bounds }, last: display.id };
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), Math.max(min, max)));
}

/**
 * Whether this session lets an app place its own windows. A native Wayland session does not: the
 * compositor places every window, Electron reports its position as 0,0 and ignores a requested
 * one (X11 and XWayland windows, Windows and macOS can). Electron 45 runs natively on Wayland
 * when the session is Wayland, unless told `--ozone-platform=x11`.
 */
export function canPlaceWindows(options: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
}): boolean {
  if (options.platform !== 'linux') return true;
  const forced = options.argv.find((arg) => arg.startsWith('--ozone-platform='))?.split('=')[1];
  if (forced) return forced !== 'wayland';
  const hint = options.argv.find((arg) => arg.startsWith('--ozone-platform-hint='))?.split('=')[1];
  if (hint === 'x11') return true;
  return !(options.env.XDG_SESSION_TYPE === 'wayland' || options.env.WAYLAND_DISPLAY);
}

/** Where the window cannot be placed: the saved size (within the minimum), the compositor picks the spot. */
export function sizeOnly(state: WindowState): { width: number; height: number } {
  const size = state.size ?? WIDGET_SIZE;
  return { width: Math.max(size.width, WIDGET_MIN.width), height: Math.max(size.height, WIDGET_MIN.height) };
}

/** Where the window cannot be placed: remembers its size only; the reported position means nothing. */
export function rememberSize(state: WindowState, size: { width: number; height: number }): WindowState {
  if (size.width <= 0 || size.height <= 0) return state;
  return { ...state, size: { width: Math.round(size.width), height: Math.round(size.height) } };
}
