import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AllHandlers, AppInfo, BridgeResult, ReferralView } from '../../shared/bridge.ts';
import { createEventHub } from '../core/event-hub.ts';
import { attachIpcBridge } from './ipc-bridge.ts';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from './ipc-channels.ts';
import { createElectronShellHandlers } from './shell-handlers.ts';
import { FakeBrowserWindow, FakeWebFrame, fakeElectron, resetFakeElectron } from './testing/fake-electron.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);

const APP = 'app://companion';
const info: AppInfo = {
  version: '1.2.3',
  mode: 'demo',
  accountsUrl: 'http://127.0.0.1:4000/',
  shell: 'electron',
};
const referral: ReferralView = {
  code: 'A+B',
  link: 'https://accounts.quantower.com/referral?referral_code=A%2BB',
  linkBase: 'https://accounts.quantower.com/referral',
  partner: { partnerId: 'p1', email: 'demo@example.com', displayName: 'Demo Partner' },
};

function setUp() {
  const window = new FakeBrowserWindow({});
  window.webContents.mainFrame.url = `${APP}/index.html`;
  const events = createEventHub();
  // Only the methods these tests call; the rest of the contract is core's and the shells' business.
  const handlers = {
    getAppInfo: vi.fn(async () => info),
    getReferral: vi.fn(async () => referral),
    ...createElectronShellHandlers({ window: () => window as never }),
  };
  const log = vi.fn();
  const detach = attachIpcBridge({
    window: window as never,
    appOrigin: APP,
    handlers: handlers as unknown as AllHandlers,
    events,
    log,
  });
  const handler = fakeElectron.ipcMain.handlers.get(BRIDGE_CALL_CHANNEL) as (
    event: unknown,
    method: unknown,
    input: unknown,
  ) => Promise<BridgeResult>;
  const fromTopFrame = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  return { window, events, handlers, log, detach, handler, fromTopFrame };
}

describe('IPC bridge', () => {
  beforeEach(async () => {
    resetFakeElectron();
    // Windows exist only once the app is ready.
    await fakeElectron.app.whenReady();
  });

  it('passes valid calls from the main frame to core and returns the envelope', async () => {
    const { handler, fromTopFrame, handlers } = setUp();
    await expect(handler(fromTopFrame, 'getAppInfo', {})).resolves.toEqual({ ok: true, value: info });
    await expect(handler(fromTopFrame, 'getReferral', undefined)).resolves.toEqual({
      ok: true,
      value: referral,
    });
    expect(handlers.getAppInfo).toHaveBeenCalledOnce();
  });

  it('answers copyText with the clipboard', async () => {
    const { handler, fromTopFrame } = setUp();
    await expect(handler(fromTopFrame, 'copyText', { text: referral.link })).resolves.toEqual({
      ok: true,
      value: { copied: true },
    });
    expect(fakeElectron.clipboard.writeText).toHaveBeenCalledExactlyOnceWith(referral.link);
  });

  it('refuses callers other than the main window top frame on the app origin', async () => {
    const { window, handler, handlers, log } = setUp();
    const other = new FakeBrowserWindow({});
    other.webContents.mainFrame.url = `${APP}/index.html`;
    const subframe = new FakeWebFrame(`${APP}/index.html`);
    const senders = {
      'another window': { sender: other.webContents, senderFrame: other.webContents.mainFrame },
      'a subframe': { sender: window.webContents, senderFrame: subframe },
      'a vanished frame': { sender: window.webContents, senderFrame: null },
    };
    for (const [name, event] of Object.entries(senders)) {
      const result = await handler(event, 'copyText', { text: 'x' });
      expect(result, name).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    }
    for (const url of [
      'https://evil.example/',
      'app://other/index.html',
      'file:///index.html',
      'about:blank',
    ]) {
      window.webContents.mainFrame.url = url;
      const result = await handler(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        'getAppInfo',
        {},
      );
      expect(result, url).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    }
    window.webContents.mainFrame.url = `${APP}/index.html`;
    window.destroyed = true;
    const afterClose = await handler(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      'getAppInfo',
      {},
    );
    expect(afterClose).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
    expect(fakeElectron.clipboard.writeText).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused copyText'));
  });

  it('answers invalid input and unknown methods without reaching a handler', async () => {
    const { handler, fromTopFrame, handlers } = setUp();
    await expect(handler(fromTopFrame, 'copyText', { text: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    await expect(handler(fromTopFrame, 'getAppInfo', { extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    await expect(handler(fromTopFrame, 'toString', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
    expect(fakeElectron.clipboard.writeText).not.toHaveBeenCalled();
  });

  it('forwards core events to the window and stops when detached', () => {
    const { window, events, detach } = setUp();
    events.emit('referralChanged', referral);
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(BRIDGE_EVENT_CHANNEL, {
      event: 'referralChanged',
      payload: referral,
    });
    detach();
    events.emit('referralChanged', referral);
    expect(window.webContents.send).toHaveBeenCalledOnce();
    expect(fakeElectron.ipcMain.handlers.has(BRIDGE_CALL_CHANNEL)).toBe(false);
  });

  it('does not send events to a destroyed window', () => {
    const { window, events } = setUp();
    window.destroyed = true;
    events.emit('referralChanged', referral);
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
