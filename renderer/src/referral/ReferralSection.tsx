// The Referral section: the link card and the share panel, once the referral is loaded.
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { ReferralCard } from './ReferralCard.tsx';
import { useReferral } from './referral-context.tsx';
import { SharePanel } from './share/SharePanel.tsx';

export function ReferralSection() {
  const referral = useReferral((state) => state.referral);
  const retry = useReferral((state) => state.retry);
  switch (referral.status) {
    case 'idle':
    case 'loading':
      return <LoadingState />;
    case 'error':
      return <ErrorState error={referral.error} onRetry={() => void retry()} />;
    case 'ready':
      return (
        <>
          <ReferralCard referral={referral.referral} />
          <SharePanel referral={referral.referral} />
        </>
      );
  }
}

export function ReferralTabLabel() {
  return useTranslation().t('sections.referral');
}
