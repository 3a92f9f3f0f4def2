// The referral feature's state: the partner's referral (idle → loading → ready | error) and the
// Copy button's feedback. Built around an injected bridge, so the same store runs on
// window.companion in the app and on a fake in tests. The app info (mode) is the shell's
// (shell/app-info-store.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeApi, BridgeFailure, ReferralView } from '../../../shared/bridge.ts';
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

export interface ReferralStoreState {
  referral: ReferralState;
  copy: CopyState;
  /** Fetches the referral. Concurrent calls share one request. */
  load(): Promise<void>;
  /** Loads again after an error; does nothing in any other state. */
  retry(): Promise<void>;
  /** Puts the current link on the clipboard through the shell, then confirms for a moment. */
  copyLink(): Promise<void>;
  /** Listens for referral changes and loads; returns a function that stops both. */
  start(): () => void;
  /**
   * Follows a change of mode (welcome, Settings: appInfoChanged): the referral of the old mode is
   * dropped, to be read again for the new one. Returns a function that stops.
   */
  watchMode(): () => void;
}

export type ReferralStore = StoreApi<ReferralStoreState>;

/** How long "Copied" stays visible after a successful copy. */
export const COPIED_CONFIRMATION_MS = 2000;

export interface ReferralStoreOptions {
  copiedConfirmationMs?: number;
}

export function createReferralStore(bridge: BridgeApi, options: ReferralStoreOptions = {}): ReferralStore {
  const copiedConfirmationMs = options.copiedConfirmationMs ?? COPIED_CONFIRMATION_MS;
  // Bumped by every referral request and every change event: an answer that arrives after
  // something newer is dropped instead of overwriting it.
  let generation = 0;
  let inFlight: Promise<void> | null = null;
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  const seeded = firstPaintOf(bridge)?.referral ?? null;
  let shownLink: string | undefined = seeded?.link;

  return createStore<ReferralStoreState>()((set, get) => {
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

    return {
      referral: seeded ? { status: 'ready', referral: seeded } : { status: 'idle' },
      copy: { status: 'idle' },

      load() {
        if (inFlight) return inFlight;
        inFlight = fetchReferral().then(() => {
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

      watchMode() {
        return bridge.on('appInfoChanged', () => {
          generation++;
          inFlight = null;
          shownLink = undefined;
          clearTimeout(copiedTimer);
          set({ referral: { status: 'idle' }, copy: { status: 'idle' } });
        });
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
