// The History section: every ledger entry (earned, reversed, cancelled, paid out, credited) with
// its purchase, product, paid amount, rate and terms version. Filtering, search and sorting run
// on the accounts server; the list is virtualized (@tanstack/react-virtual: only the rows in view
// exist in the DOM) and fetches the next page as the end comes into view, so 100,000 entries
// scroll as smoothly as 100.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HistoryEntryType, HistorySort } from '../../../shared/accounts-api.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormInput } from '../components/FormInput.tsx';
import { FormSelect } from '../components/FormSelect.tsx';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { CsvExport } from './CsvExport.tsx';
import { useEarningsStarted } from './EarningsSection.tsx';
import { earnings } from './earnings-store.ts';
import { dateTime, money, percent } from './format.ts';
import './earnings.css';

const TYPES: ReadonlyArray<HistoryEntryType | 'all'> = [
  'all',
  'earned',
  'reversed',
  'cancelled',
  'paid-out',
  'credited',
];
const SORTS: readonly HistorySort[] = ['date-desc', 'date-asc', 'amount-desc', 'amount-asc'];
export const ROW_HEIGHT = 58;

export function HistoryTabLabel() {
  return useTranslation('earnings').t('tabs.history');
}

export function HistorySection() {
  useEarningsStarted();
  return (
    <div className="earnings" data-testid="history">
      <HistoryFilters />
      <HistoryList />
      <CsvExport />
    </div>
  );
}

function HistoryFilters() {
  const { t } = useTranslation('earnings');
  const filters = earnings.use((s) => s.history.filters);
  const setFilters = earnings.use((s) => s.setFilters);
  const referralName = earnings.use(
    (s) =>
      s.referrals.items.find((referral) => referral.id === s.history.filters.referralId)?.displayName ??
      s.history.items.find((entry) => entry.referralId === s.history.filters.referralId)?.referralName ??
      s.history.filters.referralId,
  );
  return (
    <section className="card history-filters" aria-label={t('history.heading')}>
      <div className="filter-grid">
        <FormSelect
          label={t('history.type')}
          testId="history-type"
          value={filters.type}
          options={TYPES.map((type) => ({ value: type, label: t(`history.types.${type}`) }))}
          onChange={(type) => setFilters({ type })}
        />
        <FormSelect
          label={t('history.sort')}
          testId="history-sort"
          value={filters.sort}
          options={SORTS.map((sort) => ({ value: sort, label: t(`history.sorts.${sort}`) }))}
          onChange={(sort) => setFilters({ sort })}
        />
        <FormInput
          label={t('history.from')}
          type="date"
          testId="history-from"
          value={filters.fromDay}
          onChange={(fromDay) => setFilters({ fromDay })}
        />
        <FormInput
          label={t('history.to')}
          type="date"
          testId="history-to"
          value={filters.toDay}
          onChange={(toDay) => setFilters({ toDay })}
        />
      </div>
      <FormInput
        label={t('history.search')}
        type="search"
        testId="history-search"
        placeholder={t('history.searchPlaceholder')}
        maxLength={100}
        value={filters.search}
        onChange={(search) => setFilters({ search })}
      />
      {filters.referralId && (
        <p className="referral-filter">
          <span data-testid="history-referral-filter">
            {t('history.referralFilter', { name: referralName })}
          </span>{' '}
          <button
            type="button"
            className="button button-secondary"
            data-testid="history-clear-referral"
            onClick={() => setFilters({ referralId: null })}
          >
            {t('history.clearReferral')}
          </button>
        </p>
      )}
    </section>
  );
}

function HistoryList() {
  const { t } = useTranslation('earnings');
  const history = earnings.use((s) => s.history);
  const loadMore = earnings.use((s) => s.loadMoreHistory);
  const loadOnce = earnings.use((s) => s.loadHistoryOnce);
  useEffect(() => {
    void loadOnce();
  }, [loadOnce]);
  const setFilters = earnings.use((s) => s.setFilters);
  const scroller = useRef<HTMLElement>(null);
  const { items, nextCursor, status } = history;
  const rowCount = items.length + (nextCursor ? 1 : 0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Rows have one fixed height: no measuring, no layout reads while scrolling.
    initialRect: { width: 380, height: 420 },
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    // The next page is fetched while the last rows come into view, before the user reaches the end.
    if (nextCursor && lastIndex >= items.length - 20) void loadMore();
  }, [lastIndex, items.length, nextCursor, loadMore]);

  if (status === 'error' && history.error && items.length === 0)
    return <ErrorState error={history.error} onRetry={() => setFilters({})} />;

  // Not asked yet ('idle': the first page is requested once the list shows) reads as loading too,
  // so the pre-rendered page and the app's first render say the same.
  const loading = status === 'loading' || status === 'idle';
  return (
    <section className="card history" aria-labelledby="history-heading">
      <div className="history-header">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <p className="muted" role="status" data-testid="history-count">
          {loading && items.length === 0
            ? t('loading')
            : nextCursor
              ? t('history.loadedMore', { count: items.length })
              : t('history.loaded', { count: items.length })}
        </p>
      </div>
      {status === 'ready' && items.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          {t('history.empty')}
        </p>
      ) : (
        // The list scrolls with the keyboard (arrows, Page Up/Down, Home/End) once focused.
        <section
          ref={scroller}
          className="history-scroller"
          data-testid="history-list"
          data-items-for={history.itemsFor ?? undefined}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard.
          tabIndex={0}
          aria-label={t('history.listLabel')}
          aria-busy={loading}
        >
          <ul className="history-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((row) => {
              const entry = items[row.index];
              return (
                <li
                  key={entry?.id ?? 'more'}
                  className="history-row"
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                >
                  {entry ? (
                    <HistoryRow entry={entry} />
                  ) : (
                    <span className="muted">{t('history.loadingMore')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {status === 'error' && history.error && items.length > 0 && (
        <p className="copy-error" role="alert">
          {history.error.message}
        </p>
      )}
    </section>
  );
}

// Memoized: while scrolling, only rows entering the view render; the others keep their output.
const HistoryRow = memo(function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const title =
    entry.type === 'paid-out'
      ? t('history.payout', { id: entry.payoutId ?? '' })
      : entry.type === 'cancelled'
        ? t('history.cancelledNote')
        : [
            entry.productName ??
              entry.purchase?.sku ??
              (entry.type === 'credited' ? t('history.credit') : ''),
            entry.referralName,
          ]
            .filter(Boolean)
            .join(' · ');
  const details = [
    dateTime(entry.occurredAt, locale),
    t(`history.types.${entry.type}`),
    entry.purchase ? t('history.purchase', { id: entry.purchase.id }) : null,
    entry.purchase && entry.type === 'earned'
      ? t('history.paid', { amount: money(entry.purchase.paidCents, locale) })
      : null,
    entry.refundCents !== null ? t('history.refund', { amount: money(entry.refundCents, locale) }) : null,
    entry.rateBp !== null && entry.termsVersion !== null
      ? t('history.rate', { rate: percent(entry.rateBp, locale), version: entry.termsVersion })
      : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className="history-entry" data-testid="history-row" data-entry-id={entry.id} data-type={entry.type}>
      <div className="history-line">
        <span className="history-title">{title}</span>
        <span
          className={entry.amountCents < 0 ? 'history-amount negative' : 'history-amount'}
          data-testid="history-amount"
          data-cents={entry.amountCents}
        >
          {money(entry.amountCents, locale)}
        </span>
      </div>
      <div className="history-details muted">{details.join(' · ')}</div>
    </div>
  );
});
