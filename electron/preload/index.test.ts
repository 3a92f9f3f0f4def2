import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type BridgeApi, methodNames, type ReferralView } from '../../shared/bridge.ts';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from '../main/ipc-channels.ts';
import { fakeElectron } from '../main/testing/fake-electron.ts';

vi.mock('electron', async () => (await import('../main/testing/fake-electron.ts')).fakeElectron);

const referral: ReferralView = {
  code: 'A+B',
  link: 'https://accounts.quantower.com/referral?referral_code=A%2BB',
  linkBase: 'https://accounts.quantower.com/referral',
  partner: { partnerId: 'p1', email: 'demo@example.com', displayName: 'Demo Partner' },
};

let api: BridgeApi;

beforeAll(async () => {
  await import('./index.ts');
  expect(fakeElectron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, exposed] = fakeElectron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, BridgeApi];
  expect(name).toBe('companion');
  api = exposed;
});

describe('preload', () => {
  it('exposes exactly the bridge functions, frozen, and nothing of ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer);
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer.invoke);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends calls over the bridge channel and unwraps the envelope', async () => {
    fakeElectron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { copied: true } });
    await expect(api.copyText({ text: 'hello' })).resolves.toEqual({ copied: true });
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith(BRIDGE_CALL_CHANNEL, 'copyText', {
      text: 'hello',
    });

    fakeElectron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'forbidden', message: 'no', retryable: false },
    });
    await expect(api.getAppInfo({})).rejects.toMatchObject({ name: 'BridgeError', code: 'forbidden' });
  });

  it('rejects with failures as plain data, since contextBridge keeps only the message of an Error', async () => {
    fakeElectron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'unavailable', message: 'down', retryable: true },
    });
    const failure = await api.getAppInfo({}).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(Error);
    expect(structuredClone(failure)).toEqual({
      name: 'BridgeError',
      code: 'unavailable',
      message: 'down',
      retryable: true,
    });
  });

  it('refuses invalid input before anything crosses IPC', async () => {
    const before = fakeElectron.ipcRenderer.invoke.mock.calls.length;
    await expect(api.copyText({ text: '' })).rejects.toMatchObject({
      name: 'BridgeError',
      code: 'invalid-input',
    });
    expect(fakeElectron.ipcRenderer.invoke.mock.calls.length).toBe(before);
  });

  it('delivers only valid events of the subscribed kind, until unsubscribed', () => {
    const listener = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const off = api.on('referralChanged', listener);
    fakeElectron.ipcRenderer.emit(BRIDGE_EVENT_CHANNEL, {}, { event: 'referralChanged', payload: referral });
    fakeElectron.ipcRenderer.emit(BRIDGE_EVENT_CHANNEL, {}, { event: 'somethingElse', payload: referral });
    fakeElectron.ipcRenderer.emit(
      BRIDGE_EVENT_CHANNEL,
      {},
      { event: 'referralChanged', payload: { code: 1 } },
    );
    fakeElectron.ipcRenderer.emit(BRIDGE_EVENT_CHANNEL, {}, 'garbage');
    expect(listener).toHaveBeenCalledExactlyOnceWith(referral);
    off();
    expect(fakeElectron.ipcRenderer.listenerCount(BRIDGE_EVENT_CHANNEL)).toBe(0);
    fakeElectron.ipcRenderer.emit(BRIDGE_EVENT_CHANNEL, {}, { event: 'referralChanged', payload: referral });
    expect(listener).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
