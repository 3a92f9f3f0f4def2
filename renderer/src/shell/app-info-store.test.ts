import { beforeEach, describe, expect, it } from 'vitest';
import { type AppInfo, BridgeError } from '../../../shared/bridge.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { deferred, demoAppInfo, FakeBridge, signedOutView } from '../testing/fake-bridge.ts';
import { createAppInfoStore } from './app-info-store.ts';
import { seedFirstPaint } from './bridge-context.tsx';

const linkMode: AppInfo = { ...demoAppInfo, mode: 'link', accountsUrl: null };

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});

describe('the app info', () => {
  it('is unknown until read, then followed on appInfoChanged until stopped', async () => {
    const store = createAppInfoStore(bridge.api);
    expect(store.getState().appInfo).toBeNull();
    const stop = store.getState().watch();
    await expect.poll(() => store.getState().appInfo).toEqual(demoAppInfo);
    expect(bridge.calls.getAppInfo).toBe(1);

    bridge.emitAppInfoChanged(linkMode);
    expect(store.getState().appInfo).toEqual(linkMode);

    stop();
    bridge.emitAppInfoChanged(demoAppInfo);
    expect(store.getState().appInfo).toEqual(linkMode);
  });

  it('starts from the first paint', () => {
    seedFirstPaint(bridge.api, {
      appInfo: linkMode,
      session: signedOutView,
      settings: DEFAULT_SETTINGS,
      earnings: null,
      referral: null,
      systemLanguages: [],
    });
    expect(createAppInfoStore(bridge.api).getState().appInfo).toEqual(linkMode);
  });

  it('never lets the first answer overwrite a change announced before it', async () => {
    const answer = deferred<AppInfo>();
    bridge.answerAppInfo = () => answer.promise;
    const store = createAppInfoStore(bridge.api);
    store.getState().watch();
    bridge.emitAppInfoChanged(linkMode);
    answer.resolve(demoAppInfo);
    await answer.promise;
    await Promise.resolve();
    expect(store.getState().appInfo).toEqual(linkMode);
  });

  it('stays unknown when the bridge fails (nothing thrown)', async () => {
    bridge.answerAppInfo = () =>
      Promise.reject(new BridgeError({ code: 'unavailable', message: 'down', retryable: true }));
    const store = createAppInfoStore(bridge.api);
    store.getState().watch();
    await expect.poll(() => bridge.calls.getAppInfo).toBe(1);
    await Promise.resolve();
    expect(store.getState().appInfo).toBeNull();
  });
});
