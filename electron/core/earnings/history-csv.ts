// The history of a date range as CSV, for accountants: one row per entry, oldest first, amounts
// as exact decimals from the same cents the screen shows. csv-stringify does the quoting (names
// with commas, quotes, line breaks) so no cell can break a row.
import { stringify } from 'csv-stringify/sync';
import type { HistoryEntry } from '../../../shared/accounts-api.ts';
import { centsToDecimalString } from '../../../shared/money.ts';
import type { EarningsApi } from './earnings-api.ts';

export const CSV_COLUMNS = [
  'date',
  'type',
  'amount',
  'currency',
  'product',
  'sku',
  'purchase_id',
  'paid_amount',
  'refund_amount',
  'rate_percent',
  'terms_version',
  'referral_id',
  'referral_name',
  'payout_id',
  'credit_id',
  'entry_id',
] as const;

const decimal = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? '' : centsToDecimalString(cents);
/** Basis points as an exact percentage: 1500 → "15.00". */
export const ratePercent = (bp: number | null) => (bp === null ? '' : centsToDecimalString(bp));

export function csvRow(entry: HistoryEntry): string[] {
  return [
    entry.occurredAt,
    entry.type,
    decimal(entry.amountCents),
    'USD',
    entry.productName ?? '',
    entry.purchase?.sku ?? '',
    entry.purchase?.id ?? '',
    decimal(entry.purchase?.paidCents),
    decimal(entry.refundCents),
    ratePercent(entry.rateBp),
    entry.termsVersion === null ? '' : String(entry.termsVersion),
    entry.referralId ?? '',
    entry.referralName ?? '',
    entry.payoutId ?? '',
    entry.creditId ?? '',
    entry.id,
  ];
}

export interface CsvRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Pages through the range (500 a page) and renders it; the BOM lets spreadsheets read UTF-8 (Cyrillic names). */
export async function historyCsv(
  api: EarningsApi,
  range: CsvRange,
): Promise<{ name: string; text: string; rows: number }> {
  const rows: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await api.history({
      limit: 500,
      sort: 'date-asc',
      ...(range.from ? { from: range.from } : {}),
      ...(range.to ? { to: range.to } : {}),
      ...(cursor ? { cursor } : {}),
    });
    for (const entry of page.items) rows.push(csvRow(entry));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const text = `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' })}`;
  return { name: csvFileName(range), text, rows: rows.length };
}

export function csvFileName(range: CsvRange): string {
  const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : undefined);
  const from = day(range.from) ?? 'start';
  const to = day(range.to) ?? 'now';
  return `quantower-referral-history_${from}_${to}.csv`;
}
