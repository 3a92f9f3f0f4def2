// Start at login (the `window.startAtLogin` setting) and starting hidden in the tray when launched
// that way. Windows/macOS keep the login item; Linux has no API for it in Electron.
import type { App } from 'electron';

/** Passed to the login item, so a start at login is told apart from the user opening the app. */
export const HIDDEN_ARG = '--hidden';

export function applyLoginItem(
  app: Pick<App, 'setLoginItemSettings'>,
  openAtLogin: boolean,
  platform = process.platform,
): boolean {
  if (platform !== 'win32' && platform !== 'darwin') return false;
  app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] });
  return true;
}

/** Whether this launch should stay in the tray: started at login and the user wants it hidden. */
export function startsHidden(
  app: Pick<App, 'getLoginItemSettings'>,
  argv: readonly string[],
  startHidden: boolean,
  platform = process.platform,
): boolean {
  if (!startHidden) return false;
  if (argv.includes(HIDDEN_ARG)) return true;
  // macOS reports a login launch itself.
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
