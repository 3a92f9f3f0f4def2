// What the startup benches share: a cold page load in a fresh context, timed by one probe that
// notes when an element first has text (after the frame that paints it); the floor they are read
// against, the same page as the shell served it made static and served bare; a one-line static page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { RENDERER_SECURITY_HEADERS } from '../../electron/core/content-security-policy.ts';
import { median, ms, ratio } from './stats.ts';
import { ratioTarget } from './targets.ts';

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

/** A page the shell served, as a static page: no scripts (the app, the web bridge), no embedded state. */
export function staticCopy(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/giu, '')
    .replace(/<link rel="modulepreload"[^>]*>/giu, '')
    .replace('<div id="root" inert>', '<div id="root">');
}

export interface StaticCopies {
  /** The static copy served bare by a plain HTTP server: the floor the app is read against. */
  bare: StaticPage;
  /** The same, with the shell's own security headers (what those cost, printed as detail). */
  withHeaders: StaticPage;
  close(): Promise<void>;
}

/**
 * The page as the shell served it (`html`, with its response `headers`), as a static page served
 * as it is by plain HTTP servers. Throws unless it already shows text under `testId`, as the app
 * does once pre-rendered from the cache (so load the app once before taking its page).
 */
export async function startStaticCopies(
  html: string,
  headers: Record<string, string>,
  testId: string,
): Promise<StaticCopies> {
  const page = staticCopy(html);
  if (!new RegExp(`data-testid="${testId}"[^>]*>[^<]`, 'u').test(page))
    throw new Error(`The served page has no text under ${testId}: not pre-rendered from the cache?`);
  const names = Object.keys(RENDERER_SECURITY_HEADERS);
  const security = Object.fromEntries(Object.entries(headers).filter(([name]) => names.includes(name)));
  const bare = await startStaticPage(page);
  const withHeaders = await startStaticPage(page, security);
  return {
    bare,
    withHeaders,
    close: async () => {
      await bare.close();
      await withHeaders.close();
    },
  };
}

export interface ColdLoads {
  /** Medians, ms from navigation start. */
  shown: number;
  firstContentfulPaint: number;
  runs: ColdLoad[];
}

/**
 * Cold loads of each page in turn, `runs` rounds (so load on the machine falls on all alike), after
 * one unmeasured round that warms the servers, the OS's disk cache and Chromium itself.
 */
export async function compareColdLoads<Name extends string>(
  browser: Browser,
  urls: Record<Name, string>,
  testId: string,
  runs: number,
): Promise<Record<Name, ColdLoads>> {
  const names = Object.keys(urls) as Name[];
  const loads = Object.fromEntries(names.map((name) => [name, [] as ColdLoad[]])) as Record<Name, ColdLoad[]>;
  for (const name of names) await coldLoad(browser, urls[name], testId);
  for (let run = 0; run < runs; run++)
    for (const name of names) loads[name].push(await coldLoad(browser, urls[name], testId));
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        shown: median(loads[name].map((load) => load.shown)),
        firstContentfulPaint: median(loads[name].map((load) => load.firstContentfulPaint)),
        runs: loads[name],
      },
    ]),
  ) as Record<Name, ColdLoads>;
}

/** The app and the pages it is read against, cold loaded by compareColdLoads. */
export type AgainstStatic = Record<'app' | 'bare' | 'headers' | 'line', ColdLoads>;

/**
 * The medians as a table (the browser's first contentful paint and the probe, a row a page), then
 * the target: the app's probe against the same page static and bare [≤ 1.5x]; the ratios to that
 * page with the shell's headers and to the one-line page as detail.
 */
export function reportAgainstStatic(
  figure: string,
  labels: { app: string; page: string },
  loads: AgainstStatic,
): void {
  console.log(`  ${''.padEnd(44)}${'first paint'.padStart(12)}${'probe'.padStart(10)}`);
  const rows: Array<[string, ColdLoads]> = [
    [labels.app, loads.app],
    [`${labels.page} as a static page (bare)`, loads.bare],
    ["… with the shell's security headers", loads.headers],
    ['a one-line static page', loads.line],
  ];
  for (const [label, row] of rows)
    console.log(
      `  ${label.padEnd(44)}${ms(row.firstContentfulPaint).padStart(12)}${ms(row.shown).padStart(10)}`,
    );
  const { app, bare, headers, line } = loads;
  ratioTarget(
    figure,
    app.shown,
    bare.shown,
    1.5,
    `(${ms(app.shown)} vs ${ms(bare.shown)} for ${labels.page} static and bare; first paint ${ratio(app.firstContentfulPaint, bare.firstContentfulPaint)})`,
  );
  console.log(
    `  vs it with the same headers: ${ratio(app.shown, headers.shown)} (first paint ${ratio(app.firstContentfulPaint, headers.firstContentfulPaint)}); vs the one-line page's first paint: ${ratio(app.shown, line.firstContentfulPaint)}`,
  );
  console.log(`  every run, app ms        : ${app.runs.map((load) => load.shown.toFixed(0)).join(' ')}`);
  console.log(`  every run, static page ms: ${bare.runs.map((load) => load.shown.toFixed(0)).join(' ')}`);
}
