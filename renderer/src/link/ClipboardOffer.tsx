// "Use this link?": when the companion's window gains focus and the clipboard holds a Quantower
// referral link other than the saved one, offer it. The clipboard is read on the focus event only:
// never on a timer, never while the window is in the background.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseReferralInput } from '../../../shared/referral-link.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { preferences } from '../shell/stores.ts';

export function ClipboardOffer() {
  const { t } = useTranslation('welcome');
  const bridge = useBridge();
  const saved = preferences.use((state) => state.settings?.referralLink ?? null);
  const savedRef = useRef(saved);
  savedRef.current = saved;
  // A link the user said "Not now" to is not offered again in this run.
  const dismissed = useRef(new Set<string>());
  const [offer, setOffer] = useState<string | null>(null);

  useEffect(() => {
    const onFocus = () => {
      bridge.readClipboardText({}).then(
        ({ text }) => {
          const parsed = parseReferralInput(text);
          // A link only: any text would pass as a "code", and that is not worth interrupting for.
          if (!parsed.ok || parsed.given !== 'link') return;
          if (parsed.link === savedRef.current || dismissed.current.has(parsed.link)) return;
          setOffer(parsed.link);
        },
        () => {
          // The shell or the browser refused (no permission): nothing is offered, nothing breaks.
        },
      );
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [bridge]);

  if (!offer || offer === saved) return null;
  return (
    <section className="card link-offer" data-testid="link-offer" aria-live="polite">
      <p>{t('link.offer', { link: offer })}</p>
      <div className="button-row link-buttons">
        <button
          type="button"
          className="button button-primary"
          data-testid="link-offer-use"
          onClick={() => {
            setOffer(null);
            void bridge.updateSettings({ referralLink: offer }).catch(() => setOffer(offer));
          }}
        >
          {t('link.offerUse')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="link-offer-dismiss"
          onClick={() => {
            dismissed.current.add(offer);
            setOffer(null);
          }}
        >
          {t('link.offerDismiss')}
        </button>
      </div>
    </section>
  );
}
