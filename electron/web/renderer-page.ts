// The renderer's index.html, as the browser shell serves it: the same file Electron loads,
// plus one classic script that plays the preload's part (it defines window.companion).
// Deferred scripts and module scripts run in document order once the page is parsed, so a deferred
// script placed before the app's module script always runs first, without blocking rendering.
import { readFile } from 'node:fs/promises';
import { readIndexHtml } from '../core/first-paint/index-page.ts';

export const WEB_BRIDGE_PATH = '/shell/web-bridge.js';
const BRIDGE_TAG = `<script defer src="${WEB_BRIDGE_PATH}"></script>`;

export class RendererBundleError extends Error {
  override name = 'RendererBundleError';
}

/** Inserts the web bridge before the first script of the page. */
export function injectWebBridge(html: string): string {
  if (html.includes(BRIDGE_TAG)) return html;
  const firstScript = html.search(/<script\b/iu);
  if (firstScript === -1) {
    throw new RendererBundleError('The renderer index.html has no <script>: is it the built bundle?');
  }
  return `${html.slice(0, firstScript)}${BRIDGE_TAG}\n    ${html.slice(firstScript)}`;
}

/** Reads index.html once at start (failing with the command that fixes it) and adds the web bridge. */
export async function loadRendererPage(rendererDir: string): Promise<string> {
  return injectWebBridge(await readIndexHtml(rendererDir));
}

export async function loadWebBridge(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new RendererBundleError(
      `The browser shell's page script is missing (${file}). Build it with: npm run build:web`,
    );
  }
}
