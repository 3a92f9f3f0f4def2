// Draws the QR code of a referral link with the maintained `qrcode` package. It is loaded on
// demand (see ReferralQr), so the generator stays out of the initial bundle.
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';

/** 'M' survives a smudged or glare-hit phone capture of a screen and keeps the code small. */
export const QR_ERROR_CORRECTION: QRCodeErrorCorrectionLevel = 'M';
/** The quiet zone the QR specification asks for, in modules. */
export const QR_QUIET_ZONE = 4;
/** Display size the code aims for; the real size is the largest whole-pixel module scale below it. */
export const QR_TARGET_PX = 240;

export interface QrImage {
  /** The SVG markup `qrcode` produced. */
  svg: string;
  /** That SVG as a data: URL for an <img> (the CSP allows data: images, not inline markup). */
  src: string;
  /** Width and height in CSS pixels: a whole number of pixels per module keeps edges crisp. */
  size: number;
}

export async function referralQrImage(link: string, targetPx = QR_TARGET_PX): Promise<QrImage> {
  const modules = QRCode.create(link, { errorCorrectionLevel: QR_ERROR_CORRECTION }).modules.size;
  const withQuietZone = modules + 2 * QR_QUIET_ZONE;
  const size = withQuietZone * Math.max(2, Math.floor(targetPx / withQuietZone));
  const svg = await QRCode.toString(link, {
    type: 'svg',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE,
    width: size,
    // Dark on white, whatever the app theme: phone scanners expect it.
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  return { svg, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, size };
}
