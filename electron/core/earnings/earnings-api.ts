// The accounts endpoints the earnings screen reads, on the shared client (auth, refresh-on-401,
// retries, validation against the shared schemas).
import type {
  Balance,
  EarningsSeries,
  HistoryPage,
  ProgramStatus,
  ReferralStatsPage,
  SeriesBucket,
  TermsInfo,
} from '../../../shared/accounts-api.ts';
import type { HistoryListInput } from '../../../shared/bridge/earnings.ts';
import type { AccountsClient } from '../accounts-client.ts';

export interface EarningsApi {
  balance(): Promise<Balance>;
  program(): Promise<ProgramStatus>;
  terms(): Promise<TermsInfo>;
  history(query: HistoryListInput): Promise<HistoryPage>;
  /** `timeZone`: an IANA name; the buckets follow its calendar. */
  series(query: { bucket: SeriesBucket; timeZone: string }): Promise<EarningsSeries>;
  referralStats(query: { cursor?: string | undefined; limit: number }): Promise<ReferralStatsPage>;
}

export function createEarningsApi(accounts: Pick<AccountsClient, 'call'>): EarningsApi {
  return {
    balance: () => accounts.call('getBalance'),
    program: () => accounts.call('getProgramStatus'),
    terms: () => accounts.call('getTerms'),
    history: (query) =>
      accounts.call('listHistory', {
        query: {
          limit: query.limit,
          cursor: query.cursor,
          types: query.types?.join(','),
          referralId: query.referralId,
          from: query.from,
          to: query.to,
          q: query.q,
          sort: query.sort,
        },
      }),
    series: ({ bucket, timeZone }) => accounts.call('getEarningsSeries', { query: { bucket, tz: timeZone } }),
    referralStats: (query) =>
      accounts.call('listReferralStats', { query: { limit: query.limit, cursor: query.cursor } }),
  };
}
