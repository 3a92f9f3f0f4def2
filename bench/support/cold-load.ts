// What the startup benches share: a cold page load in a fresh context, timed by one probe that
// notes when an element first has text (after the frame that paints it), and the static page that
// is the floor for any page in this browser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';

export interface ColdLoad {
  /** ms from navigation start until the element with the test id had text on screen. */
  shown: number;
  firstContentfulPaint: number;
}

/** Runs in the page before its own scripts; the same probe times the app and the static floor. */
function probe(testId: string): string {
  return `(() => {
  const record = () => {
    const element = document.querySelector(${JSON.stringify(`[data-testid="${testId}"]`)});
    if (!element || !element.textContent || window.__shownAt !== undefined) return false;
    window.__shownAt = null;
    requestAnimationFrame(() => setTimeout(() => { window.__shownAt = performance.now(); }, 0));
    return true;
  };
  const observer = new MutationObserver(() => { if (record()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

/** A fresh context each time: cold HTTP cache, no cookie, like a first open. */
export async function coldLoad(browser: Browser, url: string, testId: string): Promise<ColdLoad> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(probe(testId));
    await page.goto(url);
    await page.waitForFunction(
      () =>
        typeof (window as unknown as { __shownAt?: number | null }).__shownAt === 'number' &&
        performance.getEntriesByName('first-contentful-paint').length > 0,
      undefined,
      { timeout: 30_000 },
    );
    return await page.evaluate(() => ({
      shown: (window as unknown as { __shownAt: number }).__shownAt,
      firstContentfulPaint:
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
  } finally {
    await context.close();
  }
}

/** A static HTML page that already shows `text` under the test id: what any page costs at least. */
export function startStaticFloor(testId: string, text: string): Promise<StaticPage> {
  return startStaticPage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static floor</title></head>
<body><main><p data-testid="${testId}">${text}</p></main></body></html>`);
}

export interface StaticPage {
  url: string;
  close(): Promise<void>;
}

/** Serves one HTML page as it is, by a plain HTTP server, with the given response headers. */
export async function startStaticPage(
  html: string,
  headers: Record<string, string> = {},
): Promise<StaticPage> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
