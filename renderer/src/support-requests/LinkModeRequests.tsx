// Payouts and license credit in link mode go through Quantower Support (R5): a sentence saying so
// and the support contacts. (The richer "Requests through support" panel replaces this at merge.)
import { useTranslation } from 'react-i18next';
import { SupportButtons } from '../link/SupportButtons.tsx';
import { useCompanion } from '../store/store-context.tsx';

export function LinkModeRequests({ kind }: { kind: 'payout' | 'license' }) {
  const { t } = useTranslation('welcome');
  const code = useCompanion((state) =>
    state.referral.status === 'ready' ? state.referral.referral.code : null,
  );
  const isPayout = kind === 'payout';
  return (
    <section
      className="card"
      aria-labelledby={`link-requests-${kind}`}
      data-testid={`link-mode-requests-${kind}`}
    >
      <p id={`link-requests-${kind}`}>{isPayout ? t('requests.payout') : t('requests.license')}</p>
      {code === null && <p className="muted">{t('requests.noCode')}</p>}
      <SupportButtons
        subject={t(isPayout ? 'requests.subjectPayout' : 'requests.subjectLicense', { code: code ?? '—' })}
        body={t(isPayout ? 'requests.bodyPayout' : 'requests.bodyLicense', { code: code ?? '—' })}
        testId={`link-requests-${kind}`}
        labels={{
          email: t('requests.email'),
          telegram: t('requests.telegram'),
          copied: t('requests.copied'),
        }}
      />
    </section>
  );
}
