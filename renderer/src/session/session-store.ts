// The session as the UI knows it: signed out (with a reason), signing in (waiting for the
// browser), or signed in as an e-mail. Never a token: the bridge's SessionView carries none.
// Built around an injected bridge, like the other stores, so tests drive it with a fake.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeApi, BridgeFailure, SessionView } from '../../../shared/bridge.ts';
import { firstPaintOf } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';

export type SessionAction = 'signing-in' | 'cancelling' | 'signing-out';

export interface SessionState {
  /** Null until the companion has answered getSession. */
  view: SessionView | null;
  /** A bridge call of this store failed (the companion itself, not the sign-in, had a problem). */
  failure: BridgeFailure | null;
  /** The browser could not be opened on the sign-in page; the page can still be opened by hand. */
  openFailed: string | null;
  busy: SessionAction | null;
  /** Reads the session and follows sessionChanged; returns a function that stops. */
  start(): () => void;
  /** Starts signing in and opens the sign-in page in the browser. */
  signIn(): Promise<void>;
  /** Opens the sign-in page again (a closed tab, a blocked pop-up). */
  openSignInPage(): Promise<void>;
  cancelSignIn(): Promise<void>;
  signOut(): Promise<void>;
}

export type SessionStore = StoreApi<SessionState>;

export function createSessionStore(bridge: BridgeApi): SessionStore {
  // Every view from an event bumps this; an answer to a call made before it is older news.
  let events = 0;

  return createStore<SessionState>()((set, get) => {
    const answered = (view: SessionView, sentAt: number) => {
      if (sentAt === events) set({ view });
    };

    const run = async (action: SessionAction, call: () => Promise<SessionView>) => {
      const sentAt = events;
      set({ busy: action, failure: null });
      try {
        const view = await call();
        answered(view, sentAt);
        return view;
      } catch (error) {
        set({ failure: toBridgeFailure(error) });
        return null;
      } finally {
        set({ busy: null });
      }
    };

    const open = async (url: string) => {
      try {
        await bridge.openExternal({ url });
        set({ openFailed: null });
      } catch (error) {
        set({ openFailed: toBridgeFailure(error).message });
      }
    };

    return {
      view: firstPaintOf(bridge)?.session ?? null,
      failure: null,
      openFailed: null,
      busy: null,

      start() {
        const stop = bridge.on('sessionChanged', (view) => {
          events++;
          set({ view, ...(view.state === 'signing-in' ? {} : { openFailed: null }) });
        });
        const sentAt = events;
        bridge.getSession({}).then(
          (view) => answered(view, sentAt),
          (error: unknown) => set({ failure: toBridgeFailure(error) }),
        );
        return stop;
      },

      async signIn() {
        if (get().busy) return;
        set({ openFailed: null });
        const view = await run('signing-in', () => bridge.signIn({}));
        if (view?.state === 'signing-in' && view.authorizeUrl) await open(view.authorizeUrl);
      },

      async openSignInPage() {
        const url = get().view?.authorizeUrl;
        if (url) await open(url);
      },

      async cancelSignIn() {
        await run('cancelling', () => bridge.cancelSignIn({}));
        set({ openFailed: null });
      },

      async signOut() {
        await run('signing-out', () => bridge.signOut({}));
      },
    };
  });
}
