// Start at login (the `window.startAtLogin` setting) and starting hidden in the tray when launched
// that way. Packaged apps only: Windows/macOS through Electron's login item, Linux through an XDG
// autostart entry (electron/core/login/autostart.ts). Electron has no login-item API on Linux.
import type { App } from 'electron';
import {
  applyXdgAutostart,
  autostartDir,
  autostartExecutable,
  type LoginItemMechanism,
  loginItemMechanism,
} from '../core/login/autostart.ts';
import { APP_ID } from './app-identity.ts';

/** Passed to the login item, so a start at login is told apart from the user opening the app. */
export const HIDDEN_ARG = '--hidden';

export interface LoginItemHost {
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getName'>;
  platform?: NodeJS.Platform;
  env?: Readonly<Record<string, string | undefined>>;
  execPath?: string;
  /** Overrides ~/.config/autostart (tests). */
  autostartDir?: string;
}

/** Applies the setting; answers how (or 'none': nothing is registered, e.g. unpackaged). */
export async function applyLoginItem(host: LoginItemHost, openAtLogin: boolean): Promise<LoginItemMechanism> {
  const platform = host.platform ?? process.platform;
  const env = host.env ?? process.env;
  const mechanism = loginItemMechanism(platform, host.app.isPackaged);
  if (mechanism === 'login-item') host.app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] });
  if (mechanism === 'xdg-autostart') {
    await applyXdgAutostart(
      {
        id: APP_ID,
        name: host.app.getName(),
        exec: autostartExecutable(env, host.execPath ?? process.execPath),
        args: [HIDDEN_ARG],
        dir: host.autostartDir ?? autostartDir(env),
      },
      openAtLogin,
    );
  }
  return mechanism;
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
