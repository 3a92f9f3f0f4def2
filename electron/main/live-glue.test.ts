// The Electron side of the live features with `electron` mocked: tray drawing, native
// notifications, the widget window, login items, and their wiring in the app.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../shared/bridge/live.ts';
import { createEventHub } from '../core/event-hub.ts';
import { createTrayService } from '../core/tray/tray-service.ts';
import { openWindowStateFile } from '../core/widget/placement.ts';
import { runCompanionApp } from './app.ts';
import { applyLoginItem, HIDDEN_ARG, startsHidden } from './login-items.ts';
import { createNativeNotificationSink } from './notifications.ts';
import {
  FakeBrowserWindow,
  type FakeMenu,
  FakeNotification,
  FakeTray,
  fakeElectron,
  resetFakeElectron,
} from './testing/fake-electron.ts';
import { createElectronTray, menuTemplate, trayIconPath } from './tray.ts';
import { attachWidget } from './widget-window.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);

let dir: string;
beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'live-glue-'));
  fakeElectron.app.getPath.mockImplementation(() => dir);
});
afterEach(async () => {
  fakeElectron.app.quit.mockReset();
  await rm(dir, { recursive: true, force: true });
});

const notice: Notice = {
  id: 'n1',
  kind: 'commission',
  title: 'New commission +$7.50',
  body: 'Crypto · B*** 1***',
  at: '2026-11-21T12:00:00.000Z',
  count: 1,
  amountCents: 750,
  target: { section: 'earnings', itemId: 'c1' },
};

describe('tray icons and menu', () => {
  it('uses template images on macOS and light/dark variants elsewhere', () => {
    expect(trayIconPath('/r', 'newEarnings', 'darwin', true)).toBe(
      '/r/tray/template/newEarningsTemplate.png',
    );
    expect(trayIconPath('/r', 'offline', 'win32', true)).toBe('/r/tray/dark/offline.ico');
    expect(trayIconPath('/r', 'signedOut', 'linux', false)).toBe('/r/tray/light/signedOut.png');
  });

  it('draws core’s model and carries clicks back to core', async () => {
    const events = createEventHub();
    let inputs = {
      session: 'signed-in' as const,
      connection: 'push' as const,
      availableCents: 6300,
      unseenEarnings: true,
      pause: { pausedUntil: null, trading: false },
      language: 'en' as const,
      now: Date.now(),
    };
    const service = createTrayService({
      inputs: () => inputs,
      events,
      referralLink: async () => 'https://accounts.quantower.com/referral?referral_code=X',
      pause: vi.fn(),
      setTrading: vi.fn(),
    });
    const copyText = vi.fn(async () => {});
    const showWindow = vi.fn();
    const tray = createElectronTray({
      service,
      iconsDir: '/r',
      showWindow,
      copyText,
      quit: vi.fn(),
      platform: 'win32',
    });
    const drawn = FakeTray.instances[0] as FakeTray;
    expect((drawn.image as { path: string }).path).toBe('/r/tray/light/newEarnings.ico');
    expect(drawn.tooltip).toBe('Referral Companion — Available: $63.00\nNew earnings');
    const menu = drawn.menu as FakeMenu;
    expect(menu.template.map((item) => item.label ?? item.type)).toEqual([
      'Available: $63.00',
      'separator',
      'Copy referral link',
      'Show QR code',
      'Open companion',
      'separator',
      'Request payout…',
      'Apply to license…',
      'separator',
      'Pause notifications',
      'Settings',
      'separator',
      'Quit',
    ]);
    (menu.template[2] as { click: () => void }).click();
    await vi.waitFor(() =>
      expect(copyText).toHaveBeenCalledWith('https://accounts.quantower.com/referral?referral_code=X'),
    );
    drawn.emit('click');
    expect(showWindow).toHaveBeenCalled();

    // A dark taskbar: the same state in the light-glyph variant.
    fakeElectron.nativeTheme.shouldUseDarkColors = true;
    fakeElectron.nativeTheme.emit('updated');
    expect((drawn.image as { path: string }).path).toBe('/r/tray/dark/newEarnings.ico');
    fakeElectron.nativeTheme.shouldUseDarkColors = false;

    inputs = { ...inputs, session: 'signed-out' as never };
    service.update();
    expect((drawn.image as { path: string }).path).toBe('/r/tray/light/signedOut.ico');
    tray.destroy();
    expect(drawn.destroyed).toBe(true);
  });

  it('maps checkboxes and submenus', () => {
    const act = vi.fn();
    const [submenu] = menuTemplate(
      [
        {
          type: 'submenu',
          label: 'Pause notifications',
          items: [
            {
              type: 'checkbox',
              action: 'toggle-trading',
              label: "I'm trading",
              checked: true,
              enabled: true,
            },
          ],
        },
      ],
      act,
    );
    const [checkbox] = (submenu as { submenu: unknown }).submenu as {
      type: string;
      checked: boolean;
      click: () => void;
    }[];
    expect(checkbox).toMatchObject({ type: 'checkbox', checked: true });
    checkbox?.click();
    expect(act).toHaveBeenCalledWith('toggle-trading');
  });
});

describe('native notifications', () => {
  it('shows a notice and opens its item on click', () => {
    const onClick = vi.fn();
    const sink = createNativeNotificationSink({ onClick });
    sink.deliver(notice);
    const shown = FakeNotification.instances[0] as FakeNotification;
    expect(shown.options).toEqual({ title: 'New commission +$7.50', body: 'Crypto · B*** 1***' });
    expect(shown.shown).toBe(true);
    shown.emit('click');
    expect(onClick).toHaveBeenCalledWith('n1');
  });

  it('says so where notifications are not supported', () => {
    FakeNotification.supported = false;
    const log = vi.fn();
    createNativeNotificationSink({ onClick: vi.fn(), log }).deliver(notice);
    expect(FakeNotification.instances).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not support/));
  });
});

