// The earnings bridge handlers, spread into the core handlers in companion.ts.
import type { CoreHandlers } from '../../../shared/bridge.ts';
import type { EarningsApi } from './earnings-api.ts';
import type { EarningsService } from './earnings-service.ts';
import { historyCsv } from './history-csv.ts';

export type EarningsHandlers = Pick<
  CoreHandlers,
  | 'getEarnings'
  | 'refreshEarnings'
  | 'listHistory'
  | 'getEarningsSeries'
  | 'listReferralStats'
  | 'exportHistoryCsv'
>;

export function createEarningsHandlers(service: EarningsService, api: EarningsApi): EarningsHandlers {
  return {
    getEarnings: async () => service.view(),
    refreshEarnings: () => service.refresh(),
    listHistory: (query) => api.history(query),
    getEarningsSeries: ({ bucket, timeZone }) => api.series({ bucket, timeZone }),
    listReferralStats: (query) => api.referralStats(query),
    exportHistoryCsv: (range) => historyCsv(api, range),
  };
}
