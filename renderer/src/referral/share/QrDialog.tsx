// The "Show QR" view: the code as large as the window allows, black on white whatever the theme,
// for a phone across the desk. A native modal <dialog>: the page behind is inert (focus stays
// inside), Esc closes it, and focus goes back to the button that opened it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ReferralQr } from '../ReferralQr.tsx';

/** Room left around the code for the title, hint and Close button. */
const CHROME_PX = 170;

export function largeQrTargetPx(width: number, height: number): number {
  return Math.max(240, Math.min(720, Math.min(width - 48, height - CHROME_PX)));
}

export function QrDialog({ link, open, onClose }: { link: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('share');
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // Land on Close, the one control inside, whatever the browser's dialog focusing rules.
      closeButton.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="qr-dialog"
      aria-labelledby="qr-dialog-title"
      data-testid="qr-dialog"
      // Esc (the dialog's own cancel) and close() both end here.
      onClose={onClose}
    >
      {open && (
        <div className="qr-dialog-body">
          <h2 id="qr-dialog-title">{t('qrDialogTitle')}</h2>
          <ReferralQr
            link={link}
            targetPx={largeQrTargetPx(window.innerWidth, window.innerHeight)}
            testId="qr-large"
          />
          <p className="qr-dialog-hint">{t('qrDialogHint')}</p>
          <button
            type="button"
            className="button button-primary"
            data-testid="qr-close"
            ref={closeButton}
            onClick={onClose}
          >
            {t('close')}
          </button>
        </div>
      )}
    </dialog>
  );
}
