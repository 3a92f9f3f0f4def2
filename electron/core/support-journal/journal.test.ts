import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SupportJournalEntry, SupportJournalView } from '../../../shared/bridge/support-journal.ts';
import { BridgeError } from '../../../shared/bridge.ts';
import { createEventHub } from '../event-hub.ts';
import { createMemorySupportJournal, createSupportJournal, openSupportJournalFile } from './journal.ts';
import { JOURNAL_CSV_COLUMNS } from './journal-csv.ts';
import { dueReminders } from './reminders.ts';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let clock: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'companion-support-journal-'));
  clock = Date.parse('2026-12-01T10:00:00.000Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function journal(storage = openSupportJournalFile({ cwd: dir, log: () => {} })) {
  const events = createEventHub();
  const announced: SupportJournalView[] = [];
  events.subscribe((message) => {
    if (message.event === 'supportJournalChanged') announced.push(message.payload as SupportJournalView);
  });
  let serial = 0;
  const created = createSupportJournal({
    storage,
    events,
    now: () => new Date(clock),
    newId: () => `sr-${++serial}`,
  });
  return { ...created, announced };
}

const payout = {
  kind: 'payout',
  amount: { kind: 'cents', cents: 6_050 },
  channel: 'email',
  method: 'paypal',
} as const;
const license = {
  kind: 'license',
  amount: { kind: 'whole-balance' },
  channel: 'telegram',
  productId: 'all-in-one',
  term: '1y',
} as const;

describe('the support journal', () => {
  it('records requests as sent, newest first, and announces each change', async () => {
    const j = journal();
    await j.handlers.recordSupportRequest(payout);
    clock += 60_000;
    const view = await j.handlers.recordSupportRequest(license);
    expect(view.entries.map((e) => e.id)).toEqual(['sr-2', 'sr-1']);
    expect(view.entries[1]).toEqual({
      id: 'sr-1',
      sentAt: '2026-12-01T10:00:00.000Z',
      kind: 'payout',
      amount: { kind: 'cents', cents: 6_050 },
      channel: 'email',
      method: 'paypal',
      productId: null,
      term: null,
      status: 'sent',
      statusAt: '2026-12-01T10:00:00.000Z',
    });
    expect(view.entries[0]).toMatchObject({ productId: 'all-in-one', term: '1y', method: null });
    expect(j.announced).toHaveLength(2);
  });

  it('moves a request sent → answered → done, or to cancelled, and refuses anything else', async () => {
    const j = journal();
    await j.handlers.recordSupportRequest(payout);
    await j.handlers.recordSupportRequest(license);
    await expect(j.handlers.setSupportRequestStatus({ id: 'sr-1', status: 'done' })).rejects.toThrow(
      /sent cannot become done/,
    );
    clock += DAY;
    await j.handlers.setSupportRequestStatus({ id: 'sr-1', status: 'answered' });
    const done = await j.handlers.setSupportRequestStatus({ id: 'sr-1', status: 'done' });
    expect(done.entries.find((e) => e.id === 'sr-1')).toMatchObject({
      status: 'done',
      statusAt: '2026-12-02T10:00:00.000Z',
    });
    await expect(j.handlers.setSupportRequestStatus({ id: 'sr-1', status: 'cancelled' })).rejects.toThrow(
      /done cannot become cancelled/,
    );
    const cancelled = await j.handlers.setSupportRequestStatus({ id: 'sr-2', status: 'cancelled' });
    expect(cancelled.entries.find((e) => e.id === 'sr-2')?.status).toBe('cancelled');
    await expect(
      j.handlers.setSupportRequestStatus({ id: 'sr-2', status: 'answered' }),
    ).rejects.toBeInstanceOf(BridgeError);
    await expect(j.handlers.setSupportRequestStatus({ id: 'nope', status: 'answered' })).rejects.toThrow(
      /no request nope/,
    );
  });

  it('keeps the journal and the reminder setting across a restart (the file)', async () => {
    const first = journal();
    await first.handlers.recordSupportRequest(payout);
    await first.handlers.setSupportRequestStatus({ id: 'sr-1', status: 'answered' });
    await first.handlers.setSupportReminder({ days: 3 });
    const second = journal();
    const view = await second.handlers.getSupportJournal({});
    expect(view.reminderDays).toBe(3);
    expect(view.entries).toMatchObject([{ id: 'sr-1', status: 'answered', amount: { cents: 6_050 } }]);
  });

  it('sets a damaged file aside and starts empty', async () => {
    writeFileSync(
      join(dir, 'support-journal.json'),
      JSON.stringify({
        entries: [{ id: 'x', kind: 'payout', amount: { kind: 'cents', cents: -5 } }],
        reminderDays: null,
      }),
    );
    const j = journal();
    expect((await j.handlers.getSupportJournal({})).entries).toEqual([]);
    expect(
      readdirSync(dir).some((name) => name.startsWith('support-journal.json.') && name.endsWith('.invalid')),
    ).toBe(true);
    // The store refuses to write an off-schema value too (amounts are positive integer cents).
    const memory = createMemorySupportJournal();
    expect(() =>
      memory.write({
        entries: [{ amount: { kind: 'cents', cents: 1.5 } } as unknown as SupportJournalEntry],
        reminderDays: null,
      }),
    ).toThrow();
  });

  it('exports CSV that reads back to the same requests, oldest first, exact cents', async () => {
    const j = journal();
    await j.handlers.recordSupportRequest({ ...payout, amount: { kind: 'cents', cents: 123_405 } });
    clock += DAY;
    await j.handlers.recordSupportRequest(license);
    await j.handlers.setSupportRequestStatus({ id: 'sr-2', status: 'cancelled' });
    const csv = await j.handlers.exportSupportJournalCsv({});
    expect(csv.name).toBe('quantower-support-requests_2026-12-02.csv');
    expect(csv.rows).toBe(2);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.text.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...JOURNAL_CSV_COLUMNS]);
    expect(rows).toEqual([
      {
        sent_at: '2026-12-01T10:00:00.000Z',
        kind: 'payout',
        amount: '1234.05',
        currency: 'USD',
        whole_balance: 'no',
        channel: 'email',
        method: 'paypal',
        product: '',
        term: '',
        status: 'sent',
        status_at: '2026-12-01T10:00:00.000Z',
        id: 'sr-1',
      },
      {
        sent_at: '2026-12-02T10:00:00.000Z',
        kind: 'license',
        amount: '',
        currency: 'USD',
        whole_balance: 'yes',
        channel: 'telegram',
        method: '',
        product: 'all-in-one',
        term: '1y',
        status: 'cancelled',
        status_at: '2026-12-02T10:00:00.000Z',
        id: 'sr-2',
      },
    ]);
  });
});

