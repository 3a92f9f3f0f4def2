// R7: the partner was disqualified. Says what happened and what was cancelled, in plain words.
import { useTranslation } from 'react-i18next';
import type { EarningsSnapshot } from '../../../shared/bridge/earnings.ts';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { date, money } from './format.ts';

export function DisqualifiedNotice({ snapshot }: { snapshot: EarningsSnapshot }) {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const { program, balance } = snapshot;
  return (
    <section
      className="card disqualified"
      role="alert"
      aria-labelledby="disqualified-heading"
      data-testid="earnings-disqualified"
    >
      <h2 id="disqualified-heading">{t('disqualified.heading')}</h2>
      <p>
        {t('disqualified.body', {
          date: program.disqualifiedAt ? date(program.disqualifiedAt, locale) : '—',
          amount: money(balance.cancelledCents, locale),
        })}
      </p>
      {program.disqualificationReason && (
        <p data-testid="disqualified-reason">
          {t('disqualified.reason', { reason: program.disqualificationReason })}
        </p>
      )}
      <p className="muted">{t('disqualified.contact')}</p>
    </section>
  );
}
