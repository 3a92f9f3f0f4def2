// Choosing a mode: core switches at once (it starts the demo sandbox only for demo, nothing for
// link mode) and announces appInfoChanged, which the app follows (shell/app-info-store.ts).
import type { BridgeApi } from '../../../shared/bridge.ts';
import type { CompanionMode } from '../../../shared/settings.ts';
import { toBridgeFailure } from '../store/bridge-failure.ts';

/** Null when done; else the failure's message for the UI. */
export async function chooseMode(
  bridge: BridgeApi,
  mode: CompanionMode,
  accountsUrl?: string,
): Promise<string | null> {
  try {
    await bridge.updateSettings({ mode, ...(accountsUrl === undefined ? {} : { accountsUrl }) });
    return null;
  } catch (error) {
    return toBridgeFailure(error).message;
  }
}
