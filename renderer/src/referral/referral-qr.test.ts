import { describe, expect, it } from 'vitest';
import { buildReferralLink } from '../../../shared/referral-link.ts';
import { decodeQrSvg, svgFromDataUrl, svgModules } from '../testing/decode-qr-svg.ts';
import { QR_QUIET_ZONE, QR_TARGET_PX, referralQrImage } from './referral-qr.ts';

const links = [
  buildReferralLink('QT+DEMO/42='),
  buildReferralLink('a_b-c.d~e'),
  buildReferralLink('ÜBER+%&?#', 'http://localhost:9999/r?lang=en'),
  buildReferralLink('X'.repeat(128)),
];

describe('referralQrImage', () => {
  it.each(links)('draws a code that scans back to exactly %s', async (link) => {
    const image = await referralQrImage(link);
    expect(decodeQrSvg(image.svg)).toBe(link);
    // The <img> gets the same drawing.
    expect(svgFromDataUrl(image.src)).toBe(image.svg);
  });

  it('tells two links apart', async () => {
    const [first, second] = [links[0] as string, buildReferralLink('QT+DEMO/43=')];
    expect(decodeQrSvg((await referralQrImage(first)).svg)).not.toBe(
      decodeQrSvg((await referralQrImage(second)).svg),
    );
  });

  it('keeps a white quiet zone of four modules on every side', async () => {
    const grid = svgModules((await referralQrImage(links[0] as string)).svg);
    const last = grid.length - 1;
    for (let i = 0; i <= last; i++) {
      for (let edge = 0; edge < QR_QUIET_ZONE; edge++) {
        expect([grid[edge]?.[i], grid[last - edge]?.[i], grid[i]?.[edge], grid[i]?.[last - edge]]).toEqual([
          false,
          false,
          false,
          false,
        ]);
      }
    }
    // The finder pattern starts right inside the quiet zone.
    expect(grid[QR_QUIET_ZONE]?.[QR_QUIET_ZONE]).toBe(true);
  });

  it('is dark on an opaque white background, whatever the theme', async () => {
    const { svg } = await referralQrImage(links[0] as string);
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('stroke="#000000"');
    expect(svg).not.toContain('opacity');
  });

  it('sizes the image to whole pixels per module, close to the target size', async () => {
    const { svg, size } = await referralQrImage(links[0] as string);
    const modules = svgModules(svg).length;
    expect(size % modules).toBe(0);
    expect(size).toBeLessThanOrEqual(QR_TARGET_PX);
    expect(size).toBeGreaterThan(QR_TARGET_PX - modules);
  });
});
