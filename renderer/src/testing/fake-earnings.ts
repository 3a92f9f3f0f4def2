// The earnings side of the fake bridge: a dashboard view, history pages filtered and sorted like
// the accounts server, a series, referral statistics, a CSV answer, and earningsChanged events.
import type {
  EarningsSeries,
  HistoryEntry,
  HistoryPage,
  ReferralStats,
  ReferralStatsPage,
} from '../../../shared/accounts-api.ts';
import type { EarningsSnapshot, EarningsView } from '../../../shared/bridge/earnings.ts';
import type { BridgeApi, EventName, EventPayload, MethodInput } from '../../../shared/bridge.ts';

type EarningsMethodsApi = Pick<
  BridgeApi,
  | 'getEarnings'
  | 'refreshEarnings'
  | 'listHistory'
  | 'getEarningsSeries'
  | 'listReferralStats'
  | 'exportHistoryCsv'
>;

export function isEarningsEvent(event: EventName): event is 'earningsChanged' {
  return event === 'earningsChanged';
}

export const demoSnapshot: EarningsSnapshot = {
  balance: {
    availableCents: 3_840,
    pendingCents: 1_250,
    reservedCents: 0,
    paidOutCents: 10_000,
    creditedCents: 2_500,
    cancelledCents: 0,
    earnedCents: 18_090,
    reversedCents: 500,
    asOf: '2026-11-21T06:00:00.000Z',
  },
  program: {
    status: 'active',
    disqualifiedAt: null,
    disqualificationReason: null,
    rateBp: 1500,
    rateSource: 'terms',
    termsVersion: 2,
    referralsCount: 2,
    withdrawal: { minPayoutCents: 5_000, minReferrals: 3, availableCents: 3_840, eligible: false },
  },
  terms: {
    current: {
      version: 2,
      effectiveFrom: '2022-11-21T00:00:00.000Z',
      publishedAt: '2022-11-21T00:00:00.000Z',
      rateBp: 1500,
      minPayoutCents: 5_000,
      minReferrals: 3,
      holdDays: 0,
      summary: '15% of each purchase; withdraw from $50 with at least 3 referrals.',
    },
    history: [
      {
        version: 2,
        effectiveFrom: '2022-11-21T00:00:00.000Z',
        publishedAt: '2022-11-21T00:00:00.000Z',
        rateBp: 1500,
        minPayoutCents: 5_000,
        minReferrals: 3,
        holdDays: 0,
        summary: '15% of each purchase; withdraw from $50 with at least 3 referrals.',
      },
      {
        version: 1,
        effectiveFrom: '2019-01-01T00:00:00.000Z',
        publishedAt: '2019-01-01T00:00:00.000Z',
        rateBp: 2000,
        minPayoutCents: 5_000,
        minReferrals: 0,
        holdDays: 0,
        summary: '20% of each purchase; withdraw from $50.',
      },
    ],
  },
  fetchedAt: '2026-11-21T06:00:00.000Z',
};

/** `count` entries, newest first, alternating earned and reversed, for history tests. */
export function demoEntries(count: number): HistoryEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const earned = i % 5 !== 4;
    const at = new Date(Date.UTC(2026, 10, 20) - i * 3_600_000).toISOString();
    return {
      id: String(count - i),
      type: earned ? 'earned' : 'reversed',
      amountCents: earned ? 1_000 + i : -(500 + i),
      occurredAt: at,
      recordedAt: at,
      availableAt: at,
      purchase: {
        id: String(10_000 + i),
        referralId: `ref-${i % 3}`,
        sku: 'crypto-1m',
        listPriceCents: 10_000,
        discountCents: 0,
        paidCents: 10_000,
        purchasedAt: at,
      },
      productName: 'Crypto',
      referralId: `ref-${i % 3}`,
      referralName: `Referral ${i % 3}`,
      refundCents: earned ? null : 5_000,
      rateBp: 1500,
      termsVersion: 2,
      payoutId: null,
      creditId: null,
    };
  });
}

