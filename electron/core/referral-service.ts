// The partner's referral code and link, as served by the accounts API, and the last one read for
// the account signed in (kept for the next start's first paint).

import type { ReferralView } from '../../shared/bridge.ts';
import { errorMessage } from '../../shared/error-message.ts';
import { buildReferralLink } from '../../shared/referral-link.ts';
import type { AccountsClient } from './accounts-client.ts';
import { AccountsError } from './accounts-client.ts';
import type { EventHub } from './event-hub.ts';
import { consoleWarn } from './logging/logger.ts';
import { createMemoryReferralCache, type ReferralCacheStorage } from './referral-cache.ts';

export interface ReferralService {
  get(): Promise<ReferralView>;
  /** The last referral read for the current owner, without asking the server; null: none. */
  cached(): ReferralView | null;
}

export interface ReferralServiceOptions {
  cache?: ReferralCacheStorage;
  /** Whose referral is read (server and account). */
  owner?: () => string;
  log?: (message: string) => void;
}

export function createReferralService(
  accounts: AccountsClient,
  events: EventHub,
  options: ReferralServiceOptions = {},
): ReferralService {
  const cache = options.cache ?? createMemoryReferralCache();
  const owner = options.owner ?? (() => 'default');
  const log = options.log ?? consoleWarn;
  let last: string | undefined;
  return {
    async get() {
      const reader = owner();
      const [partner, info] = await Promise.all([accounts.getProfile(), accounts.getReferralInfo()]);
      // The server's link must be exactly what the public format gives for its code: a server
      // that encodes differently would hand out links that attribute nobody (R1).
      if (buildReferralLink(info.code, info.linkBase) !== info.link) {
        throw new AccountsError(
          'invalid-response',
          'The accounts server sent a referral link that does not match its code.',
        );
      }
      const view: ReferralView = { ...info, partner };
      const fingerprint = JSON.stringify(view);
      if (last !== undefined && last !== fingerprint) events.emit('referralChanged', view);
      last = fingerprint;
      // Kept only for the account that read it (it may have changed while the answers travelled).
      if (
        reader === owner() &&
        JSON.stringify(cache.read()) !== JSON.stringify({ owner: reader, referral: view })
      ) {
        try {
          cache.write({ owner: reader, referral: view });
        } catch (error) {
          log(`Referral cache not written: ${errorMessage(error)}`);
        }
      }
      return view;
    },
    cached() {
      const kept = cache.read();
      return kept.owner === owner() ? kept.referral : null;
    },
  };
}
