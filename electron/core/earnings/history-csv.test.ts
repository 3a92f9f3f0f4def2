import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/accounts-api.ts';
import type { HistoryListInput } from '../../../shared/bridge/earnings.ts';
import type { EarningsApi } from './earnings-api.ts';
import { CSV_COLUMNS, csvFileName, historyCsv, ratePercent } from './history-csv.ts';

const entry = (id: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id: String(id),
  type: 'earned',
  amountCents: 1_234_567,
  occurredAt: `2026-01-0${id}T10:00:00.000Z`,
  recordedAt: `2026-01-0${id}T10:00:00.000Z`,
  availableAt: `2026-01-0${id}T10:00:00.000Z`,
  purchase: {
    id: `p${id}`,
    referralId: 'r1',
    sku: 'crypto-1y',
    listPriceCents: 8_230_378,
    discountCents: 0,
    paidCents: 8_230_378,
    purchasedAt: `2026-01-0${id}T10:00:00.000Z`,
  },
  productName: 'Crypto',
  referralId: 'r1',
  referralName: 'Иван "Trader", Jr.\nSecond line',
  refundCents: null,
  rateBp: 1500,
  termsVersion: 2,
  payoutId: null,
  creditId: null,
  ...overrides,
});

function pagedApi(entries: HistoryEntry[], pageSize: number) {
  const queries: HistoryListInput[] = [];
  const api = {
    history: async (query: HistoryListInput) => {
      queries.push(query);
      const offset = query.cursor ? Number(query.cursor) : 0;
      const next = offset + pageSize < entries.length ? String(offset + pageSize) : null;
      return { items: entries.slice(offset, offset + pageSize), nextCursor: next };
    },
  } as unknown as EarningsApi;
  return { api, queries };
}

describe('the history CSV', () => {
  it('has every entry of the range once, oldest first, with exact decimal amounts and safe quoting', async () => {
    const entries = [
      entry(1),
      entry(2, { type: 'reversed', amountCents: -5, refundCents: 100 }),
      entry(3, {
        type: 'paid-out',
        amountCents: -5_000,
        purchase: null,
        productName: null,
        referralId: null,
        referralName: null,
        rateBp: null,
        termsVersion: null,
        payoutId: 'po_1',
      }),
    ];
    const { api, queries } = pagedApi(entries, 2);
    const csv = await historyCsv(api, { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' });
    expect(queries.map((q) => [q.sort, q.from, q.to, q.limit, q.cursor])).toEqual([
      ['date-asc', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 500, undefined],
      ['date-asc', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 500, '2'],
    ]);
    expect(csv.rows).toBe(3);
    expect(csv.name).toBe('quantower-referral-history_2026-01-01_2026-02-01.csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.text.slice(1)) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const record = (row: string[] | undefined) =>
      Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row?.[i]]));
    expect(record(rows[1])).toMatchObject({
      type: 'earned',
      amount: '12345.67',
      currency: 'USD',
      paid_amount: '82303.78',
      rate_percent: '15.00',
      terms_version: '2',
      referral_name: 'Иван "Trader", Jr.\nSecond line',
      entry_id: '1',
    });
    expect(record(rows[2])).toMatchObject({ type: 'reversed', amount: '-0.05', refund_amount: '1.00' });
    expect(record(rows[3])).toMatchObject({
      type: 'paid-out',
      amount: '-50.00',
      product: '',
      rate_percent: '',
      payout_id: 'po_1',
    });
    expect(rows).toHaveLength(4);
  });

  it('names open ranges and writes rates exactly', () => {
    expect(csvFileName({})).toBe('quantower-referral-history_start_now.csv');
    expect(ratePercent(1250)).toBe('12.50');
    expect(ratePercent(null)).toBe('');
  });
});
