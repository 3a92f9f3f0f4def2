import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/bridge/live.ts';
import { NotificationSettings } from '../../../shared/live-settings.ts';
import { createEventHub } from '../event-hub.ts';
import { createSupportJournal, openSupportJournalFile } from '../support-journal/journal.ts';
import { createNotificationService } from './notification-service.ts';
import { openNotificationStateFile } from './state.ts';
import type { CoreLanguage } from './text.ts';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let clock: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'support-reminder-'));
  clock = Date.parse('2026-12-01T10:00:00.000Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One run of the app: the journal and the notifier on the same files and event hub. */
function run(options: { language?: CoreLanguage; settings?: NotificationSettings } = {}) {
  const events = createEventHub();
  const delivered: Notice[] = [];
  const notifier = createNotificationService({
    store: openNotificationStateFile({ cwd: dir }),
    settings: () => options.settings ?? NotificationSettings.parse({}),
    language: () => options.language ?? 'en',
    events,
    sink: { deliver: (notice) => delivered.push(notice) },
    burstMs: 10_000, // flushed by hand
    now: () => clock,
    localMinutes: () => 12 * 60,
  });
  let serial = 0;
  const journal = createSupportJournal({
    storage: openSupportJournalFile({ cwd: dir, log: () => {} }),
    events,
    now: () => new Date(clock),
    newId: () => `sr-${Date.now()}-${++serial}`,
  });
  return { notifier, journal, delivered };
}

describe('support reminders as notifications', () => {
  it('tells a request unanswered for the chosen days once, also after a restart', async () => {
    const first = run();
    await first.journal.handlers.setSupportReminder({ days: 3 });
    await first.journal.handlers.recordSupportRequest({
      kind: 'payout',
      amount: { kind: 'cents', cents: 6_050 },
      channel: 'email',
      method: 'paypal',
    });
    clock += 2 * DAY;
    first.journal.checkReminders();
    await first.notifier.flush();
    expect(first.delivered).toEqual([]);

    clock += DAY;
    first.journal.checkReminders();
    await first.notifier.flush();
    expect(first.delivered).toMatchObject([
      {
        kind: 'payout',
        title: 'Support has not answered your payout request',
        body: 'Sent 3 days ago ($60.50). Open to write again or mark it answered.',
        target: { section: 'payouts' },
      },
    ]);
    // The journal announced again (another change): still told once.
    await first.journal.handlers.setSupportReminder({ days: 2 });
    await first.notifier.flush();
    expect(first.delivered).toHaveLength(1);
    await first.notifier.close();

    const second = run();
    clock += DAY;
    await second.journal.handlers.getSupportJournal({});
    await second.journal.handlers.setSupportReminder({ days: 3 });
    await second.notifier.flush();
    expect(second.delivered).toEqual([]);
  });

  it('words it in Russian with the right plural, and the license kind follows its toggle', async () => {
    const { journal, notifier, delivered } = run({ language: 'ru' });
    await journal.handlers.recordSupportRequest({
      kind: 'license',
      amount: { kind: 'whole-balance' },
      channel: 'chat',
      productId: 'crypto',
      term: '1y',
    });
    clock += 5 * DAY;
    await journal.handlers.setSupportReminder({ days: 5 });
    await notifier.flush();
    expect(delivered).toMatchObject([
      {
        kind: 'license',
        title: 'Поддержка не ответила на запрос лицензии',
        body: 'Отправлен 5 дней назад (Весь баланс). Откройте, чтобы написать ещё раз или отметить ответ.',
        target: { section: 'licenses' },
      },
    ]);
  });

  it('stays quiet when license notices are switched off', async () => {
    const settings = NotificationSettings.parse({});
    const { journal, notifier, delivered } = run({
      settings: { ...settings, kinds: { ...settings.kinds, license: false } },
    });
    await journal.handlers.recordSupportRequest({
      kind: 'license',
      amount: { kind: 'whole-balance' },
      channel: 'chat',
      productId: 'crypto',
      term: '1y',
    });
    clock += 9 * DAY;
    await journal.handlers.setSupportReminder({ days: 2 });
    await notifier.flush();
    expect(delivered).toEqual([]);
  });
});