export const demoReferralStats: ReferralStats[] = [
  {
    id: 'ref-0',
    displayName: 'Referral 0',
    registeredAt: '2026-10-01T09:00:00.000Z',
    emailMasked: 'r***@example.com',
    purchasesCount: 3,
    paidCents: 30_000,
    commissionCents: 4_500,
  },
  {
    id: 'ref-1',
    displayName: 'Referral 1',
    registeredAt: '2026-09-01T09:00:00.000Z',
    emailMasked: 'b***@example.com',
    purchasesCount: 0,
    paidCents: 0,
    commissionCents: 0,
  },
];

export class FakeEarnings {
  view: EarningsView = { snapshot: demoSnapshot, refreshing: false, error: null };
  entries: HistoryEntry[] = demoEntries(30);
  series: EarningsSeries = {
    bucket: 'day',
    timeZone: 'UTC',
    points: [
      { start: '2026-11-19T00:00:00.000Z', earnedCents: 2_000, reversedCents: 0 },
      { start: '2026-11-20T00:00:00.000Z', earnedCents: 1_500, reversedCents: 500 },
    ],
  };
  referrals: ReferralStats[] = demoReferralStats;
  answerRefresh: () => Promise<EarningsView> = async () => this.view;
  readonly historyQueries: MethodInput<'listHistory'>[] = [];
  readonly csvRanges: MethodInput<'exportHistoryCsv'>[] = [];
  readonly seriesQueries: MethodInput<'getEarningsSeries'>[] = [];
  readonly calls = { getEarnings: 0, refreshEarnings: 0, getEarningsSeries: 0, listReferralStats: 0 };
  private readonly listeners = new Set<(view: EarningsView) => void>();

  readonly methods: EarningsMethodsApi = {
    getEarnings: async () => {
      this.calls.getEarnings++;
      return this.view;
    },
    refreshEarnings: async () => {
      this.calls.refreshEarnings++;
      return this.answerRefresh();
    },
    listHistory: async (query) => {
      this.historyQueries.push(query);
      return this.page(query);
    },
    getEarningsSeries: async (query) => {
      this.calls.getEarningsSeries++;
      this.seriesQueries.push(query);
      return { ...this.series, bucket: query.bucket };
    },
    listReferralStats: async (): Promise<ReferralStatsPage> => {
      this.calls.listReferralStats++;
      return { items: this.referrals, nextCursor: null };
    },
    exportHistoryCsv: async (range) => {
      this.csvRanges.push(range);
      return { name: 'quantower-referral-history_start_now.csv', text: '\uFEFFdate,type\r\n', rows: 0 };
    },
  };

  on(_event: 'earningsChanged', listener: (payload: EventPayload<'earningsChanged'>) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(view: EarningsView): void {
    this.view = view;
    for (const listener of this.listeners) listener(view);
  }

  /** Filters, sorts and pages like the accounts server (cursor = offset, as text). */
  private page(query: MethodInput<'listHistory'>): HistoryPage {
    const types: readonly string[] | null = query.types ?? null;
    const q = query.q?.toLowerCase();
    let items = this.entries.filter(
      (entry) =>
        (!types || types.includes(entry.type)) &&
        (!query.referralId || entry.referralId === query.referralId) &&
        (!query.from || entry.occurredAt >= query.from) &&
        (!query.to || entry.occurredAt < query.to) &&
        (!q || `${entry.productName} ${entry.referralName} ${entry.purchase?.sku}`.toLowerCase().includes(q)),
    );
    const sort = query.sort ?? 'date-desc';
    const key = (entry: HistoryEntry) =>
      sort.startsWith('amount') ? entry.amountCents : Date.parse(entry.occurredAt);
    items = [...items].sort((a, b) => (sort.endsWith('desc') ? key(b) - key(a) : key(a) - key(b)));
    const offset = query.cursor ? Number(query.cursor) : 0;
    const limit = Number(query.limit ?? 50);
    const next = offset + limit < items.length ? String(offset + limit) : null;
    return { items: items.slice(offset, offset + limit), nextCursor: next };
  }
}
