// The renderer's index.html as both shells serve it: the stylesheet inlined (allowed by its hash)
// and, when core has a state to show, the app pre-rendered into #root with that state embedded
// for the app's stores (docs/first-paint.md). The page then paints the user's figures from the
// HTML alone, before a byte of the app's script has run. Any problem falls back to the plain page,
// which works as before: pre-rendering only makes it faster.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage } from '../../../shared/error-message.ts';
import { FirstPaint } from '../../../shared/first-paint.ts';
import { FIRST_PAINT_ELEMENT_ID, firstPaintJson } from '../../../shared/first-paint-element.ts';
import { contentSecurityPolicy, rendererSecurityHeaders } from '../content-security-policy.ts';
import { consoleWarn } from '../logging/logger.ts';

/** The pre-rendering entry of the renderer build (renderer/src/first-paint/render-first-paint.tsx). */
export type FirstPaintRenderer = (state: FirstPaint) => { html: string; lang: string };

export interface IndexPage {
  /** The page and its headers; with a state (and a renderer), pre-rendered from it. */
  render(state: FirstPaint | null): { html: string; headers: Record<string, string> };
}

export interface IndexPageOptions {
  /** The built index.html, with any shell-specific additions already made. */
  html: string;
  /** Reads a file of the renderer build by its URL in the page (e.g. ./assets/style-abc.css). */
  readAsset: (path: string) => Promise<string>;
  renderer?: FirstPaintRenderer | null;
  log?: (message: string) => void;
}

const STYLESHEET = /<link\s[^>]*rel="stylesheet"[^>]*>/giu;
const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/iu;
const ROOT = '<div id="root"></div>';
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;

export class IndexPageError extends Error {
  override name = 'IndexPageError';
}

export async function prepareIndexPage(options: IndexPageOptions): Promise<IndexPage> {
  const log = options.log ?? consoleWarn;
  if (!options.html.includes(ROOT)) throw new IndexPageError(`The renderer index.html has no ${ROOT}.`);
  const styleHashes: string[] = [];
  let template = options.html;
  for (const link of options.html.match(STYLESHEET) ?? []) {
    const href = /\shref="([^"]+)"/u.exec(link)?.[1];
    if (!href) throw new IndexPageError(`A stylesheet link without href: ${link}`);
    const css = await options.readAsset(href);
    if (/<\/style/iu.test(css)) throw new IndexPageError(`${href} cannot be inlined: it contains "</style".`);
    styleHashes.push(`sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`);
    template = template.replace(link, () => `<style>${css}</style>`);
  }
  template = template.replace(
    CSP_META,
    (_match, start: string, end: string) =>
      `${start}${contentSecurityPolicy({ styleHashes, forMeta: true })}${end}`,
  );
  const headers = rendererSecurityHeaders({ styleHashes });
  const renderer = options.renderer ?? null;

  return {
    render(state) {
      if (!state || !renderer) return { html: template, headers };
      try {
        const valid = FirstPaint.parse(state);
        const { html: markup, lang } = renderer(valid);
        const theme = valid.settings.ui.theme;
        const html = template
          .replace(
            /<html lang="[^"]*"/u,
            `<html lang="${LANGUAGE_TAG.test(lang) ? lang : 'en'}"${theme === 'system' ? '' : ` data-theme="${theme}"`}`,
          )
          .replace(
            ROOT,
            () =>
              `<div id="root" inert>${markup}</div>\n    <script type="application/json" id="${FIRST_PAINT_ELEMENT_ID}">${firstPaintJson(valid)}</script>`,
          );
        return { html, headers };
      } catch (error) {
        log(`first paint: serving the page without pre-rendering: ${errorMessage(error)}`);
        return { html: template, headers };
      }
    },
  };
}

/** Loads the pre-rendering module; null (with the reason logged) when it is missing or wrong. */
export async function loadFirstPaintRenderer(
  file: string,
  log: (message: string) => void = consoleWarn,
): Promise<FirstPaintRenderer | null> {
  try {
    const module: unknown = await import(pathToFileURL(file).href);
    const render = (module as { renderFirstPaint?: unknown }).renderFirstPaint;
    if (typeof render !== 'function') throw new Error('it does not export renderFirstPaint');
    return render as FirstPaintRenderer;
  } catch (error) {
    log(
      `first paint: no pre-rendering (${file}: ${errorMessage(error)}); build it with: npm run build:renderer`,
    );
    return null;
  }
}

/**
 * The whole preparation from a renderer build directory and the pre-rendering module beside it
 * (Electron's app:// handler; the browser shell adds its web bridge to the HTML first).
 */
export async function loadIndexPage(options: {
  rendererDir: string;
  firstPaintModule: string | null;
  log?: (message: string) => void;
}): Promise<IndexPage> {
  return prepareIndexPage({
    html: await readIndexHtml(options.rendererDir),
    readAsset: rendererAssetReader(options.rendererDir),
    renderer: options.firstPaintModule
      ? await loadFirstPaintRenderer(options.firstPaintModule, options.log)
      : null,
    ...(options.log ? { log: options.log } : {}),
  });
}

/** The built index.html, or an error naming the command that builds it. */
export async function readIndexHtml(rendererDir: string): Promise<string> {
  const file = join(rendererDir, 'index.html');
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new IndexPageError(
      `The renderer bundle is missing (${file}). Build it with: npm run build:renderer`,
    );
  }
}

/** Reads a renderer asset by its URL in the page, from the build directory. */
export function rendererAssetReader(rendererDir: string): (path: string) => Promise<string> {
  return async (path) => {
    const relative = path.replace(/^\.?\//u, '');
    if (relative.split('/').some((part) => part === '..' || part === '')) {
      throw new IndexPageError(`Not an asset path: ${path}`);
    }
    return readFile(new URL(relative, pathToFileURL(`${rendererDir}/`)), 'utf8');
  };
}
