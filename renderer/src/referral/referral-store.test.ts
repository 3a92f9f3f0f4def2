import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, type ReferralView } from '../../../shared/bridge.ts';
import { deferred, demoAppInfo, demoReferral, FakeBridge } from '../testing/fake-bridge.ts';
import { COPIED_CONFIRMATION_MS, createReferralStore } from './referral-store.ts';

const unavailable = () =>
  new BridgeError({ code: 'unavailable', message: 'connect ECONNREFUSED 127.0.0.1:4100', retryable: true });

const reissued: ReferralView = {
  ...demoReferral,
  code: 'QT+NEW/7',
  link: 'https://accounts.quantower.com/referral?referral_code=QT%2BNEW%2F7',
};

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('loading the referral', () => {
  it('goes idle → loading → ready', async () => {
    const answer = deferred<ReferralView>();
    bridge.answerReferral = () => answer.promise;
    const store = createReferralStore(bridge.api);
    expect(store.getState().referral).toEqual({ status: 'idle' });

    const loaded = store.getState().load();
    expect(store.getState().referral).toEqual({ status: 'loading' });
    answer.resolve(demoReferral);
    await loaded;

    expect(store.getState().referral).toEqual({ status: 'ready', referral: demoReferral });
  });

  it('ends in an error state carrying the bridge failure', async () => {
    bridge.answerReferral = () => Promise.reject(unavailable());
    const store = createReferralStore(bridge.api);
    await store.getState().load();
    expect(store.getState().referral).toEqual({
      status: 'error',
      error: { code: 'unavailable', message: 'connect ECONNREFUSED 127.0.0.1:4100', retryable: true },
    });
  });

  it('recovers on retry once the server is back', async () => {
    bridge.answerReferral = () => Promise.reject(unavailable());
    const store = createReferralStore(bridge.api);
    await store.getState().load();

    bridge.answerReferral = async () => demoReferral;
    const retried = store.getState().retry();
    expect(store.getState().referral.status).toBe('loading');
    await retried;
    expect(store.getState().referral).toEqual({ status: 'ready', referral: demoReferral });
    expect(bridge.calls.getReferral).toBe(2);
  });

  it('ignores retry unless it is in the error state', async () => {
    const store = createReferralStore(bridge.api);
    await store.getState().retry();
    expect(bridge.calls.getReferral).toBe(0);
    await store.getState().load();
    await store.getState().retry();
    expect(bridge.calls.getReferral).toBe(1);
  });

  it('shares one request between concurrent loads', async () => {
    const store = createReferralStore(bridge.api);
    await Promise.all([store.getState().load(), store.getState().load(), store.getState().load()]);
    // The app info is the shell's (shell/app-info-store.ts): the referral store never asks for it.
    expect(bridge.calls).toEqual({ getReferral: 1, getAppInfo: 0 });
  });
});

describe('copying the link', () => {
  it('copies exactly the link, confirms, and clears the confirmation after a moment', async () => {
    vi.useFakeTimers();
    const store = createReferralStore(bridge.api);
    await store.getState().load();

    await store.getState().copyLink();
    expect(bridge.copiedTexts).toEqual([demoReferral.link]);
    expect(store.getState().copy).toEqual({ status: 'copied' });

    vi.advanceTimersByTime(COPIED_CONFIRMATION_MS - 1);
    expect(store.getState().copy.status).toBe('copied');
    vi.advanceTimersByTime(1);
    expect(store.getState().copy).toEqual({ status: 'idle' });
  });

  it('restarts the confirmation on a second copy', async () => {
    vi.useFakeTimers();
    const store = createReferralStore(bridge.api);
    await store.getState().load();
    await store.getState().copyLink();
    vi.advanceTimersByTime(COPIED_CONFIRMATION_MS - 100);
    await store.getState().copyLink();
    vi.advanceTimersByTime(500);
    expect(store.getState().copy.status).toBe('copied');
  });

  it('is "copying" until the shell answers', async () => {
    const answer = deferred<{ copied: true }>();
    bridge.answerCopy = () => answer.promise;
    const store = createReferralStore(bridge.api);
    await store.getState().load();
    const copying = store.getState().copyLink();
    expect(store.getState().copy).toEqual({ status: 'copying' });
    answer.resolve({ copied: true });
    await copying;
    expect(store.getState().copy).toEqual({ status: 'copied' });
  });

  it('reports a failed copy with the reason', async () => {
    bridge.answerCopy = () =>
      Promise.reject(new BridgeError({ code: 'internal', message: 'Clipboard is busy', retryable: true }));
    const store = createReferralStore(bridge.api);
    await store.getState().load();
    await store.getState().copyLink();
    expect(store.getState().copy).toEqual({ status: 'failed', message: 'Clipboard is busy' });
  });

  it('does nothing before there is a link', async () => {
    bridge.answerReferral = () => Promise.reject(unavailable());
    const store = createReferralStore(bridge.api);
    await store.getState().copyLink();
    await store.getState().load();
    await store.getState().copyLink();
    expect(bridge.copiedTexts).toEqual([]);
    expect(store.getState().copy).toEqual({ status: 'idle' });
  });
});

