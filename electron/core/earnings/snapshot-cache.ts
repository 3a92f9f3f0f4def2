// The dashboard's last snapshot, kept beside the settings (earnings-cache.json) so the screen shows
// at once on the next start. Validated on load; a damaged file is set aside and replaced
// (validated-json-file.ts), never a crash. It belongs to one account: another account's snapshot is
// never shown.
import { z } from 'zod';
import { EarningsSnapshot } from '../../../shared/bridge/earnings.ts';
import { createMemoryValidated, openValidatedFile, type ValidatedFile } from '../validated-json-file.ts';

export const EarningsCache = z
  .object({
    /** Whose snapshot it is (server and account); null: none kept. */
    owner: z.string().nullable(),
    snapshot: EarningsSnapshot.nullable(),
  })
  .strict();
export type EarningsCache = z.infer<typeof EarningsCache>;

export const EMPTY_EARNINGS_CACHE: EarningsCache = Object.freeze({ owner: null, snapshot: null });

/** The port: core only reads and writes whole, validated values. */
export interface EarningsCacheStorage {
  read(): EarningsCache;
  write(value: EarningsCache): void;
}

export const EARNINGS_CACHE_FILE_NAME = 'earnings-cache';

export function openEarningsCacheFile(options: {
  cwd: string;
  now?: () => Date;
  log?: (message: string) => void;
}): ValidatedFile<EarningsCache> {
  return openValidatedFile({
    ...options,
    name: EARNINGS_CACHE_FILE_NAME,
    schema: EarningsCache,
    defaults: EMPTY_EARNINGS_CACHE,
    label: 'Earnings cache',
  });
}

export function createMemoryEarningsCache(
  initial: EarningsCache = EMPTY_EARNINGS_CACHE,
): EarningsCacheStorage {
  return createMemoryValidated(EarningsCache, initial);
}
