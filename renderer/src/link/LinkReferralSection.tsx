// The Referral section in link mode: the saved link with everything the other modes offer (copy,
// QR, share), and the form to save or change it.
import { ReferralCard } from '../referral/ReferralCard.tsx';
import { useReferral } from '../referral/referral-context.tsx';
import { SharePanel } from '../referral/share/SharePanel.tsx';
import { preferences } from '../shell/stores.ts';
import { LinkForm } from './LinkForm.tsx';

export function LinkReferralSection() {
  const referral = useReferral((state) => state.referral);
  const saved = preferences.use((state) => state.settings?.referralLink ?? null);
  const ready = referral.status === 'ready' && saved !== null && referral.referral.link === saved;
  return (
    <>
      {ready && (
        <>
          <ReferralCard referral={referral.referral} />
          <SharePanel referral={referral.referral} />
        </>
      )}
      <LinkForm hasLink={saved !== null} />
    </>
  );
}
