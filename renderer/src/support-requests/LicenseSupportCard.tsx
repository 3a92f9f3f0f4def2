// The Licenses section's way to Quantower Support (R5: the support contacts stay reachable):
// opens the request form for applying the balance to a license, and the journal of requests sent.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SupportRequestsPanel } from './SupportRequestsPanel.tsx';

export function LicenseSupportCard() {
  const { t } = useTranslation('supportRequests');
  const [open, setOpen] = useState(false);
  return (
    <>
      <section className="card" aria-labelledby="licenses-support-heading">
        <h2 id="licenses-support-heading">{t('licenseSupportHeading')}</h2>
        <p className="muted">{t('licenseSupportText')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="licenses-support-request"
            aria-expanded={open}
            onClick={() => setOpen((shown) => !shown)}
          >
            {t('openLicense')}
          </button>
        </div>
      </section>
      {open && <SupportRequestsPanel kind="license" />}
    </>
  );
}
