// The Referrals section: everyone who registered through the link (e-mails masked by the server),
// when, how many purchases and how much they paid and brought; "Commissions" opens their history.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState.tsx';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { navigation } from '../shell/stores.ts';
import { useEarningsStarted } from './EarningsSection.tsx';
import { earnings } from './earnings-store.ts';
import { date, money } from './format.ts';
import './earnings.css';

export function ReferralsTabLabel() {
  return useTranslation('earnings').t('tabs.referrals');
}

export function ReferralsSection() {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  useEarningsStarted();
  const referrals = earnings.use((s) => s.referrals);
  const load = earnings.use((s) => s.loadReferrals);
  const setFilters = earnings.use((s) => s.setFilters);
  const count = earnings.use((s) => s.view?.snapshot?.program.referralsCount);
  const select = navigation.use((s) => s.select);
  useEffect(() => {
    void load();
  }, [load]);

  if (referrals.status === 'error' && referrals.error && referrals.items.length === 0)
    return <ErrorState error={referrals.error} onRetry={() => void load()} />;
  return (
    <section className="card referrals" aria-labelledby="referrals-heading" data-testid="referrals">
      <h2 id="referrals-heading">{t('referrals.heading')}</h2>
      {count !== undefined && (
        <p className="muted" data-testid="referrals-count">
          {t('referrals.count', { count })}
        </p>
      )}
      {referrals.status === 'ready' && referrals.items.length === 0 && (
        <p className="muted">{t('referrals.empty')}</p>
      )}
      <ul className="referral-list">
        {referrals.items.map((referral) => (
          <li
            key={referral.id}
            className="referral-item"
            data-testid="referral-row"
            data-referral-id={referral.id}
          >
            <div className="history-line">
              <span className="history-title">{referral.displayName}</span>
              <span
                className="history-amount"
                data-testid="referral-commission"
                data-cents={referral.commissionCents}
              >
                {t('referrals.brought', { amount: money(referral.commissionCents, locale) })}
              </span>
            </div>
            <div className="history-details muted">
              <span data-testid="referral-email">{referral.emailMasked}</span>
              {' · '}
              {t('referrals.registered', { date: date(referral.registeredAt, locale) })}
              {' · '}
              <span data-testid="referral-purchases">
                {t('referrals.purchases', { count: referral.purchasesCount })}
              </span>
              {' · '}
              <span data-testid="referral-paid" data-cents={referral.paidCents}>
                {t('referrals.paid', { amount: money(referral.paidCents, locale) })}
              </span>
            </div>
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('referrals.showHistoryLabel', { name: referral.displayName })}
              onClick={() => {
                setFilters({ referralId: referral.id });
                select('history');
              }}
            >
              {t('referrals.showHistory')}
            </button>
          </li>
        ))}
      </ul>
      {referrals.nextCursor && (
        <button
          type="button"
          className="button button-secondary"
          data-testid="referrals-more"
          aria-busy={referrals.status === 'loading'}
          onClick={() => void load(true)}
        >
          {t('referrals.loadMore')}
        </button>
      )}
    </section>
  );
}
