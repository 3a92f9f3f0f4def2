// A JSON file validated by a zod schema on load and on every write (conf gives the atomic writes and
// the file handling). Loading never crashes the app: a file that is not JSON or does not fit the
// schema is renamed aside with a timestamp (kept for the user or support to look at) and replaced
// by the defaults. Every local state file of the companion uses it (storage.ts opens them all).
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import { consoleWarn } from './logging/logger.ts';

export interface ValidatedFileOptions<S extends z.ZodType<Record<string, unknown>>> {
  /** The directory that holds `<name>.json`. */
  cwd: string;
  name: string;
  schema: S;
  defaults: z.output<S>;
  /** How the file is called in log lines ("Settings"). */
  label: string;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface ValidatedFile<T> {
  readonly path: string;
  /** Where a damaged file was moved on open, if it was. */
  readonly setAside: string | undefined;
  read(): T;
  /** Validates, then writes atomically; throws (and keeps the old value) when off-schema. */
  write(value: T): void;
}

export function openValidatedFile<S extends z.ZodType<Record<string, unknown>>>(
  options: ValidatedFileOptions<S>,
): ValidatedFile<z.output<S>> {
  type T = z.output<S>;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleWarn;
  let setAside: string | undefined;

  let conf: Conf<T>;
  try {
    conf = createConf(options);
  } catch (error) {
    if (!(error instanceof InvalidFileError)) throw error;
    setAside = `${error.path}.${now().toISOString().replace(/[:.]/gu, '-')}.invalid`;
    renameSync(error.path, setAside);
    log(`${options.label}: ${error.message}; moved the file to ${setAside} and started from the defaults.`);
    conf = createConf(options);
  }
  // A fresh or reset store is written at once, so the file on disk is always a complete, valid set.
  if (!existsSync(conf.path)) conf.store = options.defaults;
  let current = options.schema.parse(conf.store) as T;

  return {
    path: conf.path,
    get setAside() {
      return setAside;
    },
    read: () => current,
    write(value) {
      const checked = options.schema.parse(value) as T;
      conf.store = checked;
      current = checked;
    },
  };
}

class InvalidFileError extends Error {
  override name = 'InvalidFileError';
  readonly path: string;
  constructor(message: string, path: string) {
    super(message);
    this.path = path;
  }
}

// The schema is ours (zod, in the deserializer), not conf's JSON Schema, so each contract is
// written once. clearInvalidConfig stays off: conf would silently empty the file, where we keep it aside.
function createConf<S extends z.ZodType<Record<string, unknown>>>(options: ValidatedFileOptions<S>) {
  const path = join(options.cwd, `${options.name}.json`);
  return new Conf<z.output<S>>({
    cwd: options.cwd,
    configName: options.name,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    deserialize(text) {
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/u, ''));
      } catch {
        throw new InvalidFileError('the file is not valid JSON', path);
      }
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
        throw new InvalidFileError(
          `the file does not fit the ${options.label.toLowerCase()} schema (at ${where})`,
          path,
        );
      }
      return parsed.data as z.output<S>;
    },
  });
}

export interface ValidatedStore<T> {
  read(): T;
  /** Validates, then keeps; throws (and keeps the old value) when off-schema. */
  write(value: T): void;
}

/**
 * The in-memory twin of a validated file (tests, and callers given no data directory): the same
 * schema check on the first value and on every write.
 */
export function createMemoryValidated<S extends z.ZodType>(
  schema: S,
  initial: z.output<S>,
): ValidatedStore<z.output<S>> {
  let current = schema.parse(initial);
  return {
    read: () => current,
    write(value) {
      current = schema.parse(value);
    },
  };
}
