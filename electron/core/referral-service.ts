// The partner's referral code and link, as served by the accounts API.

import type { ReferralView } from '../../shared/bridge.ts';
import { buildReferralLink } from '../../shared/referral-link.ts';
import type { AccountsClient } from './accounts-client.ts';
import { AccountsError } from './accounts-client.ts';
import type { EventHub } from './event-hub.ts';

export interface ReferralService {
  get(): Promise<ReferralView>;
}

export function createReferralService(accounts: AccountsClient, events: EventHub): ReferralService {
  let last: string | undefined;
  return {
    async get() {
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
      return view;
    },
  };
}
