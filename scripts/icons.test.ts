import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ICNS_TYPES,
  APP_ICO_SIZES,
  APP_PNG_SIZES,
  generateIcons,
  ICON_SOURCE,
  ICONS_DIR,
  type IconFile,
  MANIFEST_FILE,
  parseIconSource,
  TRAY_ICO_SIZES,
  TRAY_STATES,
} from './icons.ts';

let fresh: string;
let generated: IconFile[];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Widths of the images in an .ico (0 in the directory means 256). */
function icoSizes(data: Buffer): number[] {
  expect(data.readUInt16LE(0), 'ICO reserved').toBe(0);
  expect(data.readUInt16LE(2), 'ICO type').toBe(1);
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const width = data[6 + i * 16] || 256;
    const height = data[7 + i * 16] || 256;
    expect(height).toBe(width);
    return width;
  });
}

/** Chunk types and PNG payloads of an .icns. */
function icnsChunks(data: Buffer): { type: string; body: Buffer }[] {
  expect(data.toString('latin1', 0, 4)).toBe('icns');
  expect(data.readUInt32BE(4)).toBe(data.length);
  const chunks: { type: string; body: Buffer }[] = [];
  for (let at = 8; at < data.length; ) {
    const length = data.readUInt32BE(at + 4);
    chunks.push({ type: data.toString('latin1', at, at + 4), body: data.subarray(at + 8, at + length) });
    at += length;
  }
  return chunks;
}

beforeAll(async () => {
  fresh = await mkdtemp(join(tmpdir(), 'icons-'));
  generated = await generateIcons(ICON_SOURCE, fresh);
});
afterAll(async () => {
  await rm(fresh, { recursive: true, force: true });
});

describe('generated icons', () => {
  it('are reproduced byte for byte from resources/icon.svg (run `npm run icons` after editing it)', async () => {
    const committed = await listFiles(ICONS_DIR);
    expect(committed).toEqual(await listFiles(fresh));
    for (const file of committed) {
      const same = (await readFile(join(ICONS_DIR, file))).equals(await readFile(join(fresh, file)));
      expect(same, `${file} differs from a fresh rendering`).toBe(true);
    }
  });

  it('are all listed in the manifest with their format, sizes and hash', async () => {
    const manifest = JSON.parse(await readFile(join(fresh, MANIFEST_FILE), 'utf8')) as { files: IconFile[] };
    expect(manifest.files).toEqual(generated);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      (await listFiles(fresh)).filter((f) => f !== MANIFEST_FILE),
    );
  });

  it('have the sizes and formats each platform needs', async () => {
    for (const file of generated) {
      const data = await readFile(join(fresh, file.path));
      if (file.format === 'png') {
        const meta = await sharp(data).metadata();
        expect([meta.format, meta.width, meta.height, meta.hasAlpha], file.path).toEqual([
          'png',
          file.sizes[0],
          file.sizes[0],
          true,
        ]);
      } else if (file.format === 'ico') {
        expect(
          icoSizes(data).sort((a, b) => a - b),
          file.path,
        ).toEqual(file.sizes);
      } else {
        const chunks = icnsChunks(data).filter((c) => c.type !== 'TOC ');
        expect(chunks.map((c) => c.type)).toEqual(APP_ICNS_TYPES.map(([type]) => type));
        for (const [index, [type, size]] of APP_ICNS_TYPES.entries()) {
          const body = (chunks[index] as { body: Buffer }).body;
          // The two smallest types hold packed ARGB, as iconutil writes them; the rest hold PNG.
          if (type === 'ic04' || type === 'ic05') {
            expect(body.toString('latin1', 0, 4), type).toBe('ARGB');
            continue;
          }
          const meta = await sharp(body).metadata();
          expect([meta.format, meta.width, meta.height], type).toEqual(['png', size, size]);
        }
      }
    }
    const paths = generated.map((f) => f.path);
    for (const size of APP_PNG_SIZES) expect(paths).toContain(`png/${size}x${size}.png`);
    expect(generated.find((f) => f.path === 'icon.ico')?.sizes).toEqual([...APP_ICO_SIZES]);
    for (const state of TRAY_STATES) {
      for (const variant of ['light', 'dark']) {
        expect(paths).toContain(`tray/${variant}/${state}.png`);
        expect(paths).toContain(`tray/${variant}/${state}@2x.png`);
        expect(generated.find((f) => f.path === `tray/${variant}/${state}.ico`)?.sizes).toEqual([
          ...TRAY_ICO_SIZES,
        ]);
      }
      expect(paths).toContain(`tray/template/${state}Template.png`);
      expect(paths).toContain(`tray/template/${state}Template@2x.png`);
    }
  });

  it('makes macOS template images black plus alpha only', async () => {
    const templates = generated.filter((f) => f.path.startsWith('tray/template/'));
    expect(templates.length).toBeGreaterThan(0);
    for (const file of templates) {
      const { data, info } = await sharp(join(fresh, file.path)).raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(4);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        drawn += 1;
        expect([data[i], data[i + 1], data[i + 2]], file.path).toEqual([0, 0, 0]);
      }
      expect(drawn, `${file.path} is empty`).toBeGreaterThan(0);
    }
  });

  it('draws each tray state differently', async () => {
    for (const variant of ['light', 'dark', 'template']) {
      const suffix = variant === 'template' ? 'Template' : '';
      const pixels = await Promise.all(
        TRAY_STATES.map((state) =>
          sharp(join(fresh, `tray/${variant}/${state}${suffix}@2x.png`))
            .raw()
            .toBuffer(),
        ),
      );
      const distinct = new Set(pixels.map((p) => p.toString('base64')));
      expect(distinct.size, variant).toBe(TRAY_STATES.length);
    }
  });
});

describe('the icon source', () => {
  it('must be a 1024 square with a glyph symbol for the tray', () => {
    expect(() => parseIconSource('<svg viewBox="0 0 10 10"></svg>')).toThrow(/1024/);
    expect(() => parseIconSource('<svg viewBox="0 0 1024 1024"><defs></defs></svg>')).toThrow(/glyph/);
    expect(() => parseIconSource('<png/>')).toThrow(/single <svg>/);
    const ok = parseIconSource(
      '<svg viewBox="0 0 1024 1024"><defs><symbol id="glyph"><path d="M0 0"/></symbol></defs></svg>',
    );
    expect(ok.defs).toContain('symbol');
  });
});
