import { describe, expect, it } from 'vitest';
import {
  canPlaceWindows,
  type DisplayInfo,
  displayOf,
  fitInside,
  placeWindow,
  remember,
  rememberSize,
  sizeOnly,
  WindowState,
} from './placement.ts';

const laptop: DisplayInfo = { id: '1', workArea: { x: 0, y: 0, width: 1440, height: 860 } };
const monitor: DisplayInfo = { id: '2', workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const fresh = WindowState.parse({});

describe('widget placement', () => {
  it('opens compact at the primary display edge the first time', () => {
    expect(placeWindow(fresh, [laptop, monitor], '1')).toEqual({ x: 1064, y: 284, width: 360, height: 560 });
  });

  it('remembers bounds per display and reopens where it was', () => {
    let state = remember(fresh, { x: 3500, y: 100, width: 380, height: 600 }, [laptop, monitor]);
    state = remember(state, { x: 20, y: 20, width: 360, height: 560 }, [laptop, monitor]);
    expect(state.displays).toEqual({
      '1': { x: 20, y: 20, width: 360, height: 560 },
      '2': { x: 3500, y: 100, width: 380, height: 600 },
    });
    expect(placeWindow(state, [laptop, monitor], '1')).toEqual({ x: 20, y: 20, width: 360, height: 560 });
    state = remember(state, { x: 3500, y: 100, width: 380, height: 600 }, [laptop, monitor]);
    expect(placeWindow(state, [laptop, monitor], '1')).toEqual({ x: 3500, y: 100, width: 380, height: 600 });
  });

  it('recovers when the display it was on is gone', () => {
    const state = remember(fresh, { x: 3500, y: 100, width: 380, height: 600 }, [laptop, monitor]);
    const bounds = placeWindow(state, [laptop], '1');
    expect(bounds).toEqual({ x: 1044, y: 244, width: 380, height: 600 });
    expect(displayOf(bounds, [laptop])?.id).toBe('1');
  });

  it('pulls saved bounds back inside a smaller work area', () => {
    expect(fitInside({ x: 1400, y: -50, width: 5000, height: 300 }, laptop.workArea)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 420,
    });
  });
});

describe('placement where windows cannot be placed (Wayland)', () => {
  it('knows a native Wayland session from X11, XWayland and the other platforms', () => {
    const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };
    expect(canPlaceWindows({ platform: 'linux', env: wayland, argv: [] })).toBe(false);
    expect(canPlaceWindows({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, argv: [] })).toBe(
      false,
    );
    expect(
      canPlaceWindows({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, argv: [] }),
    ).toBe(true);
    // Forced onto XWayland: positions work again.
    expect(canPlaceWindows({ platform: 'linux', env: wayland, argv: ['--ozone-platform=x11'] })).toBe(true);
    expect(canPlaceWindows({ platform: 'linux', env: wayland, argv: ['--ozone-platform-hint=x11'] })).toBe(
      true,
    );
    expect(canPlaceWindows({ platform: 'win32', env: wayland, argv: [] })).toBe(true);
  });

  it('keeps only a size, never the 0,0 position the compositor reports', () => {
    expect(sizeOnly(fresh)).toEqual({ width: 360, height: 560 });
    const kept = rememberSize(fresh, { x: 0, y: 0, width: 400, height: 650 } as never);
    expect(kept).toEqual({ ...fresh, size: { width: 400, height: 650 } });
    expect(sizeOnly(kept)).toEqual({ width: 400, height: 650 });
    expect(sizeOnly({ ...fresh, size: { width: 100, height: 100 } })).toEqual({ width: 320, height: 420 });
    // Files written before this field existed still load.
    expect(WindowState.parse({ displays: {}, last: null, trayHintShown: true }).size).toBeNull();
  });
});
