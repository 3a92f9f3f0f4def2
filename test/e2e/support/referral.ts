import { expect } from '@playwright/test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { ReferralInfo } from '../../../shared/accounts-api.ts';
import { sandboxAuthHeaders } from '../../support/sandbox-sign-in.ts';

// jsqr is CommonJS (module.exports = jsQR) while its types declare an ES default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** What the accounts server itself serves the demo partner: the reference the UI is compared with. */
export async function servedReferral(accountsUrl: string): Promise<ReferralInfo> {
  const response = await fetch(new URL('api/v1/referral', accountsUrl), {
    headers: await sandboxAuthHeaders(accountsUrl),
  });
  expect(response.status).toBe(200);
  return ReferralInfo.parse(await response.json());
}

/** Decodes the QR code in a PNG screenshot; throws when there is none. */
export function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error(`No QR code found in the ${image.width}x${image.height} screenshot.`);
  return code.data;
}
