// Where the browser shell keeps its data (demo sandbox database) when no --data-dir is given:
// the platform's per-user application data directory.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_NAME = 'quantower-referral-companion';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), DATA_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_DIR_NAME);
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const base = xdg?.startsWith('/') ? xdg : join(home, '.local', 'share');
  return join(base, DATA_DIR_NAME);
}
