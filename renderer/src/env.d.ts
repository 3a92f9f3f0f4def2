/// <reference types="vite/client" />
import type { BridgeApi } from '../../shared/bridge.ts';

declare global {
  interface Window {
    /** Installed by the Electron preload or the browser shell before the app starts. */
    companion: BridgeApi;
  }
}
