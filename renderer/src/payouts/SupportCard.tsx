// "Contact support instead": a prefilled e-mail to Quantower Support, or the Telegram chat with the
// same message on the clipboard (a chat link cannot carry text). Both links go through the shell's
// openExternal and its allow-list. "Request through support" opens the full request form and the
// journal of requests sent (renderer/src/support-requests), the fallback R5 keeps reachable.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_TELEGRAM, supportMailto } from '../../../shared/support-contact.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { toBridgeFailure } from '../store/bridge-failure.ts';
import { SupportRequestsPanel } from '../support-requests/SupportRequestsPanel.tsx';
import { useMoney } from './PayoutsSection.tsx';

export function SupportCard({ code, availableCents }: { code: string; availableCents: number }) {
  const { t } = useTranslation('payouts');
  const money = useMoney();
  const bridge = useBridge();
  const [note, setNote] = useState<string | null>(null);
  const [requesting, setRequesting] = useState(false);
  const words = useTranslation('supportRequests').t;
  const subject = t('supportSubject', { code });
  const body = t('supportBody', { code, amount: money(Math.max(0, availableCents)) });
  const open = async (url: string, copyFirst: boolean) => {
    setNote(null);
    try {
      if (copyFirst) {
        await bridge.copyText({ text: body });
        setNote(t('supportCopied'));
      }
      await bridge.openExternal({ url });
    } catch (error) {
      setNote(toBridgeFailure(error).message);
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="payouts-support-heading">
        <h2 id="payouts-support-heading">{t('supportHeading')}</h2>
        <p className="muted">{t('supportText')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            data-testid="payouts-support-email"
            onClick={() => void open(supportMailto(subject, body), false)}
          >
            {t('supportEmail')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            data-testid="payouts-support-telegram"
            onClick={() => void open(SUPPORT_TELEGRAM, true)}
          >
            {t('supportTelegram')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="payouts-support-request"
            aria-expanded={requesting}
            onClick={() => setRequesting((open) => !open)}
          >
            {words('openPayout')}
          </button>
        </div>
        {note && (
          <p role="status" className="muted" data-testid="payouts-support-note">
            {note}
          </p>
        )}
      </section>
      {requesting && <SupportRequestsPanel kind="payout" code={code} />}
    </>
  );
}
