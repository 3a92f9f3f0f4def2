// Earnings, history and referrals in link mode: said plainly that there is nothing to show and how
// to get it. No figures, no empty chart standing in for data.
import { useTranslation } from 'react-i18next';
import '../link/link.css';
import { useReferral } from '../referral/referral-context.tsx';
import { SupportButtons } from './SupportButtons.tsx';

export function LinkModeEarnings() {
  const { t } = useTranslation('welcome');
  const code = useReferral((state) =>
    state.referral.status === 'ready' ? state.referral.referral.code : null,
  );
  return (
    <section className="card" aria-labelledby="link-earnings-heading" data-testid="link-mode-earnings">
      <h2 id="link-earnings-heading">{t('earnings.heading')}</h2>
      <p>{t('earnings.text')}</p>
      <h3>{t('earnings.howHeading')}</h3>
      <ul>
        <li>{t('earnings.support')}</li>
        <li>{t('earnings.server')}</li>
      </ul>
      <SupportButtons
        subject={t('earnings.askSubject', { code: code ?? '—' })}
        body={t('earnings.askBody', { code: code ?? '—' })}
        testId="link-earnings-support"
        labels={{
          email: t('earnings.email'),
          telegram: t('earnings.telegram'),
          copied: t('earnings.copied'),
        }}
      />
    </section>
  );
}
