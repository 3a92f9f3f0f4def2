// The journal of requests sent to Quantower Support (issue 13): what the partner asked, when, by
// which channel, and where it stands as they set it (sent → answered → done, or cancelled). Kept in
// support-journal.json beside the settings, validated on load (a damaged file is set aside), and
// with it the optional reminder for requests support has not answered.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  NEXT_SUPPORT_STATUSES,
  SupportJournalEntry,
  type SupportJournalView,
  SupportReminderDays,
  type SupportRequestRecord,
  type SupportRequestStatus,
} from '../../../shared/bridge/support-journal.ts';
import { BridgeError, type CoreHandlers } from '../../../shared/bridge.ts';
import type { EventHub } from '../event-hub.ts';
import { createMemoryValidated, openValidatedFile, type ValidatedFile } from '../validated-json-file.ts';
import { journalCsv } from './journal-csv.ts';
import { dueReminders } from './reminders.ts';

export const SupportJournalState = z
  .object({
    /** Oldest first, as sent. */
    entries: z.array(SupportJournalEntry),
    /** Remind when a request has had no answer for this many days; null: never. */
    reminderDays: SupportReminderDays.nullable(),
  })
  .strict()
  .refine((state) => new Set(state.entries.map((e) => e.id)).size === state.entries.length, 'Duplicate ids.');
export type SupportJournalState = z.infer<typeof SupportJournalState>;

export const EMPTY_SUPPORT_JOURNAL: SupportJournalState = Object.freeze({ entries: [], reminderDays: null });
export const SUPPORT_JOURNAL_FILE_NAME = 'support-journal';

/** The port: core reads and writes whole, validated values. */
export interface SupportJournalStorage {
  read(): SupportJournalState;
  write(value: SupportJournalState): void;
}

export function openSupportJournalFile(options: {
  cwd: string;
  now?: () => Date;
  log?: (message: string) => void;
}): ValidatedFile<SupportJournalState> {
  return openValidatedFile({
    ...options,
    name: SUPPORT_JOURNAL_FILE_NAME,
    schema: SupportJournalState,
    defaults: EMPTY_SUPPORT_JOURNAL,
    label: 'Support journal',
  });
}

export function createMemorySupportJournal(): SupportJournalStorage {
  return createMemoryValidated(SupportJournalState, EMPTY_SUPPORT_JOURNAL);
}

type JournalMethod =
  | 'getSupportJournal'
  | 'recordSupportRequest'
  | 'setSupportRequestStatus'
  | 'setSupportReminder'
  | 'exportSupportJournalCsv';

export interface SupportJournal {
  readonly handlers: Pick<CoreHandlers, JournalMethod>;
  view(): SupportJournalView;
  /** Announces the view when the set of due reminders changed since the last look (run hourly). */
  checkReminders(): void;
}

export function createSupportJournal(options: {
  storage: SupportJournalStorage;
  events: EventHub;
  now?: () => Date;
  newId?: () => string;
}): SupportJournal {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => `sr-${randomUUID()}`);
  const { storage, events } = options;

  const view = (): SupportJournalView => {
    const state = storage.read();
    return {
      entries: [...state.entries].reverse(),
      reminderDays: state.reminderDays,
      reminders: dueReminders(state.entries, state.reminderDays, now()),
    };
  };
  const dueKey = (v: SupportJournalView) => v.reminders.map((r) => r.id).join(',');
  let lastDue = dueKey(view());

  const change = (next: SupportJournalState): SupportJournalView => {
    storage.write(next);
    const current = view();
    lastDue = dueKey(current);
    events.emit('supportJournalChanged', current);
    return current;
  };

  const record = (input: SupportRequestRecord): SupportJournalView => {
    const at = now().toISOString();
    const entry: SupportJournalEntry = {
      id: newId(),
      sentAt: at,
      kind: input.kind,
      amount: input.amount,
      channel: input.channel,
      method: input.kind === 'payout' ? input.method : null,
      productId: input.kind === 'license' ? input.productId : null,
      term: input.kind === 'license' ? input.term : null,
      status: 'sent',
      statusAt: at,
    };
    const state = storage.read();
    return change({ ...state, entries: [...state.entries, entry] });
  };

  const setStatus = (id: string, status: SupportRequestStatus): SupportJournalView => {
    const state = storage.read();
    const entry = state.entries.find((e) => e.id === id);
    if (!entry) throw refused(`There is no request ${id} in the journal.`);
    if (entry.status === status) return view();
    if (!NEXT_SUPPORT_STATUSES[entry.status].includes(status)) {
      throw refused(`A request that is ${entry.status} cannot become ${status}.`);
    }
    const updated = { ...entry, status, statusAt: now().toISOString() };
    return change({ ...state, entries: state.entries.map((e) => (e.id === id ? updated : e)) });
  };

  return {
    view,
    checkReminders() {
      const current = view();
      const key = dueKey(current);
      if (key === lastDue) return;
      lastDue = key;
      events.emit('supportJournalChanged', current);
    },
    handlers: {
      getSupportJournal: async () => view(),
      recordSupportRequest: async (input) => record(input),
      setSupportRequestStatus: async ({ id, status }) => setStatus(id, status),
      setSupportReminder: async ({ days }) => change({ ...storage.read(), reminderDays: days }),
      exportSupportJournalCsv: async () => {
        const { entries } = storage.read();
        return {
          name: `quantower-support-requests_${now().toISOString().slice(0, 10)}.csv`,
          text: journalCsv(entries),
          rows: entries.length,
        };
      },
    },
  };
}

function refused(message: string): BridgeError {
  return new BridgeError({ code: 'invalid-input', message, retryable: false });
}
