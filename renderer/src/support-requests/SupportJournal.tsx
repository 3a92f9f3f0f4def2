// The journal of requests sent to support (kept by core in support-journal.json): each request
// with its date, kind, amount and channel, the status the user sets as support answers (sent →
// answered → done, or cancelled), the optional "no answer for N days" reminder, and a CSV export.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportJournalEntry, SupportJournalView } from '../../../shared/bridge/support-journal.ts';
import type { BridgeFailure } from '../../../shared/bridge.ts';
import { isLicenseProductId } from '../../../shared/license-catalog.ts';
import { NEXT_SUPPORT_STATUSES } from '../../../shared/support-status.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormSelect } from '../components/FormSelect.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { FailureNote, useMoney } from '../payouts/PayoutsSection.tsx';
import { useBridge } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';
import { supportJournalStore } from './stores.ts';

const REMINDER_CHOICES = [0, 2, 3, 5, 7, 14] as const;

export function SupportJournal() {
  const store = supportJournalStore.useStore();
  useEffect(() => store.getState().start(), [store]);
  const view = supportJournalStore.use((s) => s.view);
  const error = supportJournalStore.use((s) => s.error);
  const load = supportJournalStore.use((s) => s.load);
  const show = supportJournalStore.use((s) => s.show);
  const { t } = useTranslation('supportRequests');
  const bridge = useBridge();
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const act = async (action: () => Promise<SupportJournalView | undefined>) => {
    setFailure(null);
    try {
      const next = await action();
      if (next) show(next);
    } catch (caught) {
      setFailure(toBridgeFailure(caught));
    }
  };

  if (!view) return error ? <ErrorState error={error} onRetry={() => void load()} /> : <LoadingState />;
  const reminderDays = view.reminderDays ?? 0;
  const reminderOptions = REMINDER_CHOICES.includes(reminderDays as (typeof REMINDER_CHOICES)[number])
    ? REMINDER_CHOICES
    : [...REMINDER_CHOICES, reminderDays].sort((a, b) => a - b);
  return (
    <section
      className="card support-journal"
      aria-labelledby="support-journal-heading"
      data-testid="support-journal"
    >
      <h2 id="support-journal-heading">{t('journalHeading')}</h2>
      {view.entries.length === 0 ? (
        <p className="muted">{t('journalEmpty')}</p>
      ) : (
        <ul className="request-list">
          {view.entries.map((entry) => (
            <JournalRow
              key={entry.id}
              entry={entry}
              waitingDays={view.reminders.find((r) => r.id === entry.id)?.days ?? null}
              onStatus={(status) => void act(() => bridge.setSupportRequestStatus({ id: entry.id, status }))}
            />
          ))}
        </ul>
      )}
      <FormSelect<number>
        label={t('reminderLabel')}
        testId="support-reminder-days"
        value={reminderDays}
        options={reminderOptions.map((days) => ({
          value: days,
          label: days === 0 ? t('reminderOff') : t('reminderDays', { count: days }),
        }))}
        onChange={(days) => void act(() => bridge.setSupportReminder({ days: days === 0 ? null : days }))}
      />
      {failure && <FailureNote failure={failure} />}
      {exported && (
        <p role="status" className="muted" data-testid="support-exported">
          {t('exported', { name: exported })}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="support-export"
          disabled={view.entries.length === 0}
          onClick={() =>
            void act(async () => {
              setExported(null);
              const csv = await bridge.exportSupportJournalCsv({});
              const { saved } = await bridge.saveFile({ name: csv.name, mime: 'text/csv', text: csv.text });
              if (saved) setExported(csv.name);
              return undefined;
            })
          }
        >
          {t('exportCsv')}
        </button>
      </div>
    </section>
  );
}

function JournalRow({
  entry,
  waitingDays,
  onStatus,
}: {
  entry: SupportJournalEntry;
  waitingDays: number | null;
  onStatus: (status: SupportJournalEntry['status']) => void;
}) {
  const { t } = useTranslation('supportRequests');
  const licenseWords = useTranslation('licenses').t;
  const money = useMoney();
  const locale = useIntlLocale();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(entry.sentAt));
  const amount = entry.amount.kind === 'cents' ? money(entry.amount.cents) : t('wholeBalance');
  const detail =
    entry.kind === 'payout'
      ? entry.method && t(`methods.${entry.method}`)
      : [
          entry.productId &&
            (isLicenseProductId(entry.productId) ? t(`products.${entry.productId}`) : entry.productId),
          entry.term && licenseWords(`terms.${entry.term}`),
        ]
          .filter(Boolean)
          .join(', ');
  const next = NEXT_SUPPORT_STATUSES[entry.status];
  return (
    <li className="request" data-testid="support-journal-entry" data-status={entry.status}>
      <div className="request-main">
        <span>
          {date} · {t(`kinds.${entry.kind}`)} · <strong data-testid="support-journal-amount">{amount}</strong>
        </span>
        <span className={`status status-${entry.status}`} data-testid="support-journal-status">
          {t(`status.${entry.status}`)}
        </span>
      </div>
      <p className="muted support-journal-detail">
        {t(`channels.${entry.channel}`)}
        {detail ? ` · ${detail}` : ''}
      </p>
      {waitingDays !== null && (
        <p role="note" className="warning" data-testid="support-reminder">
          {t('reminderDue', { count: waitingDays })}
        </p>
      )}
      {next.length > 0 && (
        <fieldset className="button-row support-status-actions" aria-label={t('statusLabel', { date })}>
          {next.map((status) => (
            <button
              key={status}
              type="button"
              className="button button-small"
              data-testid={`support-status-${status}`}
              onClick={() => onStatus(status)}
            >
              {t(`statusActions.${status as Exclude<typeof status, 'sent'>}`)}
            </button>
          ))}
        </fieldset>
      )}
    </li>
  );
}
