import { describe, expect, it, vi } from 'vitest';
import { pretendTimeZone } from '../testing/time-zone.ts';
import { ago, bucketLabel, money, percent, userTimeZone } from './format.ts';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

describe('earnings formatting', () => {
  it('formats exact cents for the chosen language', () => {
    expect(money(3_840, 'en-US')).toBe('$38.40');
    expect(money(-5, 'en-US')).toBe('-$0.05');
    expect(money(123_456_789, 'en-US')).toBe('$1,234,567.89');
    expect(nbsp(money(123_456_789, 'ru-RU'))).toBe('1 234 567,89 $');
    // Beyond a float's exact range of cents as dollars: still exact, digit for digit.
    expect(money(9_007_199_254_740_991, 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('shows basis points as exact percentages', () => {
    expect(percent(1500, 'en-US')).toBe('15%');
    expect(percent(1250, 'en-US')).toBe('12.5%');
    expect(percent(1, 'en-US')).toBe('0.01%');
    expect(nbsp(percent(1500, 'ru-RU'))).toBe('15 %');
  });

  it('says how long ago the figures were read', () => {
    const now = Date.parse('2026-11-21T06:30:00.000Z');
    expect(ago('2026-11-21T06:29:50.000Z', now, 'en-US')).toBe('10 seconds ago');
    expect(ago('2026-11-21T06:25:00.000Z', now, 'en-US')).toBe('5 minutes ago');
    expect(ago('2026-11-21T04:30:00.000Z', now, 'en-US')).toBe('2 hours ago');
    expect(ago('2026-11-20T06:30:00.000Z', now, 'en-US')).toBe('yesterday');
    expect(ago('2026-11-21T06:25:00.000Z', now, 'ru-RU')).toBe('5 минут назад');
  });

  it('labels chart buckets in the time zone they follow', () => {
    expect(bucketLabel('2026-11-01T00:00:00.000Z', 'month', 'en-US', 'UTC')).toBe('Nov 2026');
    expect(bucketLabel('2026-11-20T00:00:00.000Z', 'day', 'en-US', 'UTC')).toBe('Nov 20');
    // Moscow's 20 November starts at 21:00 UTC on the 19th; its November at 21:00 UTC on 31 October.
    expect(bucketLabel('2026-11-19T21:00:00.000Z', 'day', 'en-US', 'Europe/Moscow')).toBe('Nov 20');
    expect(bucketLabel('2026-10-31T21:00:00.000Z', 'month', 'en-US', 'Europe/Moscow')).toBe('Nov 2026');
    expect(bucketLabel('2026-11-19T21:00:00.000Z', 'day', 'ru-RU', 'Europe/Moscow')).toBe('20 нояб.');
    expect(bucketLabel('2026-03-08T05:00:00.000Z', 'day', 'en-US', 'America/New_York')).toBe('Mar 8');
  });

  it('takes the user’s time zone from Intl, and UTC when Intl names none the contract accepts', () => {
    try {
      pretendTimeZone('Asia/Kolkata');
      expect(userTimeZone()).toBe('Asia/Kolkata');
      pretendTimeZone('+05:30');
      expect(userTimeZone()).toBe('UTC');
    } finally {
      vi.restoreAllMocks();
    }
  });
});
