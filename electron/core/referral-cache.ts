// The partner's referral as last read, kept beside the settings (referral-cache.json) so the link
// can be drawn at once on the next start (docs/first-paint.md), like the dashboard's snapshot
// (earnings/snapshot-cache.ts). Validated on load; a damaged file is set aside and replaced. It
// belongs to one account: another account's referral is never shown.
import { z } from 'zod';
import { ReferralView } from '../../shared/bridge.ts';
import { createMemoryValidated, openValidatedFile, type ValidatedFile } from './validated-json-file.ts';

export const ReferralCache = z
  .object({
    /** Whose referral it is (server and account); null: none kept. */
    owner: z.string().nullable(),
    referral: ReferralView.nullable(),
  })
  .strict();
export type ReferralCache = z.infer<typeof ReferralCache>;

const EMPTY: ReferralCache = Object.freeze({ owner: null, referral: null });

/** The port: core only reads and writes whole, validated values. */
export interface ReferralCacheStorage {
  read(): ReferralCache;
  write(value: ReferralCache): void;
}

export function openReferralCacheFile(options: {
  cwd: string;
  now?: () => Date;
  log?: (message: string) => void;
}): ValidatedFile<ReferralCache> {
  return openValidatedFile({
    ...options,
    name: 'referral-cache',
    schema: ReferralCache,
    defaults: EMPTY,
    label: 'Referral cache',
  });
}

export function createMemoryReferralCache(): ReferralCacheStorage {
  return createMemoryValidated(ReferralCache, EMPTY);
}
