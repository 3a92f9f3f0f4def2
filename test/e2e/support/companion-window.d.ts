// The bridge the page script installs, as page.evaluate() callbacks see it.
import type { BridgeApi } from '../../../shared/bridge.ts';

declare global {
  interface Window {
    companion: BridgeApi;
  }
}
