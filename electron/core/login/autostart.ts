// Start at login, decided without Electron: whether it can be offered at all, and on Linux the
// standard XDG autostart entry (~/.config/autostart/<id>.desktop) that desktop environments
// (GNOME, KDE, Xfce, …) run at login. Windows and macOS use Electron's login item (login-items.ts).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type LoginItemMechanism = 'login-item' | 'xdg-autostart' | 'none';

/**
 * How start at login is done here. Only a packaged app: unpackaged, the executable is the bare
 * Electron binary, and registering it would open Electron's default app at every login.
 */
export function loginItemMechanism(platform: NodeJS.Platform, packaged: boolean): LoginItemMechanism {
  if (!packaged) return 'none';
  if (platform === 'win32' || platform === 'darwin') return 'login-item';
  if (platform === 'linux') return 'xdg-autostart';
  return 'none';
}

/** $XDG_CONFIG_HOME/autostart, else ~/.config/autostart (XDG Autostart specification). */
export function autostartDir(env: Readonly<Record<string, string | undefined>>, home = homedir()): string {
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'autostart');
}

/**
 * The executable to start: an AppImage runs from a temporary mount, so its own path (APPIMAGE)
 * is the one that survives a reboot; the deb's binary is process.execPath.
 */
export function autostartExecutable(
  env: Readonly<Record<string, string | undefined>>,
  execPath: string,
): string {
  return env.APPIMAGE || execPath;
}

/** One argument of an Exec line, quoted by the Desktop Entry rules when it needs to be. */
export function quoteExecArgument(argument: string): string {
  // '%' starts a field code; it is written '%%' whether quoted or not.
  const escapedPercent = argument.replaceAll('%', '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/u.test(escapedPercent)) return escapedPercent;
  return `"${escapedPercent.replace(/["`$\\]/gu, (c) => `\\${c}`)}"`;
}

export function autostartEntry(options: { name: string; exec: string; args: readonly string[] }): string {
  // Desktop Entry values escape backslashes once more on top of the Exec quoting.
  const exec = [options.exec, ...options.args].map(quoteExecArgument).join(' ').replaceAll('\\', '\\\\');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${options.name.replace(/[\r\n]/gu, ' ')}`,
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface XdgAutostartOptions {
  /** The application id: the entry is <id>.desktop. */
  id: string;
  name: string;
  exec: string;
  args: readonly string[];
  dir: string;
}

/** Writes the entry (on) or removes it (off). */
export async function applyXdgAutostart(options: XdgAutostartOptions, on: boolean): Promise<void> {
  const file = join(options.dir, `${options.id}.desktop`);
  if (!on) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(options.dir, { recursive: true });
  await writeFile(file, autostartEntry(options), { mode: 0o644 });
}
