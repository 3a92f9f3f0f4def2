// Requests through Quantower Support, as one panel: what it is, the form, and the journal of
// requests sent. Link mode shows it as the Payouts/Licenses section (LinkModeRequests); the other
// modes open it from the support card as the fallback (R5).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportRequestKind } from '../../../shared/support-request.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { SupportJournal } from './SupportJournal.tsx';
import { SupportRequestForm } from './SupportRequestForm.tsx';
import './support-requests.css';

export interface SupportRequestsPanelProps {
  kind: SupportRequestKind;
  /** The referral code, when the caller knows it; otherwise asked from core (getReferral). */
  code?: string | undefined;
}

export function SupportRequestsPanel({ kind, code }: SupportRequestsPanelProps) {
  const { t } = useTranslation('supportRequests');
  const known = useKnownPartner(code);
  const headingId = `support-request-heading-${kind}`;
  return (
    <div className="support-requests" data-testid={`support-requests-${kind}`}>
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>{kind === 'payout' ? t('payoutHeading') : t('licenseHeading')}</h2>
        <p className="muted">{t('intro')}</p>
        <SupportRequestForm kind={kind} code={known.code} email={known.email} />
      </section>
      <SupportJournal />
    </div>
  );
}

/** The partner's code and e-mail as core knows them, to prefill the form; blank when unknown. */
function useKnownPartner(code: string | undefined): { code: string; email: string } {
  const bridge = useBridge();
  const [known, setKnown] = useState({ code: code ?? '', email: '' });
  useEffect(() => {
    let live = true;
    // Either may be unavailable (no accounts server in link mode, signed out): the user types it.
    bridge
      .getReferral({})
      .then(
        (referral) =>
          live &&
          setKnown((k) => ({
            code: code ?? referral.code,
            email: k.email || (referral.partner?.email ?? ''),
          })),
      )
      .catch(() => {});
    bridge
      .getSession({})
      .then(
        (session) =>
          live && session.email && setKnown((k) => ({ ...k, email: k.email || (session.email ?? '') })),
      )
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [bridge, code]);
  return known;
}
