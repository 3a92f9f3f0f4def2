// The settings store port and its file adapter. Core only knows the port; both shells use the
// adapter with their own data directory (Electron: app.getPath('userData'); browser shell: its
// --data-dir), so the logic is plain Node, tested with a temporary directory, and identical.
//
// Loading never crashes the app: a damaged file is set aside (validated-json-file.ts).
import { DEFAULT_SETTINGS, Settings } from '../../../shared/settings.ts';
import { createMemoryValidated, openValidatedFile } from '../validated-json-file.ts';

/** The port: read the current settings, write a complete (already validated) set. */
export interface SettingsStorage {
  read(): Settings;
  write(settings: Settings): void;
}

export const SETTINGS_FILE_NAME = 'settings';

export interface SettingsFileOptions {
  /** The directory that holds settings.json. */
  cwd: string;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface SettingsFile extends SettingsStorage {
  readonly path: string;
  /** Where a damaged file was moved on open, if it was. */
  readonly setAside: string | undefined;
}

export function openSettingsFile(options: SettingsFileOptions): SettingsFile {
  return openValidatedFile({
    ...options,
    name: SETTINGS_FILE_NAME,
    schema: Settings,
    defaults: DEFAULT_SETTINGS,
    label: 'Settings',
  });
}

/** Storage that lives only as long as the process: for tests of code that needs settings. */
export function createMemorySettingsStorage(initial: Settings = DEFAULT_SETTINGS): SettingsStorage {
  return createMemoryValidated(Settings, initial);
}