describe('referral changes pushed by the companion', () => {
  it('start() loads, then follows referralChanged events until stopped', async () => {
    const store = createReferralStore(bridge.api);
    const stop = store.getState().start();
    expect(bridge.listenerCount).toBe(1);
    await vi.waitFor(() => expect(store.getState().referral.status).toBe('ready'));

    bridge.emitReferralChanged(reissued);
    expect(store.getState().referral).toEqual({ status: 'ready', referral: reissued });

    stop();
    expect(bridge.listenerCount).toBe(0);
    bridge.emitReferralChanged(demoReferral);
    expect(store.getState().referral).toEqual({ status: 'ready', referral: reissued });
  });

  it('replaces an error with the referral the event brings', async () => {
    bridge.answerReferral = () => Promise.reject(unavailable());
    const store = createReferralStore(bridge.api);
    store.getState().start();
    await vi.waitFor(() => expect(store.getState().referral.status).toBe('error'));
    bridge.emitReferralChanged(reissued);
    expect(store.getState().referral).toEqual({ status: 'ready', referral: reissued });
  });

  it('never lets an older answer overwrite a newer event', async () => {
    const answer = deferred<ReferralView>();
    bridge.answerReferral = () => answer.promise;
    const store = createReferralStore(bridge.api);
    store.getState().start();
    bridge.emitReferralChanged(reissued);
    answer.resolve(demoReferral);
    await store.getState().load();
    expect(store.getState().referral).toEqual({ status: 'ready', referral: reissued });
  });

  it('drops the "Copied" confirmation when the link changes, keeps it when only other fields do', async () => {
    const store = createReferralStore(bridge.api);
    store.getState().start();
    await vi.waitFor(() => expect(store.getState().referral.status).toBe('ready'));
    await store.getState().copyLink();

    bridge.emitReferralChanged({
      ...demoReferral,
      partner: { partnerId: 'demo-partner', email: 'demo@example.com', displayName: 'Alex D.' },
    });
    expect(store.getState().copy.status).toBe('copied');

    bridge.emitReferralChanged(reissued);
    expect(store.getState().copy).toEqual({ status: 'idle' });
  });
});

describe('a change of mode', () => {
  it('drops the old mode\'s referral and its "Copied"', async () => {
    const store = createReferralStore(bridge.api);
    store.getState().watchMode();
    await store.getState().load();
    await store.getState().copyLink();

    bridge.emitAppInfoChanged({ ...demoAppInfo, mode: 'link' });
    expect(store.getState()).toMatchObject({ referral: { status: 'idle' }, copy: { status: 'idle' } });
  });

  it("drops an answer of the old mode still on its way and reads the new mode's afresh", async () => {
    const late = deferred<ReferralView>();
    bridge.answerReferral = () => late.promise;
    const store = createReferralStore(bridge.api);
    store.getState().watchMode();
    const old = store.getState().load();

    bridge.emitAppInfoChanged({ ...demoAppInfo, mode: 'link' });
    bridge.answerReferral = async () => reissued;
    await store.getState().load();
    late.resolve(demoReferral);
    await old;
    expect(store.getState().referral).toEqual({ status: 'ready', referral: reissued });
    expect(bridge.calls.getReferral).toBe(2);
  });

  it('keeps the referral once stopped', async () => {
    const store = createReferralStore(bridge.api);
    const stop = store.getState().watchMode();
    await store.getState().load();
    stop();
    bridge.emitAppInfoChanged({ ...demoAppInfo, mode: 'link' });
    expect(store.getState().referral).toEqual({ status: 'ready', referral: demoReferral });
  });
});
