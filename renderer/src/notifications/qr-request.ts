// "Show QR code" from the tray: the navigate event selects the referral section, whose QR dialog
// opens on this request once it is mounted (the section may not be showing when the event comes).
import { createStore } from 'zustand/vanilla';
import { featureStore } from '../shell/bridge-context.tsx';

export interface QrRequestState {
  pending: boolean;
  request(): void;
  consume(): void;
}

export const qrRequest = featureStore(() =>
  createStore<QrRequestState>()((set) => ({
    pending: false,
    request: () => set({ pending: true }),
    consume: () => set({ pending: false }),
  })),
);
