// The accounts endpoints the earnings screen reads, on the shared client (auth, refresh-on-401,
// retries, validation against the shared schemas).
import {
  accountsPaths,
  Balance,
  EarningsSeries,
  HistoryPage,
  ProgramStatus,
  ReferralStatsPage,
  type SeriesBucket,
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

export function createEarningsApi(accounts: Pick<AccountsClient, 'request'>): EarningsApi {
  return {
    balance: () => accounts.request(accountsPaths.balance, Balance),
    program: () => accounts.request(accountsPaths.program, ProgramStatus),
    terms: () => accounts.request(accountsPaths.terms, TermsInfo),
    history: (query) =>
      accounts.request(accountsPaths.history, HistoryPage, {
        searchParams: {
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
    series: ({ bucket, timeZone }) =>
      accounts.request(accountsPaths.earningsSeries, EarningsSeries, {
        searchParams: { bucket, tz: timeZone },
      }),
    referralStats: (query) =>
      accounts.request(accountsPaths.referralStats, ReferralStatsPage, {
        searchParams: { limit: query.limit, cursor: query.cursor },
      }),
  };
}
