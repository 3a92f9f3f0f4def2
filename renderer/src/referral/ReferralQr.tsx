import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QrImage } from './referral-qr.ts';

type Drawn = { link: string; image: QrImage } | { link: string; failed: true };

export interface ReferralQrProps {
  link: string;
  /** Display size to aim for; default QR_TARGET_PX (the large "Show QR" view asks for more). */
  targetPx?: number;
  testId?: string;
}

export function ReferralQr({ link, targetPx, testId = 'referral-qr' }: ReferralQrProps) {
  const { t } = useTranslation('referral');
  const [drawn, setDrawn] = useState<Drawn | null>(null);

  useEffect(() => {
    let current = true;
    import('./referral-qr.ts')
      .then(({ referralQrImage }) => referralQrImage(link, targetPx))
      .then(
        (image) => current && setDrawn({ link, image }),
        () => current && setDrawn({ link, failed: true }),
      );
    return () => {
      current = false;
    };
  }, [link, targetPx]);

  // Never show the code of a previous link while the new one is being drawn.
  const shown = drawn?.link === link ? drawn : null;
  return (
    <figure className="qr">
      <div className="qr-frame">
        {shown === null && (
          <p className="qr-placeholder" role="status" aria-busy="true">
            {t('qrLoading')}
          </p>
        )}
        {shown !== null && 'failed' in shown && (
          <p className="qr-placeholder" role="alert">
            {t('qrFailed')}
          </p>
        )}
        {shown !== null && 'image' in shown && (
          <img
            data-testid={testId}
            src={shown.image.src}
            width={shown.image.size}
            height={shown.image.size}
            alt={t('qrAlt')}
            draggable={false}
          />
        )}
      </div>
      <figcaption>{t('qrCaption')}</figcaption>
    </figure>
  );
}
