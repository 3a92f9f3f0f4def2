// The one place that reads `window.companion`, the bridge the Electron preload or the browser
// shell installs before the app starts. Everything else receives the bridge as an argument,
// so tests hand in a fake instead.
import type { BridgeApi } from '../../shared/bridge.ts';

/** The installed bridge, or null when the page was opened outside a companion shell. */
export function installedBridge(): BridgeApi | null {
  const bridge = (window as Partial<Window>).companion;
  return bridge && typeof bridge.getReferral === 'function' ? bridge : null;
}
