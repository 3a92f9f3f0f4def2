// The settings store port and its file adapter. Core only knows the port; both shells use the
// adapter with their own data directory (Electron: app.getPath('userData'); browser shell: its
// --data-dir), so the logic is plain Node, tested with a temporary directory, and identical.
//
// Loading never crashes the app: a file that is not JSON or does not fit the schema is renamed
// aside with a timestamp (kept for the user or support to look at) and replaced by the defaults.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/settings.ts';

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
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console.warn;
  let setAside: string | undefined;
  const putAside = (error: InvalidSettingsFileError) => {
    setAside = `${error.path}.${now().toISOString().replace(/[:.]/gu, '-')}.invalid`;
    renameSync(error.path, setAside);
    log(`Settings: ${error.message}; moved the file to ${setAside} and started from the defaults.`);
  };

  let conf: Conf<Settings>;
  try {
    conf = createConf(options.cwd);
  } catch (error) {
    if (!(error instanceof InvalidSettingsFileError)) throw error;
    putAside(error);
    conf = createConf(options.cwd);
  }
  // A fresh or reset store is written at once, so the file on disk is always a complete, valid set.
  if (!existsSync(conf.path)) conf.store = DEFAULT_SETTINGS;
  let current = Settings.parse(conf.store);

  return {
    path: conf.path,
    get setAside() {
      return setAside;
    },
    read: () => current,
    write(settings) {
      const checked = Settings.parse(settings);
      conf.store = checked;
      current = checked;
    },
  };
}

class InvalidSettingsFileError extends Error {
  override name = 'InvalidSettingsFileError';
  readonly path: string;
  constructor(message: string, path: string) {
    super(message);
    this.path = path;
  }
}

// conf gives atomic writes and the file handling; the schema is ours (zod, in its deserializer), not
// conf's JSON Schema, so the contract is written once. clearInvalidConfig stays off: conf would
// silently empty the file, where we keep it aside.
function createConf(cwd: string): Conf<Settings> {
  const path = join(cwd, `${SETTINGS_FILE_NAME}.json`);
  return new Conf<Settings>({
    cwd,
    configName: SETTINGS_FILE_NAME,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    deserialize(text) {
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/u, ''));
      } catch {
        throw new InvalidSettingsFileError('the file is not valid JSON', path);
      }
      const parsed = Settings.safeParse(raw);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
        throw new InvalidSettingsFileError(`the file does not fit the settings schema (at ${where})`, path);
      }
      return parsed.data;
    },
  });
}

/** Storage that lives only as long as the process: for tests of code that needs settings. */
export function createMemorySettingsStorage(initial: Settings = DEFAULT_SETTINGS): SettingsStorage {
  let current = Settings.parse(initial);
  return {
    read: () => current,
    write(settings) {
      current = Settings.parse(settings);
    },
  };
}
