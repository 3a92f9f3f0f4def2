// The History section: every ledger entry (earned, reversed, cancelled, paid out, credited) with
// its purchase, product, paid amount, rate and terms version. Filtering, search and sorting run
// on the accounts server; the list is virtualized (@tanstack/react-virtual: only the rows in view
// exist in the DOM) and fetches the next page as the end comes into view, so 100,000 entries
// scroll as smoothly as 100. Each row wraps its text (no ellipsis) and opens its details (purchase,
// product and term, referral, prices, rate, terms version, refund and the commission it reversed);
// rows are measured, so an open row simply takes more room.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HistoryEntryType, HistorySort } from '../../../shared/accounts-api.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FormInput } from '../components/FormInput.tsx';
import { FormSelect } from '../components/FormSelect.tsx';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { useProductLabel } from '../licenses/product-label.ts';
import { Button } from '../ui/Button.tsx';
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
          <Button
            variant="secondary"
            size="small"
            testId="history-clear-referral"
            onClick={() => setFilters({ referralId: null })}
          >
            {t('history.clearReferral')}
          </Button>
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
  // Which rows are open: kept here, not in the row, because a row scrolled out of view unmounts.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (id: string) =>
      setOpen((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 380, height: 420 },
    // Rows wrap and open, so each is measured once drawn (an unlaid-out row keeps the estimate).
    measureElement: (element) => element.getBoundingClientRect().height || ROW_HEIGHT,
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
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  className="history-row"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  {entry ? (
                    <HistoryRow entry={entry} open={open.has(entry.id)} onToggle={toggle} />
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
const HistoryRow = memo(function HistoryRow({
  entry,
  open,
  onToggle,
}: {
  entry: HistoryEntry;
  open: boolean;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const productLabel = useProductLabel();
  const detailsId = useId();
  const product = entry.purchase ? productLabel(entry.purchase.sku, entry.productName) : entry.productName;
  const title =
    entry.type === 'paid-out'
      ? t('history.payout', { id: entry.payoutId ?? '' })
      : entry.type === 'cancelled'
        ? t('history.cancelledNote')
        : [product ?? (entry.type === 'credited' ? t('history.credit') : ''), entry.referralName]
            .filter(Boolean)
            .join(' · ');
  const summary = [
    dateTime(entry.occurredAt, locale),
    t(`history.types.${entry.type}`),
    entry.purchase ? t('history.purchase', { id: entry.purchase.id }) : null,
    // What the purchase paid shows on the commission and on its reversal alike.
    entry.purchase ? t('history.paid', { amount: money(entry.purchase.paidCents, locale) }) : null,
    entry.refundCents !== null ? t('history.refund', { amount: money(entry.refundCents, locale) }) : null,
    entry.rateBp !== null && entry.termsVersion !== null
      ? t('history.rate', { rate: percent(entry.rateBp, locale), version: entry.termsVersion })
      : null,
  ].filter((part): part is string => part !== null);
  return (
    <div className="history-entry" data-testid="history-row" data-entry-id={entry.id} data-type={entry.type}>
      <button
        type="button"
        className="history-summary"
        aria-expanded={open}
        aria-controls={open ? detailsId : undefined}
        data-testid="history-row-toggle"
        onClick={() => {
          onToggle(entry.id);
          // Opened near the bottom of the list, the details would sit below its edge: once drawn,
          // bring them into view (on the click only, not when a scrolled-away row comes back).
          if (!open)
            requestAnimationFrame(() =>
              document.getElementById(detailsId)?.scrollIntoView?.({ block: 'nearest' }),
            );
        }}
      >
        <span className="history-line">
          <span className="history-title">{title}</span>
          <span
            className={entry.amountCents < 0 ? 'history-amount negative' : 'history-amount'}
            data-testid="history-amount"
            data-cents={entry.amountCents}
          >
            {money(entry.amountCents, locale)}
          </span>
        </span>
        <span className="history-details muted">{summary.join(' · ')}</span>
      </button>
      {open && <HistoryDetails id={detailsId} entry={entry} product={product} />}
    </div>
  );
});

/** Every field of an entry, one per line: what the summary line abbreviates. */
export function HistoryDetails({
  id,
  entry,
  product,
}: {
  id: string;
  entry: HistoryEntry;
  product: string | null;
}) {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const purchase = entry.purchase;
  const rows: Array<[key: string, label: string, value: string]> = [
    ['date', t('history.details.date'), dateTime(entry.occurredAt, locale)],
    ['type', t('history.details.type'), t(`history.types.${entry.type}`)],
    ['amount', t('history.details.amount'), money(entry.amountCents, locale)],
  ];
  const add = (key: string, label: string, value: string | null | false) => {
    if (value !== null && value !== false) rows.push([key, label, value]);
  };
  add('purchase', t('history.details.purchase'), purchase && `#${purchase.id}`);
  add('product', t('history.details.product'), product);
  add('referral', t('history.details.referral'), entry.referralName);
  add('list-price', t('history.details.listPrice'), purchase && money(purchase.listPriceCents, locale));
  add(
    'discount',
    t('history.details.discount'),
    purchase !== null && purchase.discountCents > 0 && money(purchase.discountCents, locale),
  );
  add('paid', t('history.details.paid'), purchase && money(purchase.paidCents, locale));
  add('rate', t('history.details.rate'), entry.rateBp !== null && percent(entry.rateBp, locale));
  add(
    'terms',
    t('history.details.terms'),
    entry.termsVersion !== null && t('history.details.termsValue', { version: entry.termsVersion }),
  );
  add('refund', t('history.details.refund'), entry.refundCents !== null && money(entry.refundCents, locale));
  // A reversal takes back (part of) a commission: the amount it reversed, as a positive figure.
  add(
    'reversed',
    t('history.details.reversed'),
    entry.type === 'reversed' && money(-entry.amountCents, locale),
  );
  add('payout', t('history.details.payout'), entry.payoutId);
  add('credit', t('history.details.credit'), entry.creditId);
  add(
    'available',
    t('history.details.availableAt'),
    entry.type === 'earned' && dateTime(entry.availableAt, locale),
  );
  return (
    <dl id={id} className="history-more" data-testid="history-row-details">
      {rows.map(([key, label, value]) => (
        <div key={key} className="history-more-row" data-field={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
