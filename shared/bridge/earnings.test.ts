import { describe, expect, it } from 'vitest';
import { CsvExportInput, earningsMethods, HistoryListInput } from './earnings.ts';

const SeriesInput = earningsMethods.getEarningsSeries.input;

describe('the earnings bridge contract', () => {
  it('parses every input to a value that parses again to itself (both sides of the bridge validate)', () => {
    const samples: Record<string, unknown> = {
      getEarnings: {},
      refreshEarnings: {},
      listHistory: {
        types: ['reversed', 'paid-out'],
        referralId: 'r1',
        q: 'crypto',
        from: '2026-01-01T00:00:00.000Z',
      },
      getEarningsSeries: { bucket: 'week', timeZone: 'Europe/Moscow' },
      listReferralStats: { cursor: 'abc' },
      exportHistoryCsv: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
    };
    for (const [name, spec] of Object.entries(earningsMethods)) {
      const once = spec.input.parse(samples[name]);
      expect(spec.input.parse(once), name).toEqual(once);
    }
  });

  it('refuses unknown history types, an inverted CSV range, unknown fields and time zones', () => {
    expect(HistoryListInput.safeParse({ types: ['bogus'] }).success).toBe(false);
    expect(HistoryListInput.safeParse({ types: [] }).success).toBe(false);
    expect(HistoryListInput.safeParse({ sort: 'random' }).success).toBe(false);
    expect(HistoryListInput.safeParse({ limit: 501 }).success).toBe(false);
    expect(HistoryListInput.safeParse({ extra: 1 }).success).toBe(false);
    expect(SeriesInput.safeParse({ bucket: 'day', timeZone: 'Asia/Kolkata' }).success).toBe(true);
    expect(SeriesInput.safeParse({ bucket: 'day', timeZone: 'UTC' }).success).toBe(true);
    expect(SeriesInput.safeParse({ bucket: 'day', timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(SeriesInput.safeParse({ bucket: 'day', timeZone: '+03:00' }).success).toBe(false);
    expect(SeriesInput.safeParse({ bucket: 'day' }).success).toBe(false);
    expect(
      CsvExportInput.safeParse({ from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' }).success,
    ).toBe(false);
  });
});
