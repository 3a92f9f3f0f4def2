// The bridge methods Electron answers itself (platform capabilities, not core logic).
import { clipboard } from 'electron';
import type { ShellHandlers } from '../../shared/bridge.ts';

export function createElectronShellHandlers(): ShellHandlers {
  return {
    copyText: async ({ text }) => {
      clipboard.writeText(text);
      return { copied: true };
    },
  };
}
