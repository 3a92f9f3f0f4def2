import { useTranslation } from 'react-i18next';
import type { ReferralView } from '../../../shared/bridge.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { ReferralQr } from './ReferralQr.tsx';
import { CopyCodeButton } from './share/CopyCodeButton.tsx';

export function ReferralCard({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation('referral');
  return (
    <section className="card" aria-labelledby="referral-heading">
      <h2 id="referral-heading">{t('heading')}</h2>
      <dl className="fields">
        {referral.partner && (
          <div className="field">
            <dt>{t('partnerLabel')}</dt>
            <dd data-testid="partner-name">{referral.partner.displayName}</dd>
          </div>
        )}
        <div className="field">
          <dt>{t('codeLabel')}</dt>
          <dd>
            <code data-testid="referral-code">{referral.code}</code>
          </dd>
        </div>
        <div className="field">
          <dt>{t('linkLabel')}</dt>
          <dd>
            <code className="link" data-testid="referral-link">
              {referral.link}
            </code>
          </dd>
        </div>
      </dl>
      <CopyLinkButton />
      <CopyCodeButton referral={referral} />
      <ReferralQr link={referral.link} />
    </section>
  );
}
