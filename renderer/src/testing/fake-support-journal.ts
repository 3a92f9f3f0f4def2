// The support-journal side of the fake bridge: a journal kept in memory that answers like core
// (newest first, status moves sent → answered → done or cancelled, refusals, reminders as set by
// the test), and announces each change.
import {
  NEXT_SUPPORT_STATUSES,
  type SupportJournalEntry,
  type SupportJournalView,
} from '../../../shared/bridge/support-journal.ts';
import { type BridgeApi, BridgeError, type EventPayload } from '../../../shared/bridge.ts';

type JournalApi = Pick<
  BridgeApi,
  | 'getSupportJournal'
  | 'recordSupportRequest'
  | 'setSupportRequestStatus'
  | 'setSupportReminder'
  | 'exportSupportJournalCsv'
>;

export class FakeSupportJournal {
  /** Oldest first, as core keeps them. */
  entries: SupportJournalEntry[] = [];
  reminderDays: number | null = null;
  /** What core's reminder decision answers (set by a test). */
  reminders: SupportJournalView['reminders'] = [];
  now = '2026-12-01T10:00:00.000Z';
  readonly calls: string[] = [];
  private serial = 0;
  private readonly listeners = new Set<(view: SupportJournalView) => void>();

  view(): SupportJournalView {
    return {
      entries: [...this.entries].reverse(),
      reminderDays: this.reminderDays,
      reminders: this.reminders,
    };
  }

  private changed(): SupportJournalView {
    const view = this.view();
    for (const listener of this.listeners) listener(view);
    return view;
  }

  on(listener: (payload: EventPayload<'supportJournalChanged'>) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  readonly methods: JournalApi = {
    getSupportJournal: async () => {
      this.calls.push('getSupportJournal');
      return this.view();
    },
    recordSupportRequest: async (input) => {
      this.calls.push('recordSupportRequest');
      this.entries.push({
        id: `sr-${++this.serial}`,
        sentAt: this.now,
        kind: input.kind,
        amount: input.amount,
        channel: input.channel,
        method: input.kind === 'payout' ? input.method : null,
        productId: input.kind === 'license' ? input.productId : null,
        term: input.kind === 'license' ? input.term : null,
        status: 'sent',
        statusAt: this.now,
      });
      return this.changed();
    },
    setSupportRequestStatus: async ({ id, status }) => {
      this.calls.push(`setSupportRequestStatus:${id}:${status}`);
      const entry = this.entries.find((e) => e.id === id);
      if (!entry || !NEXT_SUPPORT_STATUSES[entry.status].includes(status)) {
        throw new BridgeError({
          code: 'invalid-input',
          message: 'Not a move this request can make.',
          retryable: false,
        });
      }
      entry.status = status;
      entry.statusAt = this.now;
      this.reminders = this.reminders.filter((r) => r.id !== id || status === 'sent');
      return this.changed();
    },
    setSupportReminder: async ({ days }) => {
      this.calls.push(`setSupportReminder:${days}`);
      this.reminderDays = days;
      return this.changed();
    },
    exportSupportJournalCsv: async () => {
      this.calls.push('exportSupportJournalCsv');
      return {
        name: 'quantower-support-requests_2026-12-01.csv',
        text: '\uFEFFsent_at\r\n',
        rows: this.entries.length,
      };
    },
  };
}
