// Locale formatting for the earnings screens. Money always goes through formatCents (exact cents,
// no float); rates are basis points shown as exact percentages.

import { formatCents } from '../../../shared/money-format.ts';
import { isKnownTimeZone } from '../../../shared/time-zone.ts';

export const money = (cents: number, locale: string) => formatCents(cents, locale);

// Formatters are built once per locale and options: constructing Intl objects is what costs, and a
// scrolling list formats every row it shows.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

/** 1500 bp → "15%", 1250 → "12.5%" (ru: "15 %", "12,5 %"); exact, from the integer. */
export function percent(bp: number, locale: string): string {
  const text = `${Math.trunc(bp / 10_000)}.${String(bp % 10_000).padStart(4, '0')}`;
  return cached(
    `percent|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
  ).format(text as unknown as number);
}

export const date = (iso: string, locale: string) =>
  cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(
    new Date(iso),
  );

export const dateTime = (iso: string, locale: string) =>
  cached(
    `dateTime|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));

/** "5 minutes ago", "2 hours ago", "yesterday": for the "updated" line. */
export function ago(iso: string, now: number, locale: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(Math.min(0, seconds), 'second');
  if (abs < 3_600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3_600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/**
 * A chart bucket's label in the time zone the buckets follow (the series' `timeZone`): "Nov 20"
 * (day, week) or "Nov 2026" (month). `iso` is the instant the local bucket starts.
 */
export function bucketLabel(
  iso: string,
  bucket: 'day' | 'week' | 'month',
  locale: string,
  timeZone: string,
): string {
  return cached(`bucket|${bucket}|${locale}|${timeZone}`, () =>
    bucket === 'month'
      ? new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone })
      : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }),
  ).format(new Date(iso));
}

/** The user's time zone (IANA), as this page's Intl knows it; UTC when it names none the contract accepts. */
export function userTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}
