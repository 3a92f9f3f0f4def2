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
import {
  balance,
  FIXTURE_AS_OF,
  programStatus,
  termsInfo,
} from '../../../shared/testing/accounts-api-fixtures.ts';

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
  balance: balance(),
  program: programStatus(),
  terms: termsInfo(),
  fetchedAt: FIXTURE_AS_OF,
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
