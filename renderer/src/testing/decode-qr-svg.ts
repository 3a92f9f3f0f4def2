// Reads back the QR code the UI shows, without a canvas: rasterizes the dark-module path that
// `qrcode` writes into its SVG and decodes the pixels with jsQR, the way a phone would.
import jsQR from 'jsqr';

const PIXELS_PER_MODULE = 4;

/** The module grid (true = dark) of an SVG made by `qrcode`'s toString({ type: 'svg' }). */
export function svgModules(svg: string): boolean[][] {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]*)"/.exec(svg);
  if (!viewBox?.[1] || path?.[1] === undefined) throw new Error('Not an SVG QR code from qrcode.');
  const size = Number(viewBox[1]);
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  // The path is a run-length drawing: "M x y.5" starts a row, "m dx 0" skips, "h n" draws n modules.
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path[1].matchAll(/([Mmh])(\d+(?:\.\d+)?)(?: (\d+(?:\.\d+)?))?/g)) {
    const n = Number(a);
    if (command === 'M') {
      x = n;
      y = Math.floor(Number(b));
    } else if (command === 'm') {
      x += n;
    } else {
      for (let i = 0; i < n; i++) {
        const row = grid[y];
        if (row === undefined || x >= size) throw new Error('The QR path draws outside its view box.');
        row[x++] = true;
      }
    }
  }
  return grid;
}

/** The text a scanner reads from the SVG, or null when it cannot read one. */
export function decodeQrSvg(svg: string): string | null {
  const grid = svgModules(svg);
  const side = grid.length * PIXELS_PER_MODULE;
  const pixels = new Uint8ClampedArray(side * side * 4);
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const dark = grid[Math.floor(py / PIXELS_PER_MODULE)]?.[Math.floor(px / PIXELS_PER_MODULE)] === true;
      const offset = (py * side + px) * 4;
      pixels.fill(dark ? 0 : 255, offset, offset + 3);
      pixels[offset + 3] = 255;
    }
  }
  return jsQR(pixels, side, side, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** The SVG markup inside a data:image/svg+xml URL as the UI puts it on the <img>. */
export function svgFromDataUrl(src: string): string {
  const prefix = 'data:image/svg+xml;charset=utf-8,';
  if (!src.startsWith(prefix)) throw new Error(`Not an SVG data URL: ${src.slice(0, 40)}`);
  return decodeURIComponent(src.slice(prefix.length));
}
