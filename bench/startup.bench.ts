// Startup and size of the browser shell, measured in one run in Chromium. Figures are printed,
// not asserted: they are for comparing builds on one machine, not pass/fail thresholds.
//  - time to a visible referral link in the browser shell, vs. the same probe on a static HTML
//    page that already contains the link (the floor: what the browser needs for any page);
//  - the renderer's initial JS (gzip) vs. React + ReactDOM's own (gzip).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createMemorySecretStore } from '../electron/core/secrets/secret-store.ts';
import {
  DEFAULT_RENDERER_DIR,
  DEFAULT_WEB_BRIDGE_FILE,
  PROJECT_ROOT,
  startBrowserShell,
} from '../electron/web/server.ts';
import { chromiumArgs, chromiumPath } from '../playwright.config.ts';
import { signInThroughBrowser } from '../test/support/sandbox-sign-in.ts';
import { type ColdLoad, coldLoad, startStaticFloor } from './support/cold-load.ts';
import { gzipBytes, reactBaselineGzip, rendererInitialJs } from './support/sizes.ts';
import { kB, median, ms, ratio } from './support/stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LINK = 'https://accounts.quantower.com/referral?referral_code=DEMO%2BPARTNER';

async function startupFigures(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'companion-bench-'));
  const shell = await startBrowserShell({ dataDir, mode: 'demo', secrets: createMemorySecretStore() });
  // Measured as a returning user: the shell's core signs in once (the session lives in core, so
  // every fresh page below opens signed in), through the sandbox's real sign-in flow.
  const started = await shell.companion.handlers.signIn({});
  await signInThroughBrowser(started.authorizeUrl ?? '');
  const floor = await startStaticFloor('referral-link', LINK);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    // One unmeasured load of each warms the sandbox, the disk cache of the OS and Chromium itself.
    await coldLoad(browser, shell.url, 'referral-link');
    await coldLoad(browser, floor.url, 'referral-link');
    const shellRuns: ColdLoad[] = [];
    const floorRuns: ColdLoad[] = [];
    for (let run = 0; run < RUNS; run++) {
      shellRuns.push(await coldLoad(browser, shell.url, 'referral-link'));
      floorRuns.push(await coldLoad(browser, floor.url, 'referral-link'));
    }
    const shellLink = median(shellRuns.map((t) => t.shown));
    const shellPaint = median(shellRuns.map((t) => t.firstContentfulPaint));
    const floorLink = median(floorRuns.map((t) => t.shown));
    const floorPaint = median(floorRuns.map((t) => t.firstContentfulPaint));
    console.log(
      `Startup in Chromium ${browser.version()} (median of ${RUNS} cold loads each, from navigation start)`,
    );
    console.log(`  browser shell, time to visible referral link : ${ms(shellLink)}`);
    console.log(`  static HTML page, first contentful paint     : ${ms(floorPaint)}  (the floor)`);
    console.log(`  ratio                                        : ${ratio(shellLink, floorPaint)} the floor`);
    console.log(`  (static page, link visible by the same probe : ${ms(floorLink)};`);
    console.log(`   browser shell, first contentful paint       : ${ms(shellPaint)})`);
    console.log(`  every run, browser shell link ms: ${shellRuns.map((t) => t.shown.toFixed(0)).join(' ')}`);
    console.log(
      `  every run, static page FCP ms   : ${floorRuns.map((t) => t.firstContentfulPaint.toFixed(0)).join(' ')}`,
    );
  } finally {
    await browser.close();
    await floor.close();
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
    `  renderer JS loaded at start                  : ${kB(rendererTotal)}  (${initial.map((f) => f.file).join(', ')}; the app after the first paint)`,
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
