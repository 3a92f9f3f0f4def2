// When to remind the partner that support has not answered a request (issue 13): a request still
// `sent` (nobody marked it answered, done or cancelled) whose status is `days` or more whole days
// old. Pure, with the clock passed in, so the rule is tested at its edges.
import type { SupportJournalEntry, SupportReminder } from '../../../shared/bridge/support-journal.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function dueReminders(
  entries: readonly SupportJournalEntry[],
  days: number | null,
  now: Date,
): SupportReminder[] {
  if (days === null) return [];
  const reminders: SupportReminder[] = [];
  for (const entry of entries) {
    if (entry.status !== 'sent') continue;
    const waited = Math.floor((now.getTime() - Date.parse(entry.statusAt)) / DAY_MS);
    if (waited >= days) reminders.push({ id: entry.id, days: waited });
  }
  // Longest wait first.
  return reminders.sort((a, b) => b.days - a.days);
}
