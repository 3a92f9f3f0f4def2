// Startup and size of the browser shell, measured in one run in Chromium. Figures are printed,
// not asserted: they are for comparing builds on one machine, not pass/fail thresholds.
//  - time to a visible referral link in the browser shell, as a returning user, vs. the same page
//    as a static page served bare (the floor: the shell's own page after the app had filled the
//    cache, without its scripts, by a plain HTTP server) [≤ 1.5x]; also printed: that page with
//    the shell's security headers, and a one-line page;
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
import {
  coldLoad,
  compareColdLoads,
  reportAgainstStatic,
  startStaticCopies,
  startStaticFloor,
} from './support/cold-load.ts';
import { finish, part, withLimit } from './support/limits.ts';
import { gzipBytes, reactBaselineGzip, rendererInitialJs } from './support/sizes.ts';
import { kB, ratio } from './support/stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Cold loads of each page: twice the runs, a median of 7 moves too much with load. */
const LOADS = RUNS * 2;
const TEST_ID = 'referral-link';

async function startupFigures(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'companion-bench-'));
  const shell = await startBrowserShell({ dataDir, mode: 'demo', secrets: createMemorySecretStore() });
  const floor = await startStaticFloor(TEST_ID, 'https://accounts.quantower.com/referral?referral_code=X');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    // Measured as a returning user: the shell's core signs in once (the session lives in core, so
    // every fresh page below opens signed in), through the sandbox's real sign-in flow.
    await withLimit('sign in through the sandbox', 60_000, async () => {
      const started = await shell.companion.handlers.signIn({});
      await signInThroughBrowser(started.authorizeUrl ?? '');
    });
    // One load fills core's cache, so the shell serves the page pre-rendered with the link; that
    // page, without its scripts, is the floor.
    await coldLoad(browser, shell.url, TEST_ID);
    const served = await fetch(shell.url, { signal: AbortSignal.timeout(30_000) });
    const copies = await startStaticCopies(await served.text(), Object.fromEntries(served.headers), TEST_ID);
    try {
      const loads = await compareColdLoads(
        browser,
        { app: shell.url, bare: copies.bare.url, headers: copies.withHeaders.url, line: floor.url },
        TEST_ID,
        LOADS,
      );
      console.log(
        `Startup in Chromium ${browser.version()} (median of ${LOADS} cold loads each, from navigation start)`,
      );
      reportAgainstStatic(
        'Referral link visible (returning user)',
        { app: 'browser shell (a returning user)', page: 'the same page' },
        loads,
      );
    } finally {
      await copies.close();
    }
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

await part('startup', 240_000, startupFigures);
await part('initial JS', 120_000, sizeFigures);
finish();
