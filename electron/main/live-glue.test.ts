// The Electron side of the live features with `electron` mocked: tray drawing, native
// notifications, the widget window, login items, and their wiring in the app.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../shared/bridge/live.ts';
import { createEventHub } from '../core/event-hub.ts';
import { createTrayService } from '../core/tray/tray-service.ts';
import { openWindowStateFile } from '../core/widget/placement.ts';
import { runCompanionApp } from './app.ts';
import { APP_ID, NOTIFICATION_ICON } from './app-identity.ts';
import { createLiveGlue, outsideAsar } from './live-glue.ts';
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

/** The real icons: the fake, like Electron, gives an empty image for a missing file. */
const iconsDir = fileURLToPath(new URL('../../resources/icons', import.meta.url));
const platform = process.platform;

let dir: string;
beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'live-glue-'));
  fakeElectron.app.getPath.mockImplementation(() => dir);
});
afterEach(() => {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
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
    // Windows (where Electron decodes the .ico icons), once the app is ready.
    Object.defineProperty(process, 'platform', { value: 'win32', configurable: true });
    await fakeElectron.app.whenReady();
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
      iconsDir,
      showWindow,
      copyText,
      quit: vi.fn(),
      platform: 'win32',
    });
    const drawn = FakeTray.instances[0] as FakeTray;
    // The fake starts as Windows 10's default theme: light apps, dark taskbar → the icon for a dark panel.
    expect((drawn.image as { path: string }).path).toBe(`${iconsDir}/tray/dark/newEarnings.ico`);
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
    // Windows: a left click on the icon is a 'click' (the menu is on the right button).
    expect(drawn.userClick('left', 'win32')).toBeUndefined();
    expect(showWindow).toHaveBeenCalled();

    // Windows 10's default: light apps, dark taskbar. The icon sits on the taskbar: light glyph.
    fakeElectron.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    fakeElectron.nativeTheme.emit('updated');
    expect((drawn.image as { path: string }).path).toBe(`${iconsDir}/tray/dark/newEarnings.ico`);
    // Dark apps on a light taskbar: the dark glyph, whatever the apps use.
    fakeElectron.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false;
    fakeElectron.nativeTheme.shouldUseDarkColors = true;
    fakeElectron.nativeTheme.emit('updated');
    expect((drawn.image as { path: string }).path).toBe(`${iconsDir}/tray/light/newEarnings.ico`);
    fakeElectron.nativeTheme.shouldUseDarkColors = false;

    inputs = { ...inputs, session: 'signed-out' as never };
    service.update();
    expect((drawn.image as { path: string }).path).toBe(`${iconsDir}/tray/light/signedOut.ico`);
    tray.destroy();
    expect(drawn.destroyed).toBe(true);
  });

  it('follows the apps’ colours on Linux panels, where there is no taskbar signal', async () => {
    await fakeElectron.app.whenReady();
    const service = createTrayService({
      inputs: () => ({
        session: 'signed-out' as const,
        connection: 'push' as const,
        availableCents: null,
        unseenEarnings: false,
        pause: { pausedUntil: null, trading: false },
        language: 'en' as const,
        now: Date.now(),
      }),
      events: createEventHub(),
      referralLink: async () => '',
      pause: vi.fn(),
      setTrading: vi.fn(),
    });
    fakeElectron.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    fakeElectron.nativeTheme.shouldUseDarkColors = false;
    const tray = createElectronTray({
      service,
      iconsDir,
      showWindow: vi.fn(),
      copyText: vi.fn(async () => {}),
      quit: vi.fn(),
      platform: 'linux',
    });
    const drawn = FakeTray.instances[0] as FakeTray;
    expect((drawn.image as { path: string }).path).toBe(`${iconsDir}/tray/light/signedOut.png`);
    fakeElectron.nativeTheme.shouldUseDarkColors = true;
    fakeElectron.nativeTheme.emit('updated');
    expect((drawn.image as { path: string }).path).toBe(`${iconsDir}/tray/dark/signedOut.png`);
    tray.destroy();
  });

  it.each(['win32', 'darwin', 'linux'] as const)('brings the window back from the tray on %s', async (os) => {
    // A left click as the platform delivers it: Windows clicks, macOS and Ubuntu open the menu.
    Object.defineProperty(process, 'platform', { value: os, configurable: true });
    await fakeElectron.app.whenReady();
    const showWindow = vi.fn();
    const service = createTrayService({
      inputs: () => ({
        session: 'signed-out',
        connection: 'push',
        availableCents: null,
        unseenEarnings: false,
        pause: { pausedUntil: null, trading: false },
        language: 'en',
        now: Date.now(),
      }),
      events: createEventHub(),
      referralLink: async () => '',
      pause: vi.fn(),
      setTrading: vi.fn(),
    });
    const tray = createElectronTray({
      service,
      iconsDir,
      showWindow,
      copyText: vi.fn(),
      quit: vi.fn(),
      platform: os,
    });
    const drawn = FakeTray.instances[0] as FakeTray;
    const menu = drawn.userClick('left', os);
    const open = menu?.template.find((item) => item.label === 'Open companion') as
      | { click(): void }
      | undefined;
    open?.click();
    await vi.waitFor(() => expect(showWindow).toHaveBeenCalledOnce());
    tray.destroy();
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
  it('points the notification picture at a file outside app.asar, which the OS can read', () => {
    expect(outsideAsar('/opt/Companion/resources/app.asar/resources/icons/png/256x256.png')).toBe(
      '/opt/Companion/resources/app.asar.unpacked/resources/icons/png/256x256.png',
    );
    expect(outsideAsar('C:\\Apps\\Companion\\resources\\app.asar\\resources\\x.png')).toBe(
      'C:\\Apps\\Companion\\resources\\app.asar.unpacked\\resources\\x.png',
    );
    // Unpackaged (development): the repository's own file, which exists.
    expect(outsideAsar('/src/resources/icons/png/256x256.png')).toBe('/src/resources/icons/png/256x256.png');
    expect(existsSync(new URL(`../../${NOTIFICATION_ICON}`, import.meta.url))).toBe(true);
  });

  it('gives every notification that picture', async () => {
    // An installed layout: the picture unpacked beside app.asar (the strict fake reads the file).
    const unpacked = join(dir, 'resources/app.asar.unpacked', NOTIFICATION_ICON);
    await mkdir(dirname(unpacked), { recursive: true });
    await copyFile(fileURLToPath(new URL(`../../${NOTIFICATION_ICON}`, import.meta.url)), unpacked);
    const glue = createLiveGlue({
      mainDir: join(dir, 'resources/app.asar/out/main'),
      userDataDir: dir,
      argv: [],
    });
    glue.notificationSink.deliver(notice);
    expect(FakeNotification.instances[0]?.options.icon).toBe(unpacked);
  });

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

  it('logs a notification the system refuses, naming it', () => {
    FakeNotification.failNext = 'the toast was refused';
    const log = vi.fn();
    createNativeNotificationSink({ onClick: vi.fn(), log }).deliver(notice);
    expect(FakeNotification.instances[0]?.shown).toBe(false);
    expect(log).toHaveBeenCalledWith(
      'notifications: could not show "New commission +$7.50": the toast was refused',
    );
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
  beforeEach(async () => {
    await fakeElectron.app.whenReady();
  });

  function widget(
    options: { quitting?: () => boolean; alwaysOnTop?: boolean; show?: boolean; canPlace?: boolean } = {},
  ) {
    const window = new FakeBrowserWindow({ show: options.show ?? true });
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
      ...(options.canPlace === undefined ? {} : { canPlace: options.canPlace }),
    });
    return { window, store, showTrayHint, handle };
  }

  it('opens compact at the screen edge', () => {
    const { window } = widget();
    expect(window.setBounds).toHaveBeenCalledWith({ x: 1544, y: 464, width: 360, height: 560 });
  });

  it('goes on top only once shown, at a level above a full-screen window, and at every show', () => {
    const { window, handle } = widget({ alwaysOnTop: true, show: false });
    expect(window.setAlwaysOnTop).not.toHaveBeenCalled();
    handle.applySettings(); // a settings change while hidden waits for the show too
    expect(window.setAlwaysOnTop).not.toHaveBeenCalled();
    window.show();
    expect(window.setAlwaysOnTop).toHaveBeenCalledExactlyOnceWith(true, 'screen-saver');
    const shown = window.show.mock.invocationCallOrder[0] as number;
    expect(window.setAlwaysOnTop.mock.invocationCallOrder[0]).toBeGreaterThan(shown);
    // Hidden to the tray and shown again (tray, notification click): applied again.
    window.requestClose();
    handle.reveal();
    expect(window.setAlwaysOnTop).toHaveBeenCalledTimes(2);
  });

  it('keeps the last move when the app ends before it settled (quit, end of session)', () => {
    const first = widget();
    first.window.bounds = { x: 200, y: 100, width: 380, height: 600 };
    first.window.emit('moved');
    first.handle.destroy();
    expect(first.store.read()).toMatchObject({ last: '1', displays: { '1': { x: 200, y: 100 } } });

    // Quitting closes the window first: the close itself writes it.
    const second = widget({ quitting: () => true });
    second.window.bounds = { x: 300, y: 120, width: 380, height: 600 };
    second.window.emit('moved');
    expect(second.window.requestClose()).toBe(false);
    expect(openWindowStateFile({ cwd: dir }).read().displays['1']).toMatchObject({ x: 300, y: 120 });
  });

  it('on Wayland sets the size only, and never saves the 0,0 the compositor reports', async () => {
    const store = openWindowStateFile({ cwd: dir });
    store.write({ ...store.read(), size: { width: 400, height: 640 } });
    const { window } = widget({ canPlace: false });
    expect(window.setBounds).not.toHaveBeenCalled();
    expect(window.setSize).toHaveBeenCalledWith(400, 640);
    window.bounds = { x: 0, y: 0, width: 380, height: 600 };
    window.emit('moved');
    window.emit('resized');
    await vi.waitFor(() =>
      expect(openWindowStateFile({ cwd: dir }).read().size).toEqual({ width: 380, height: 600 }),
    );
    expect(openWindowStateFile({ cwd: dir }).read()).toMatchObject({ displays: {}, last: null });
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
  const packaged = (isPackaged: boolean) => ({
    setLoginItemSettings: vi.fn(),
    getName: () => 'Referral Companion for Quantower',
    isPackaged,
  });

  it('registers nothing unpackaged (it would start the bare Electron at login)', async () => {
    const app = packaged(false);
    const autostart = join(dir, 'autostart');
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(await applyLoginItem({ app, platform, autostartDir: autostart }, true)).toBe('none');
    }
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(existsSync(autostart)).toBe(false);
  });

  it('registers the login item with the hidden flag on Windows and macOS', async () => {
    const app = packaged(true);
    expect(await applyLoginItem({ app, platform: 'win32' }, true)).toBe('login-item');
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] });
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const app = packaged(true);
    const autostart = join(dir, 'autostart');
    const host = {
      app,
      platform: 'linux' as const,
      env: { APPIMAGE: '' },
      execPath: '/opt/Referral Companion for Quantower/referral-companion',
      autostartDir: autostart,
    };
    expect(await applyLoginItem(host, true)).toBe('xdg-autostart');
    const entry = readFileSync(join(autostart, `${APP_ID}.desktop`), 'utf8');
    expect(entry).toContain('Exec="/opt/Referral Companion for Quantower/referral-companion" --hidden\n');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    await applyLoginItem(host, false);
    expect(existsSync(join(autostart, `${APP_ID}.desktop`))).toBe(false);
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
    // An installed app's layout: out/main beside the real resources (icons).
    await mkdir(join(dir, 'app'), { recursive: true });
    await symlink(join(iconsDir, '../../resources'), join(dir, 'app/resources'), 'dir');
    const running = runCompanionApp({ mainDir: join(dir, 'app/out/main') }, {}, [
      'electron',
      '.',
      '--mode',
      'demo',
    ]);
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
    // An installed app's layout: out/main beside the real resources (icons).
    await mkdir(join(dir, 'app'), { recursive: true });
    await symlink(join(iconsDir, '../../resources'), join(dir, 'app/resources'), 'dir');
    const running = runCompanionApp({ mainDir: join(dir, 'app/out/main') }, {}, [
      'electron',
      '.',
      '--mode',
      'demo',
    ]);
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