describe('reminders', () => {
  const entry = (id: string, statusAt: string, status: SupportJournalEntry['status'] = 'sent') =>
    ({
      id,
      sentAt: statusAt,
      kind: 'payout',
      amount: { kind: 'whole-balance' },
      channel: 'email',
      method: 'paypal',
      productId: null,
      term: null,
      status,
      statusAt,
    }) satisfies SupportJournalEntry;

  it('fall due for a request still sent after N whole days, not a minute earlier, and never when off', () => {
    const sent = entry('a', '2026-12-01T10:00:00.000Z');
    const at = (iso: string) => new Date(iso);
    expect(dueReminders([sent], 3, at('2026-12-04T09:59:00.000Z'))).toEqual([]);
    expect(dueReminders([sent], 3, at('2026-12-04T10:00:00.000Z'))).toEqual([{ id: 'a', days: 3 }]);
    expect(dueReminders([sent], 3, at('2026-12-09T11:00:00.000Z'))).toEqual([{ id: 'a', days: 8 }]);
    expect(dueReminders([sent], null, at('2027-01-01T00:00:00.000Z'))).toEqual([]);
  });

  it('never fall due for a request answered, done or cancelled; longest wait first', () => {
    const now = new Date('2026-12-20T00:00:00.000Z');
    const entries = [
      entry('answered', '2026-12-01T00:00:00.000Z', 'answered'),
      entry('done', '2026-12-01T00:00:00.000Z', 'done'),
      entry('cancelled', '2026-12-01T00:00:00.000Z', 'cancelled'),
      entry('newer', '2026-12-15T00:00:00.000Z'),
      entry('older', '2026-12-05T00:00:00.000Z'),
    ];
    expect(dueReminders(entries, 2, now)).toEqual([
      { id: 'older', days: 15 },
      { id: 'newer', days: 5 },
    ]);
  });

  it('are announced by the hourly check only when the set of due requests changes', async () => {
    const j = journal();
    await j.handlers.recordSupportRequest(payout);
    await j.handlers.setSupportReminder({ days: 2 });
    const before = j.announced.length;
    clock += DAY;
    j.checkReminders();
    expect(j.announced).toHaveLength(before);
    clock += DAY;
    j.checkReminders();
    expect(j.announced).toHaveLength(before + 1);
    expect(j.announced.at(-1)?.reminders).toEqual([{ id: 'sr-1', days: 2 }]);
    clock += DAY;
    j.checkReminders();
    expect(j.announced).toHaveLength(before + 1);
    // Answered: the reminder goes, with the change.
    const answered = await j.handlers.setSupportRequestStatus({ id: 'sr-1', status: 'answered' });
    expect(answered.reminders).toEqual([]);
    expect(readFileSync(join(dir, 'support-journal.json'), 'utf8')).toContain('"answered"');
  });
});
