import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, guardWebContents } from './main-window.ts';
import {
  type FakeBrowserWindow,
  FakeWebContents,
  fakeElectron,
  resetFakeElectron,
} from './testing/fake-electron.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);

const APP = 'app://companion';
const log = vi.fn();

function open() {
  const window = createMainWindow({ preloadPath: '/app/out/preload/index.cjs', appOrigin: APP, log });
  return window as unknown as FakeBrowserWindow;
}

describe('main window', () => {
  beforeEach(async () => {
    resetFakeElectron();
    // Windows exist only once the app is ready.
    await fakeElectron.app.whenReady();
  });

  it('is created with exactly the secure webPreferences', () => {
    const window = open();
    expect(window.options.webPreferences).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('lets the window move within its own origin only', () => {
    const { webContents } = open();
    expect(webContents.navigate('will-navigate', `${APP}/index.html#/earnings`)).toBe(false);
    expect(webContents.navigate('will-frame-navigate', `${APP}/other.html`)).toBe(false);
    for (const url of [
      'https://evil.example/',
      'app://other-host/index.html',
      'file:///etc/passwd',
      'http://127.0.0.1:5173/',
      'not a url',
    ]) {
      expect(webContents.navigate('will-navigate', url), url).toBe(true);
      expect(webContents.navigate('will-frame-navigate', url), url).toBe(true);
      expect(webContents.navigate('will-redirect', url), url).toBe(true);
    }
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('hands an allow-listed link clicked in the page to the system browser, not the window', () => {
    const { webContents } = open();
    expect(webContents.navigate('will-navigate', 'https://t.me/quantower')).toBe(true);
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://t.me/quantower');
  });

  it('denies every window.open and opens only allow-listed URLs outside', () => {
    const { webContents } = open();
    const openWindow = (url: string) => webContents.windowOpenHandler?.({ url });
    expect(openWindow('https://accounts.quantower.com/referral?referral_code=A%2BB')).toEqual({
      action: 'deny',
    });
    expect(openWindow('mailto:info@quantower.com')).toEqual({ action: 'deny' });
    expect(openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openWindow('http://quantower.com/')).toEqual({ action: 'deny' });
    expect(openWindow(`${APP}/index.html`)).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal.mock.calls).toEqual([
      ['https://accounts.quantower.com/referral?referral_code=A%2BB'],
      ['mailto:info@quantower.com'],
    ]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused to open https://evil.example/'));
  });

  it('refuses webviews', () => {
    const { webContents } = open();
    const event = { preventDefault: vi.fn() };
    webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('guards other web contents without ever opening links', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never, APP, { openAllowedLinks: false });
    expect(contents.navigate('will-navigate', 'https://t.me/quantower')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://t.me/quantower' })).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });
});
