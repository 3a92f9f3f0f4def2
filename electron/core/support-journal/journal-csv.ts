// The journal as CSV (oldest first): amounts as exact decimals from the cents kept, an empty amount
// and whole_balance=yes for "whole balance". csv-stringify quotes, as for the earnings history CSV.
import { stringify } from 'csv-stringify/sync';
import type { SupportJournalEntry } from '../../../shared/bridge/support-journal.ts';
import { centsToDecimalString } from '../../../shared/money.ts';

export const JOURNAL_CSV_COLUMNS = [
  'sent_at',
  'kind',
  'amount',
  'currency',
  'whole_balance',
  'channel',
  'method',
  'product',
  'term',
  'status',
  'status_at',
  'id',
] as const;

export function journalCsvRow(entry: SupportJournalEntry): string[] {
  const whole = entry.amount.kind === 'whole-balance';
  return [
    entry.sentAt,
    entry.kind,
    entry.amount.kind === 'cents' ? centsToDecimalString(entry.amount.cents) : '',
    'USD',
    whole ? 'yes' : 'no',
    entry.channel,
    entry.method ?? '',
    entry.productId ?? '',
    entry.term ?? '',
    entry.status,
    entry.statusAt,
    entry.id,
  ];
}

/** With a BOM, so spreadsheets read it as UTF-8; CRLF rows, as the history CSV. */
export function journalCsv(entries: readonly SupportJournalEntry[]): string {
  return `\uFEFF${stringify([[...JOURNAL_CSV_COLUMNS], ...entries.map(journalCsvRow)], { record_delimiter: 'windows' })}`;
}
