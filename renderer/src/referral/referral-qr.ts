// Draws the QR code of a referral link with the maintained `qrcode` package. It is loaded on
// demand (see ReferralQr), so the generator stays out of the initial bundle.
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';

/** 'M' (15% recovery) survives glare and moiré in a phone's capture of a screen. 'Q' would only
 * add modules: a screen shows the code undamaged, and fewer, larger modules scan from further
 * across a desk. The same level is used on screen, in the large view and in saved images. */
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

/** Saved and copied images aim for this size: sharp when printed or shown on a large screen. */
export const QR_EXPORT_TARGET_PX = 1024;

/** The SVG file to save: the same drawing as on screen, at export size. */
export async function referralQrSvg(link: string, targetPx = QR_EXPORT_TARGET_PX): Promise<string> {
  return (await referralQrImage(link, targetPx)).svg;
}

/** A PNG of the code as base64 (for the bridge), drawn by `qrcode` onto a canvas at a whole
 * number of pixels per module, with the same quiet zone, error correction and colours. */
export async function referralQrPngBase64(link: string, targetPx = QR_EXPORT_TARGET_PX): Promise<string> {
  const modules = QRCode.create(link, { errorCorrectionLevel: QR_ERROR_CORRECTION }).modules.size;
  const withQuietZone = modules + 2 * QR_QUIET_ZONE;
  const canvas = document.createElement('canvas');
  await QRCode.toCanvas(canvas, link, {
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE,
    scale: Math.max(2, Math.floor(targetPx / withQuietZone)),
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  const dataUrl = canvas.toDataURL('image/png');
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) throw new Error('This browser cannot draw PNG images.');
  return dataUrl.slice(prefix.length);
}
