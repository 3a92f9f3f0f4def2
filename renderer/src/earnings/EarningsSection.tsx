// The Earnings section: when the figures were read (stale or not), the disqualified notice, the
// balance cards, withdrawal readiness, the chart and the terms. Every amount is the snapshot's
// cents, formatted for the chosen language.
import { lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadedLater } from '../first-paint/LoadedLater.tsx';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { BalanceCards } from './BalanceCards.tsx';
import { DisqualifiedNotice } from './DisqualifiedNotice.tsx';
import { earnings } from './earnings-store.ts';
import { ago } from './format.ts';
import { ReadinessPanel } from './ReadinessPanel.tsx';
import { TermsPanel } from './TermsPanel.tsx';
import './earnings.css';

// uPlot stays out of the first bundle: the dashboard's figures show before the chart code loads.
const EarningsChart = lazy(() => import('./EarningsChart.tsx'));

export function EarningsTabLabel() {
  return useTranslation('earnings').t('tabs.earnings');
}

/** Starts the earnings store while any earnings section is on screen. */
export function useEarningsStarted(): void {
  const store = earnings.useStore();
  useEffect(() => store.getState().start(), [store]);
}

export function EarningsSection() {
  const { t } = useTranslation('earnings');
  useEarningsStarted();
  const view = earnings.use((s) => s.view);
  const viewFailure = earnings.use((s) => s.viewFailure);
  const refresh = earnings.use((s) => s.refresh);
  const snapshot = view?.snapshot;

  if (!snapshot) {
    if (viewFailure) return <ErrorState error={viewFailure} onRetry={() => void refresh()} />;
    if (view?.error && !view.refreshing)
      return (
        <ErrorState
          error={{
            code: view.error.code === 'signed-out' ? 'rejected' : view.error.code,
            message: view.error.message,
            retryable: true,
          }}
          onRetry={() => void refresh()}
        />
      );
    return (
      <div className="card loading" data-testid="earnings-loading" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        <span>{t('loading')}</span>
      </div>
    );
  }
  return (
    <div className="earnings" data-testid="earnings-dashboard">
      <StatusLine />
      {snapshot.program.status === 'disqualified' && <DisqualifiedNotice snapshot={snapshot} />}
      <BalanceCards balance={snapshot.balance} />
      <ReadinessPanel program={snapshot.program} />
      <LoadedLater
        fallback={
          <p className="card muted chart-placeholder" role="status">
            {t('chart.loading')}
          </p>
        }
      >
        <EarningsChart />
      </LoadedLater>
      <TermsPanel snapshot={snapshot} />
    </div>
  );
}

/** "Updated 5 minutes ago · Refresh", or the stale warning with Retry when the last refresh failed. */
export function StatusLine() {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const view = earnings.use((s) => s.view);
  const refresh = earnings.use((s) => s.refresh);
  const now = useNow(30_000);
  if (!view?.snapshot) return null;
  const fetchedAt = view.snapshot.fetchedAt;
  const updated =
    now - Date.parse(fetchedAt) < 45_000
      ? t('updatedJustNow')
      : t('updated', { ago: ago(fetchedAt, now, locale) });
  return (
    <div className={view.error ? 'status-line stale' : 'status-line'}>
      <p role="status" data-testid="earnings-updated" title={new Date(fetchedAt).toLocaleString(locale)}>
        {view.refreshing ? t('refreshing') : updated}
      </p>
      {view.error && (
        <p role="alert" className="stale-note" data-testid="earnings-stale">
          {t('stale', { reason: t(`staleReasons.${view.error.code}`) })}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        data-testid="earnings-refresh"
        aria-busy={view.refreshing}
        onClick={() => void refresh()}
      >
        {t('refresh')}
      </button>
    </div>
  );
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
