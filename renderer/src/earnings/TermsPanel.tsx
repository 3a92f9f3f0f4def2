// The terms in force (rate, thresholds, hold, version and date), the partner's own rate when it
// differs, what changed from the previous version, and a version announced for later.
import { useTranslation } from 'react-i18next';
import type { EarningsSnapshot } from '../../../shared/bridge/earnings.ts';
import { termsChanges } from '../../../shared/earnings-readiness.ts';
import { termsSummary } from '../../../shared/i18n/terms-summary.ts';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { date, money, percent } from './format.ts';

export function TermsPanel({ snapshot }: { snapshot: EarningsSnapshot }) {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const { current, history } = snapshot.terms;
  const { program } = snapshot;
  const olderThanCurrent = history.filter((terms) => terms.effectiveFrom < current.effectiveFrom);
  const previous = olderThanCurrent[0];
  const upcoming = history
    .filter((terms) => terms.effectiveFrom > current.effectiveFrom)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  const changes = previous ? termsChanges(previous, current) : [];
  const show = (field: string, value: number) =>
    field === 'rateBp'
      ? percent(value, locale)
      : field === 'minPayoutCents'
        ? money(value, locale)
        : String(value);

  const rate =
    program.rateSource === 'partner'
      ? t('terms.ownRate', {
          rate: percent(program.rateBp, locale),
          termsRate: percent(current.rateBp, locale),
        })
      : percent(current.rateBp, locale);

  return (
    <section className="card terms" aria-labelledby="terms-heading" data-testid="earnings-terms">
      <h2 id="terms-heading">{t('terms.heading')}</h2>
      <p className="muted" data-testid="terms-version">
        {t('terms.version', { version: current.version, date: date(current.effectiveFrom, locale) })}
      </p>
      <dl className="fields terms-fields">
        <div className="field">
          <dt>{t('terms.rate')}</dt>
          <dd data-testid="terms-rate">{rate}</dd>
        </div>
        <div className="field">
          <dt>{t('terms.minPayout')}</dt>
          <dd data-testid="terms-min-payout">{money(current.minPayoutCents, locale)}</dd>
        </div>
        <div className="field">
          <dt>{t('terms.minReferrals')}</dt>
          <dd data-testid="terms-min-referrals">
            {current.minReferrals > 0 ? current.minReferrals : t('terms.none')}
          </dd>
        </div>
        <div className="field">
          <dt>{t('terms.hold')}</dt>
          <dd data-testid="terms-hold">
            {current.holdDays > 0 ? t('terms.holdDays', { count: current.holdDays }) : t('terms.none')}
          </dd>
        </div>
      </dl>
      {/* From the terms' fields: the server's own summary is an English sentence. */}
      <p data-testid="terms-summary">{termsSummary(current, t, locale)}</p>
      {changes.length > 0 && (
        <div data-testid="terms-changes">
          <p>{t('terms.changed', { version: current.version, date: date(current.effectiveFrom, locale) })}</p>
          <ul>
            {changes.map((change) => (
              <li key={change.field}>
                {t(`terms.changes.${change.field}`, {
                  from: show(change.field, change.from),
                  to: show(change.field, change.to),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {upcoming && (
        <p data-testid="terms-upcoming">
          {t('terms.upcoming', { version: upcoming.version, date: date(upcoming.effectiveFrom, locale) })}
        </p>
      )}
    </section>
  );
}