describe('the widget window', () => {
  function widget(options: { quitting?: () => boolean; alwaysOnTop?: boolean } = {}) {
    const window = new FakeBrowserWindow({});
    const store = openWindowStateFile({ cwd: dir });
    const showTrayHint = vi.fn();
    const handle = attachWidget({
      window: window as never,
      store,
      screen: fakeElectron.screen as never,
      alwaysOnTop: () => options.alwaysOnTop ?? false,
      isQuitting: options.quitting ?? (() => false),
      showTrayHint,
      saveDelayMs: 0,
    });
    return { window, store, showTrayHint, handle };
  }

  it('opens compact at the screen edge, on top when asked', () => {
    const { window } = widget({ alwaysOnTop: true });
    expect(window.setBounds).toHaveBeenCalledWith({ x: 1544, y: 464, width: 360, height: 560 });
    expect(window.setAlwaysOnTop).toHaveBeenCalledWith(true, 'floating');
  });

  it('hides to the tray on close, with a hint only the first time ever', () => {
    const first = widget();
    expect(first.window.requestClose()).toBe(true);
    expect(first.window.hide).toHaveBeenCalled();
    expect(first.showTrayHint).toHaveBeenCalledTimes(1);
    expect(first.window.requestClose()).toBe(true);
    const next = widget();
    next.window.requestClose();
    expect(first.showTrayHint).toHaveBeenCalledTimes(1);
    expect(next.showTrayHint).not.toHaveBeenCalled();
  });

  it('closes for real when the app quits', () => {
    const { window } = widget({ quitting: () => true });
    expect(window.requestClose()).toBe(false);
  });

  it('remembers where it was moved and reopens there', async () => {
    const { window, store } = widget();
    window.bounds = { x: 100, y: 80, width: 380, height: 600 };
    window.emit('moved');
    await vi.waitFor(() => expect(store.read().last).toBe('1'));
    const again = widget();
    expect(again.window.setBounds).toHaveBeenLastCalledWith({ x: 100, y: 80, width: 380, height: 600 });
  });
});

describe('start at login', () => {
  it('registers the login item with the hidden flag on Windows and macOS only', () => {
    const app = { setLoginItemSettings: vi.fn() };
    expect(applyLoginItem(app, true, 'win32')).toBe(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] });
    expect(applyLoginItem(app, true, 'linux')).toBe(false);
  });

  it('starts hidden only when launched at login and the setting says so', () => {
    const app = { getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: true }) as never) };
    expect(startsHidden(app, ['x', HIDDEN_ARG], true, 'win32')).toBe(true);
    expect(startsHidden(app, ['x', HIDDEN_ARG], false, 'win32')).toBe(false);
    expect(startsHidden(app, ['x'], true, 'win32')).toBe(false);
    expect(startsHidden(app, ['x'], true, 'darwin')).toBe(true);
  });
});

describe('the app with the live glue', () => {
  it('puts a tray up, hides the window on close, and follows sleep and wake', async () => {
    const running = runCompanionApp({ mainDir: '/opt/companion/out/main' }, {});
    await running.ready;
    const tray = FakeTray.instances[0] as FakeTray;
    expect(tray.tooltip).toBe('Referral Companion — Signed out');
    expect((tray.image as { path: string }).path).toMatch(
      /resources\/icons\/tray\/(light|template)\/signedOut/,
    );
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect(window.setMinimumSize).toHaveBeenCalledWith(320, 420);

    expect(window.requestClose()).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    expect(fakeElectron.app.quit).not.toHaveBeenCalled();
    expect(FakeNotification.instances.map((n) => n.options.title)).toEqual([
      'Referral Companion is still running',
    ]);
    // The Dock icon (macOS) or the tray brings it back, focused: the user asked for it.
    window.show.mockClear();
    fakeElectron.app.emit('activate');
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();

    // Quitting from the tray closes the window for real and tears everything down.
    const quit = (tray.menu as FakeMenu).template.at(-1) as { click: () => void };
    const quitted = new Promise<void>((resolve) => {
      fakeElectron.app.quit.mockImplementation(() => {
        fakeElectron.app.emit('before-quit');
        const event = { preventDefault: vi.fn() };
        fakeElectron.app.emit('will-quit', event);
        if (!event.preventDefault.mock.calls.length) resolve();
      });
    });
    quit.click();
    await quitted;
    expect(window.requestClose()).toBe(false);
    expect(tray.destroyed).toBe(true);
  });

  it('words the tray and the tray hint in the OS language on a Russian system ("system" setting)', async () => {
    fakeElectron.app.getPreferredSystemLanguages.mockReturnValue(['ru-RU', 'en-US']);
    const running = runCompanionApp({ mainDir: '/opt/companion/out/main' }, {});
    await running.ready;
    const tray = FakeTray.instances[0] as FakeTray;
    expect(tray.tooltip).toBe('Реферальный компаньон — Вход не выполнен');
    const labels = (tray.menu as FakeMenu).template.map((item) => (item as { label?: string }).label);
    expect(labels).toContain('Выйти');
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    window.requestClose();
    expect(FakeNotification.instances.map((n) => n.options.title)).toEqual([
      'Реферальный компаньон продолжает работать',
    ]);
    const quitted = new Promise<void>((resolve) => {
      fakeElectron.app.quit.mockImplementation(() => {
        fakeElectron.app.emit('before-quit');
        fakeElectron.app.emit('will-quit', { preventDefault: vi.fn() });
        resolve();
      });
    });
    fakeElectron.app.quit();
    await quitted;
  });
});
