// Renders every icon the app and its installers need from the one source, resources/icon.svg:
//   npm run icons            (writes resources/icons/, committed; a test checks it is current)
// sharp (librsvg) rasterizes; @shockpkg/icon-encoder writes ICO and ICNS. Output is a pure
// function of the source and these library versions, so regenerating reproduces it byte for byte.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import sharp from 'sharp';

export const ICON_SOURCE = fileURLToPath(new URL('../resources/icon.svg', import.meta.url));
export const ICONS_DIR = fileURLToPath(new URL('../resources/icons/', import.meta.url));
export const MANIFEST_FILE = 'manifest.json';

/** Linux icon set (electron-builder reads `NxN.png` from a directory) and runtime window icon. */
export const APP_PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Windows .ico: the sizes Explorer, the taskbar and the installer pick from. */
export const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** macOS .icns: each type and the pixel size it holds (what iconutil writes). */
export const APP_ICNS_TYPES = [
  ['ic04', 16],
  ['ic11', 32],
  ['ic05', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

/** What the tray shows: signed in and quiet, new earnings, no connection, signed out. */
export const TRAY_STATES = ['normal', 'newEarnings', 'offline', 'signedOut'] as const;
export type TrayState = (typeof TRAY_STATES)[number];
/**
 * light: for light panels (dark glyph); dark: for dark panels (light glyph); template: macOS
 * menu bar, black plus alpha only, which macOS recolours (file names must end in "Template").
 */
export const TRAY_VARIANTS = ['light', 'dark', 'template'] as const;
export type TrayVariant = (typeof TRAY_VARIANTS)[number];
/** 16 px at 1x with Electron's @1.5x/@2x scale suffixes; Windows also gets one .ico per icon. */
export const TRAY_SCALES = [
  ['', 16],
  ['@1.5x', 24],
  ['@2x', 32],
] as const;
export const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48] as const;

const TRAY_COLORS: Record<TrayVariant, { glyph: string; accent: string }> = {
  light: { glyph: '#1f2937', accent: '#16a34a' },
  dark: { glyph: '#f3f4f6', accent: '#4ade80' },
  template: { glyph: '#000000', accent: '#000000' },
};

export interface IconFile {
  path: string;
  format: 'png' | 'ico' | 'icns';
  /** Pixel sizes inside (one for a PNG). */
  sizes: number[];
  sha256: string;
}

export interface IconSource {
  /** Everything inside the root <svg> element. */
  body: string;
  /** The <defs> element, which must hold <symbol id="glyph">. */
  defs: string;
}

export function parseIconSource(svg: string): IconSource {
  const root = /^\s*(?:<\?xml[^>]*>\s*)?<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/u.exec(svg);
  if (!root) throw new Error('The icon source is not a single <svg> element.');
  if (!/\bviewBox="0 0 1024 1024"/u.test(root[1] ?? '')) {
    throw new Error('The icon source must have viewBox="0 0 1024 1024".');
  }
  const body = root[2] ?? '';
  const defs = /<defs>[\s\S]*?<\/defs>/u.exec(body)?.[0];
  if (!defs || !/<symbol\b[^>]*\bid="glyph"/u.test(defs)) {
    throw new Error('The icon source needs <defs> with a <symbol id="glyph"> for the tray icons.');
  }
  return { body, defs };
}

function svgDocument(content: string, size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 1024 1024">${content}</svg>`;
}

/** The tray drawing: the glyph enlarged to fill the square, plus the state's badge. */
export function traySvg(source: IconSource, state: TrayState, variant: TrayVariant, size: number): string {
  const { glyph, accent } = TRAY_COLORS[variant];
  const badge = { cx: 850, cy: 174, r: 165 };
  // The badge sits in a cut-out of the glyph so it reads at 16 px, even in one colour.
  const cut = `<mask id="badge-cut" maskUnits="userSpaceOnUse" x="0" y="0" width="1024" height="1024"><rect width="1024" height="1024" fill="#fff"/><circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r + 55}" fill="#000"/></mask>`;
  const use = (extra: string) =>
    `<use href="#glyph" x="-60" y="-60" width="1120" height="1120" fill="${glyph}"${extra}/>`;
  const parts: Record<TrayState, string> = {
    normal: use(''),
    newEarnings: `${use(' mask="url(#badge-cut)"')}<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r}" fill="${accent}"/>`,
    offline: use(' opacity="0.4"'),
    signedOut: `${use(' mask="url(#badge-cut)"')}<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r - 35}" fill="none" stroke="${glyph}" stroke-width="70"/>`,
  };
  return svgDocument(`${source.defs.replace('</defs>', `${cut}</defs>`)}${parts[state]}`, size);
}

export function appSvg(source: IconSource, size: number): string {
  return svgDocument(source.body, size);
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function renderPng(svg: string): Promise<Buffer> {
  // Fixed encoder settings and no metadata: the bytes depend on the drawing only.
  return sharp(Buffer.from(svg))
    .png({ compressionLevel: 9, adaptiveFiltering: false, palette: false, force: true })
    .toBuffer();
}

/** Renders every icon into outDir (emptied first) and writes the manifest; returns the files. */
export async function generateIcons(sourceFile = ICON_SOURCE, outDir = ICONS_DIR): Promise<IconFile[]> {
  const sourceText = await readFile(sourceFile, 'utf8');
  const source = parseIconSource(sourceText);
  await rm(outDir, { recursive: true, force: true });
  const files: IconFile[] = [];
  const emit = async (path: string, format: IconFile['format'], sizes: number[], data: Uint8Array) => {
    const file = join(outDir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
    files.push({ path, format, sizes, sha256: sha256(data) });
  };

  const app = new Map<number, Buffer>();
  for (const size of new Set([...APP_PNG_SIZES, ...APP_ICO_SIZES, ...APP_ICNS_TYPES.map(([, s]) => s)])) {
    app.set(size, await renderPng(appSvg(source, size)));
  }
  const appPng = (size: number) => app.get(size) as Buffer;
  for (const size of APP_PNG_SIZES) await emit(`png/${size}x${size}.png`, 'png', [size], appPng(size));

  const ico = new IconIco();
  for (const size of [...APP_ICO_SIZES].reverse()) await ico.addFromPng(appPng(size));
  await emit('icon.ico', 'ico', [...APP_ICO_SIZES], ico.encode());

  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, size] of APP_ICNS_TYPES) await icns.addFromPng(appPng(size), [type], true);
  await emit(
    'icon.icns',
    'icns',
    APP_ICNS_TYPES.map(([, size]) => size),
    icns.encode(),
  );

  for (const variant of TRAY_VARIANTS) {
    for (const state of TRAY_STATES) {
      const name = variant === 'template' ? `${state}Template` : state;
      for (const [suffix, size] of TRAY_SCALES) {
        await emit(
          `tray/${variant}/${name}${suffix}.png`,
          'png',
          [size],
          await renderPng(traySvg(source, state, variant, size)),
        );
      }
      if (variant === 'template') continue;
      const trayIco = new IconIco();
      for (const size of [...TRAY_ICO_SIZES].reverse()) {
        await trayIco.addFromPng(await renderPng(traySvg(source, state, variant, size)));
      }
      await emit(`tray/${variant}/${name}.ico`, 'ico', [...TRAY_ICO_SIZES], trayIco.encode());
    }
  }

  files.sort((a, b) => a.path.localeCompare(b.path));
  await writeFile(
    join(outDir, MANIFEST_FILE),
    `${JSON.stringify({ source: 'resources/icon.svg', sourceSha256: sha256(sourceText), files }, null, 2)}\n`,
  );
  return files;
}

if (import.meta.main) {
  const files = await generateIcons();
  console.log(`Wrote ${files.length} icons and ${MANIFEST_FILE} to ${ICONS_DIR}`);
}
