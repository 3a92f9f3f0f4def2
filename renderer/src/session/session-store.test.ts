import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../shared/bridge.ts';
import { deferred, FakeBridge, signedInView, signedOutView, signingInView } from '../testing/fake-bridge.ts';
import { createSessionStore } from './session-store.ts';

function setup(initial = signedOutView) {
  const bridge = new FakeBridge();
  bridge.session = initial;
  const store = createSessionStore(bridge.api);
  const stop = store.getState().start();
  return { bridge, store, stop };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('session store', () => {
  it('reads the session, then follows sessionChanged', async () => {
    const { bridge, store, stop } = setup();
    expect(store.getState().view).toBeNull();
    await settled();
    expect(store.getState().view).toEqual(signedOutView);
    bridge.emitSessionChanged(signedInView);
    expect(store.getState().view).toEqual(signedInView);
    stop();
    bridge.emitSessionChanged(signedOutView);
    expect(store.getState().view).toEqual(signedInView);
  });

  it('signs in by opening the sign-in page the core answers with, in the browser', async () => {
    const { bridge, store } = setup();
    await settled();
    await store.getState().signIn();
    expect(bridge.sessionCalls).toEqual(['signIn']);
    expect(bridge.opened).toEqual([signingInView.authorizeUrl]);
    expect(store.getState().view?.state).toBe('signing-in');
    expect(store.getState().busy).toBeNull();
  });

  it('keeps waiting when the browser cannot be opened, and can open the page again', async () => {
    const { bridge, store } = setup();
    await settled();
    bridge.answerOpen = async () => {
      throw new BridgeError({ code: 'forbidden', message: 'Pop-up blocked.', retryable: true });
    };
    await store.getState().signIn();
    expect(store.getState().openFailed).toBe('Pop-up blocked.');
    expect(store.getState().view?.state).toBe('signing-in');
    bridge.answerOpen = async () => ({ opened: true });
    await store.getState().openSignInPage();
    expect(store.getState().openFailed).toBeNull();
    expect(bridge.opened).toHaveLength(2);
  });

  it('does not open anything when signing in could not start', async () => {
    const { bridge, store } = setup();
    await settled();
    const unreachable = { ...signedOutView, reason: { code: 'unreachable' as const, message: 'Down.' } };
    bridge.answerSignIn = async () => unreachable;
    await store.getState().signIn();
    expect(bridge.opened).toEqual([]);
    expect(store.getState().view).toEqual(unreachable);
  });

  it('lets an event win over an older answer', async () => {
    const { bridge, store } = setup(signingInView);
    await settled();
    const answer = deferred<typeof signedOutView>();
    bridge.answerCancel = () => answer.promise;
    const cancelling = store.getState().cancelSignIn();
    expect(store.getState().busy).toBe('cancelling');
    bridge.emitSessionChanged(signedInView);
    answer.resolve(signedOutView);
    await cancelling;
    expect(store.getState().view).toEqual(signedInView);
  });

  it('signs out, and reports a failing bridge call', async () => {
    const { bridge, store } = setup(signedInView);
    await settled();
    await store.getState().signOut();
    expect(store.getState().view).toEqual(signedOutView);
    bridge.answerSignOut = async () => {
      throw new BridgeError({
        code: 'unavailable',
        message: 'The companion is not running.',
        retryable: true,
      });
    };
    await store.getState().signOut();
    expect(store.getState().failure).toMatchObject({ code: 'unavailable' });
  });
});
