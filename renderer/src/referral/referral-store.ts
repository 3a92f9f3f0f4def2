// The UI's state: the partner's referral (idle → loading → ready | error), the Copy button's
// feedback, and the app info behind the demo badge. Built around an injected bridge, so the
// same store runs on window.companion in the app and on a fake in tests.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, BridgeApi, BridgeFailure, ReferralView } from '../../../shared/bridge.ts';
import { firstPaintOf } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';

export type ReferralState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; referral: ReferralView }
  | { status: 'error'; error: BridgeFailure };

export type CopyState =
  | { status: 'idle' }
  | { status: 'copying' }
  | { status: 'copied' }
  | { status: 'failed'; message: string };

export interface CompanionState {
  referral: ReferralState;
  copy: CopyState;
  /** Null until the bridge has answered; the demo badge waits for it. */
  appInfo: AppInfo | null;
  /** Fetches the referral (and the app info, once). Concurrent calls share one request. */
  load(): Promise<void>;
  /** Loads again after an error; does nothing in any other state. */
  retry(): Promise<void>;
  /** Puts the current link on the clipboard through the shell, then confirms for a moment. */
  copyLink(): Promise<void>;
  /** Listens for referral changes and loads; returns a function that stops both. */
  start(): () => void;
  /**
   * Reads the app info and follows a change of mode (welcome, Settings: appInfoChanged); the
   * referral of the old mode is dropped and read again. Returns a function that stops.
   */
  watchAppInfo(): () => void;
}

export type CompanionStore = StoreApi<CompanionState>;

/** How long "Copied" stays visible after a successful copy. */
export const COPIED_CONFIRMATION_MS = 2000;

export interface CompanionStoreOptions {
  copiedConfirmationMs?: number;
}

export function createCompanionStore(bridge: BridgeApi, options: CompanionStoreOptions = {}): CompanionStore {
  const copiedConfirmationMs = options.copiedConfirmationMs ?? COPIED_CONFIRMATION_MS;
  // Bumped by every referral request and every change event: an answer that arrives after
  // something newer is dropped instead of overwriting it.
  let generation = 0;
  let inFlight: Promise<void> | null = null;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  const seeded = firstPaintOf(bridge)?.referral ?? null;
  let shownLink: string | undefined = seeded?.link;

  return createStore<CompanionState>()((set, get) => {
    const showReferral = (referral: ReferralView) => {
      const sameLink = referral.link === shownLink;
      shownLink = referral.link;
      if (!sameLink) clearTimeout(copiedTimer);
      // A "Copied" confirmation is about the old link once the link has changed.
      set({ referral: { status: 'ready', referral }, ...(sameLink ? {} : { copy: { status: 'idle' } }) });
    };

    const fetchReferral = async () => {
      const request = ++generation;
      // A referral on screen (from the first paint) stays there while it is read again.
      if (get().referral.status !== 'ready') set({ referral: { status: 'loading' } });
      try {
        const referral = await bridge.getReferral({});
        if (request === generation) showReferral(referral);
      } catch (error) {
        if (request === generation) set({ referral: { status: 'error', error: toBridgeFailure(error) } });
      }
    };

    const fetchAppInfo = async () => {
      try {
        set({ appInfo: await bridge.getAppInfo({}) });
      } catch {
        // Only the badge depends on it; the referral request reports any connectivity problem.
      }
    };

    return {
      referral: seeded ? { status: 'ready', referral: seeded } : { status: 'idle' },
      copy: { status: 'idle' },
      appInfo: firstPaintOf(bridge)?.appInfo ?? null,

      load() {
        if (inFlight) return inFlight;
        const tasks = get().appInfo ? [fetchReferral()] : [fetchReferral(), fetchAppInfo()];
        inFlight = Promise.all(tasks).then(() => {
          inFlight = null;
        });
        return inFlight;
      },

      retry() {
        return get().referral.status === 'error' ? get().load() : Promise.resolve();
      },

      async copyLink() {
        const current = get().referral;
        if (current.status !== 'ready') return;
        clearTimeout(copiedTimer);
        set({ copy: { status: 'copying' } });
        try {
          await bridge.copyText({ text: current.referral.link });
          set({ copy: { status: 'copied' } });
          copiedTimer = setTimeout(() => set({ copy: { status: 'idle' } }), copiedConfirmationMs);
        } catch (error) {
          set({ copy: { status: 'failed', message: toBridgeFailure(error).message } });
        }
      },

      watchAppInfo() {
        const stop = bridge.on('appInfoChanged', (appInfo) => {
          generation++;
          inFlight = null;
          shownLink = undefined;
          clearTimeout(copiedTimer);
          set({ appInfo, referral: { status: 'idle' }, copy: { status: 'idle' } });
        });
        void fetchAppInfo();
        return stop;
      },

      start() {
        const stopListening = bridge.on('referralChanged', (referral) => {
          generation++;
          showReferral(referral);
        });
        void get().load();
        return () => {
          stopListening();
          clearTimeout(copiedTimer);
        };
      },
    };
  });
}
