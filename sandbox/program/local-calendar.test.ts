// The local calendar against hand-computed instants: DST changes, skipped midnights, :30/:45
// offsets and an old offset that is no whole quarter hour.
import { describe, expect, it } from 'vitest';
import { LocalCalendar } from './local-calendar.ts';

const iso = (t: number) => new Date(t).toISOString();
const bucket = (calendar: LocalCalendar, at: string) => {
  const found = calendar.bucketOf(Date.parse(at));
  return [iso(found.start), iso(found.end)];
};

describe('the local calendar', () => {
  it('gives local days, weeks from Monday and months from the 1st as the instants they start', () => {
    expect(bucket(new LocalCalendar('Europe/Moscow', 'day'), '2026-03-04T22:30:00.000Z')).toEqual([
      '2026-03-04T21:00:00.000Z',
      '2026-03-05T21:00:00.000Z',
    ]);
    expect(bucket(new LocalCalendar('America/New_York', 'day'), '2026-03-08T12:00:00.000Z')).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z', // 23 hours
    ]);
    expect(bucket(new LocalCalendar('America/New_York', 'day'), '2025-11-02T12:00:00.000Z')).toEqual([
      '2025-11-02T04:00:00.000Z',
      '2025-11-03T05:00:00.000Z', // 25 hours
    ]);
    expect(bucket(new LocalCalendar('America/New_York', 'week'), '2026-03-11T12:00:00.000Z')).toEqual([
      '2026-03-09T04:00:00.000Z',
      '2026-03-16T04:00:00.000Z',
    ]);
    expect(bucket(new LocalCalendar('Australia/Lord_Howe', 'month'), '2026-04-15T00:00:00.000Z')).toEqual([
      '2026-03-31T13:00:00.000Z', // +11 (DST)
      '2026-04-30T13:30:00.000Z', // +10:30
    ]);
    expect(bucket(new LocalCalendar('Asia/Kathmandu', 'day'), '2026-02-28T18:15:00.000Z')).toEqual([
      '2026-02-28T18:15:00.000Z',
      '2026-03-01T18:15:00.000Z',
    ]);
    expect(bucket(new LocalCalendar('UTC', 'month'), '2026-12-31T23:59:59.999Z')).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });

  it('starts a day whose midnight does not exist when the day begins', () => {
    // Santiago, 7 September 2025: 00:00 −04 → 01:00 −03.
    expect(bucket(new LocalCalendar('America/Santiago', 'day'), '2025-09-07T12:00:00.000Z')).toEqual([
      '2025-09-07T04:00:00.000Z',
      '2025-09-08T03:00:00.000Z',
    ]);
    // Beirut (DST from 00:00 on the last Sunday of March): 29 March 2026 begins at 22:00 UTC the day before.
    expect(bucket(new LocalCalendar('Asia/Beirut', 'day'), '2026-03-29T12:00:00.000Z')).toEqual([
      '2026-03-28T22:00:00.000Z',
      '2026-03-29T21:00:00.000Z',
    ]);
  });

  it('handles an offset that is no whole quarter hour (Monrovia −0:44:30 until 1972)', () => {
    expect(bucket(new LocalCalendar('Africa/Monrovia', 'day'), '1970-06-01T12:00:00.000Z')).toEqual([
      '1970-06-01T00:44:30.000Z',
      '1970-06-02T00:44:30.000Z',
    ]);
  });

  it('reads the wall clock to the millisecond, before 1970 and before year 1 too', () => {
    const moscow = new LocalCalendar('Europe/Moscow', 'day');
    expect(moscow.wallClock(Date.parse('2026-03-10T22:30:00.123Z'))).toBe(
      Date.UTC(2026, 2, 11, 1, 30, 0, 123),
    );
    const utc = new LocalCalendar('UTC', 'day');
    for (const at of ['1969-12-31T23:59:59.999Z', '1900-02-28T12:34:56.789Z', '-000100-06-01T00:00:00.001Z'])
      expect(iso(utc.wallClock(Date.parse(at)))).toBe(at);
  });

  it('starts the week on Monday even for a Sunday, and a day bucket at its very first instant', () => {
    // Sunday 15 March 2026, late evening in New York, belongs to the week of Monday 9 March.
    expect(bucket(new LocalCalendar('America/New_York', 'week'), '2026-03-16T03:59:59.999Z')).toEqual([
      '2026-03-09T04:00:00.000Z',
      '2026-03-16T04:00:00.000Z',
    ]);
    // Monday itself, at midnight, starts the week it opens.
    expect(bucket(new LocalCalendar('UTC', 'week'), '2026-03-09T00:00:00.000Z')).toEqual([
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
    expect(bucket(new LocalCalendar('UTC', 'day'), '2026-03-09T00:00:00.000Z')).toEqual([
      '2026-03-09T00:00:00.000Z',
      '2026-03-10T00:00:00.000Z',
    ]);
    // Far east and far west of UTC.
    expect(bucket(new LocalCalendar('Pacific/Kiritimati', 'day'), '2026-03-09T12:00:00.000Z')).toEqual([
      '2026-03-09T10:00:00.000Z',
      '2026-03-10T10:00:00.000Z',
    ]);
    expect(bucket(new LocalCalendar('Etc/GMT+12', 'day'), '2026-03-09T12:00:00.000Z')).toEqual([
      '2026-03-09T12:00:00.000Z',
      '2026-03-10T12:00:00.000Z',
    ]);
  });

  it('answers the same bucket the second time (from its cache) as the first', () => {
    const calendar = new LocalCalendar('America/Santiago', 'day');
    const first = bucket(calendar, '2025-09-07T12:00:00.000Z');
    expect(bucket(calendar, '2025-09-07T13:00:00.000Z')).toEqual(first);
    expect(bucket(new LocalCalendar('America/Santiago', 'day'), '2025-09-07T14:00:00.000Z')).toEqual(first);
  });

  it('names the zone as the time zone data does', () => {
    expect(new LocalCalendar('europe/moscow', 'day').timeZone).toBe('Europe/Moscow');
    expect(new LocalCalendar('UTC', 'day').timeZone).toBe('UTC');
  });
});
