// Startup and size of the browser shell, measured in one run in Chromium. Figures are printed,
// not asserted: they are for comparing builds on one machine, not pass/fail thresholds.
//  - time to a visible referral link in the browser shell, vs. the same probe on a static HTML
//    page that already contains the link (the floor: what the browser needs for any page);
//  - the renderer's initial JS (gzip) vs. React + ReactDOM's own (gzip).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { createMemorySecretStore } from '../electron/core/secrets/secret-store.ts';
import {
  DEFAULT_RENDERER_DIR,
  DEFAULT_WEB_BRIDGE_FILE,
  PROJECT_ROOT,
  startBrowserShell,
} from '../electron/web/server.ts';
import { chromiumArgs, chromiumPath } from '../playwright.config.ts';
import { gzipBytes, reactBaselineGzip, rendererInitialJs } from './support/sizes.ts';
import { kB, median, ms, ratio } from './support/stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LINK = 'https://accounts.quantower.com/referral?referral_code=DEMO%2BPARTNER';

// Runs in the page before its own scripts: notes when the link element has text, after the frame
// that paints it. Both pages are timed with this same probe, from navigation start.
const LINK_PROBE = `(() => {
  const record = () => {
    const link = document.querySelector('[data-testid="referral-link"]');
    if (!link || !link.textContent || window.__linkVisibleAt !== undefined) return false;
    window.__linkVisibleAt = null;
    requestAnimationFrame(() => setTimeout(() => { window.__linkVisibleAt = performance.now(); }, 0));
    return true;
  };
  const observer = new MutationObserver(() => { if (record()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const STATIC_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static floor</title></head>
<body><main><h1>Referral link</h1><code data-testid="referral-link">${LINK}</code></main></body></html>`;

interface Timing {
  linkVisible: number;
  firstContentfulPaint: number;
}

async function measure(browser: Browser, url: string): Promise<Timing> {
  // A fresh context each time: cold HTTP cache, no cookie, like a first open.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(LINK_PROBE);
    await page.goto(url);
    await page.waitForFunction(
      () =>
        typeof (window as unknown as { __linkVisibleAt?: number | null }).__linkVisibleAt === 'number' &&
        performance.getEntriesByName('first-contentful-paint').length > 0,
      undefined,
      { timeout: 30_000 },
    );
    return await page.evaluate(() => ({
      linkVisible: (window as unknown as { __linkVisibleAt: number }).__linkVisibleAt,
      firstContentfulPaint:
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
  } finally {
    await context.close();
  }
}

async function startStaticServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(STATIC_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function startupFigures(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'companion-bench-'));
  const shell = await startBrowserShell({ dataDir, secrets: createMemorySecretStore() });
  const floor = await startStaticServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    // One unmeasured load of each warms the sandbox, the disk cache of the OS and Chromium itself.
    await measure(browser, shell.url);
    await measure(browser, floor.url);
    const shellRuns: Timing[] = [];
    const floorRuns: Timing[] = [];
    for (let run = 0; run < RUNS; run++) {
      shellRuns.push(await measure(browser, shell.url));
      floorRuns.push(await measure(browser, floor.url));
    }
    const shellLink = median(shellRuns.map((t) => t.linkVisible));
    const shellPaint = median(shellRuns.map((t) => t.firstContentfulPaint));
    const floorLink = median(floorRuns.map((t) => t.linkVisible));
    const floorPaint = median(floorRuns.map((t) => t.firstContentfulPaint));
    console.log(
      `Startup in Chromium ${browser.version()} (median of ${RUNS} cold loads each, from navigation start)`,
    );
    console.log(`  browser shell, time to visible referral link : ${ms(shellLink)}`);
    console.log(`  static HTML page, first contentful paint     : ${ms(floorPaint)}  (the floor)`);
    console.log(`  ratio                                        : ${ratio(shellLink, floorPaint)} the floor`);
    console.log(`  (static page, link visible by the same probe : ${ms(floorLink)};`);
    console.log(`   browser shell, first contentful paint       : ${ms(shellPaint)})`);
    console.log(
      `  every run, browser shell link ms: ${shellRuns.map((t) => t.linkVisible.toFixed(0)).join(' ')}`,
    );
    console.log(
      `  every run, static page FCP ms   : ${floorRuns.map((t) => t.firstContentfulPaint.toFixed(0)).join(' ')}`,
    );
  } finally {
    await browser.close();
    await new Promise((resolve) => floor.server.close(resolve));
    await shell.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function sizeFigures(): Promise<void> {
  const initial = await rendererInitialJs(DEFAULT_RENDERER_DIR);
  const rendererTotal = initial.reduce((sum, file) => sum + file.gzip, 0);
  const react = await reactBaselineGzip(PROJECT_ROOT);
  const { readFile } = await import('node:fs/promises');
  const webBridge = gzipBytes(await readFile(DEFAULT_WEB_BRIDGE_FILE));
  console.log('\nInitial JS, gzip -9');
  console.log(
    `  renderer initial JS                          : ${kB(rendererTotal)}  (${initial.map((f) => f.file).join(', ')})`,
  );
  console.log(
    `  React + ReactDOM alone                       : ${kB(react)}  (a minimal createRoot app bundled by Vite in production mode, minified)`,
  );
  console.log(
    `  ratio                                        : ${ratio(rendererTotal, react)} React + ReactDOM`,
  );
  console.log(
    `  browser shell page script (web-bridge.js)    : ${kB(webBridge)}  (browser shell only, the preload's counterpart; not in the figures above)`,
  );
}

await startupFigures();
await sizeFigures();
