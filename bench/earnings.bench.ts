// The earnings screens with 100,000 commissions in the sandbox, in Chromium on the browser shell.
// Printed, not asserted (targets in brackets):
//  - History interactive after opening the tab: first rows on screen [≤ 100 ms];
//  - a filter or sort change to its new first rows [≤ 50 ms];
//  - scrolling through thousands of rows: long tasks (> 50 ms) [none];
//  - renderer JS heap after scrolling, after a GC [≤ 60 MB];
//  - the dashboard visible from the snapshot cache vs the same dashboard as a static page [≤ 1.5×]
//    (also printed: vs that page with the shell's security headers, and vs a one-line page).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { RENDERER_SECURITY_HEADERS } from '../electron/core/content-security-policy.ts';
import { createMemorySecretStore } from '../electron/core/secrets/secret-store.ts';
import { startBrowserShell } from '../electron/web/server.ts';
import { chromiumArgs, chromiumPath } from '../playwright.config.ts';
import type { Profile } from '../shared/accounts-api.ts';
import { operator, partnerApi, signInShell } from '../test/e2e/support/earnings.ts';
import { coldLoad, startStaticFloor, startStaticPage } from './support/cold-load.ts';
import { median, ms, ratio } from './support/stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COMMISSIONS = Number(process.env.BENCH_COMMISSIONS ?? 100_000);

type Step =
  | { kind: 'click'; testId: string }
  | { kind: 'select'; changes: Array<[testId: string, value: string]> };

/**
 * Does one step in the page, then waits until the history shows rows (`until: 'rows'`) or
 * the first page of a new query (`until: 'new-query'`), after the frame that paints it; answers the ms.
 */
async function timeInPage(page: Page, step: Step, until: 'rows' | 'new-query'): Promise<number> {
  return page.evaluate(
    ({ step, until }) =>
      new Promise<number>((resolve, reject) => {
        const firstId = () =>
          document.querySelector('[data-testid="history-row"]')?.getAttribute('data-entry-id') ?? null;
        // Which query the rows on screen answer (set once its first page is shown).
        const itemsFor = () =>
          document.querySelector('[data-testid="history-list"]')?.getAttribute('data-items-for') ?? null;
        const before = itemsFor();
        const done = () =>
          until === 'rows'
            ? firstId() !== null
            : firstId() !== null && itemsFor() !== null && itemsFor() !== before;
        const started = performance.now();
        const timeout = setTimeout(
          () => reject(new Error(`Not done in 10 s: ${JSON.stringify(step)}`)),
          10_000,
        );
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timeout);
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        if (step.kind === 'click')
          (document.querySelector(`[data-testid="${step.testId}"]`) as HTMLElement).click();
        else
          for (const [testId, value] of step.changes) {
            const select = document.querySelector(`[data-testid="${testId}"]`) as HTMLSelectElement;
            select.value = value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
          }
      }),
    { step, until },
  );
}

/**
 * The floor for the history figures: the same rows, as static markup, put where the list is (same
 * stylesheet, same browser, no script) and timed the same way — until the frame that paints them.
 */
async function staticRowsInPage(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const list = document.querySelector('[data-testid="history-list"]') as HTMLElement;
        const html = list.outerHTML.replaceAll('data-testid="', 'data-floor-testid="');
        const host = document.createElement('div');
        list.style.display = 'none';
        const started = performance.now();
        host.innerHTML = html;
        list.after(host);
        requestAnimationFrame(() =>
          setTimeout(() => {
            const elapsed = performance.now() - started;
            host.remove();
            list.style.display = '';
            resolve(elapsed);
          }, 0),
        );
      }),
  );
}

/** The served page as a static page: no scripts (the app, the web bridge), no embedded state. */
function staticCopy(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/giu, '')
    .replace(/<link rel="modulepreload"[^>]*>/giu, '')
    .replace('<div id="root" inert>', '<div id="root">');
}

function securityHeadersOf(headers: Record<string, string>): Record<string, string> {
  const names = Object.keys(RENDERER_SECURITY_HEADERS);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => names.includes(name)));
}

const dataDir = await mkdtemp(join(tmpdir(), 'companion-bench-earnings-'));
const shell = await startBrowserShell({ dataDir, mode: 'demo', secrets: createMemorySecretStore() });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const floor = await startStaticFloor('earnings-available', '$38.40');
try {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(shell.url);
  await signInShell(page, context);

  const seeding = performance.now();
  const me = await (await partnerApi(shell.companion.info.accountsUrl as string))<Profile>('/api/v1/me');
  await operator(shell.companion.info.accountsUrl as string, '/operator/history', {
    partnerId: me.partnerId,
    referrals: 1_000,
    purchases: COMMISSIONS,
    days: 365,
  });
  console.log(
    `Seeded ${COMMISSIONS.toLocaleString('en-US')} commissions in ${ms(performance.now() - seeding)}`,
  );
  console.log(`Chromium ${browser.version()}, median of ${RUNS} runs each\n`);

  // History interactive after opening: a fresh page each run (no rows in memory), click the tab.
  const base = shell.url.split('?')[0] as string;
  const opening: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}?run=${run}#referral`);
    await page.getByTestId('tab-history').waitFor();
    opening.push(await timeInPage(page, { kind: 'click', testId: 'tab-history' }, 'rows'));
  }
  console.log(
    `History: first rows after opening the tab      : ${ms(median(opening))}  [≤ 100 ms]  runs: ${opening.map((v) => v.toFixed(0)).join(' ')}`,
  );

  // Filter / sort: change a select, until the first row is a different entry.
  const sorting: number[] = [];
  const filtering: number[] = [];
  const sort = (value: string): Step => ({ kind: 'select', changes: [['history-sort', value]] });
  for (let run = 0; run < RUNS; run++) {
    sorting.push(await timeInPage(page, sort('amount-desc'), 'new-query'));
    sorting.push(await timeInPage(page, sort('date-desc'), 'new-query'));
    // Earned entries only; then every type again.
    filtering.push(
      await timeInPage(page, { kind: 'select', changes: [['history-type', 'earned']] }, 'new-query'),
    );
    filtering.push(
      await timeInPage(page, { kind: 'select', changes: [['history-type', 'all']] }, 'new-query'),
    );
  }
  // The floor, measured now in the same page: the rows on screen as a static list.
  const staticRows: number[] = [];
  for (let run = 0; run < RUNS * 2; run++) staticRows.push(await staticRowsInPage(page));
  const rowsFloor = median(staticRows);
  console.log(`History: sort change to new first rows         : ${ms(median(sorting))}  [≤ 50 ms]`);
  console.log(`History: filter change to new first rows       : ${ms(median(filtering))}  [≤ 50 ms]`);
  console.log(`History: the same rows as a static list (floor): ${ms(rowsFloor)}`);
  console.log(
    `  Ratios to the floor: first rows ${ratio(median(opening), rowsFloor)}, sort ${ratio(median(sorting), rowsFloor)}, filter ${ratio(median(filtering), rowsFloor)}  (absolute targets above; the ratios travel between machines)`,
  );

  // Scrolling: 300 steps of 600 px, one per frame, loading pages on the way; long tasks observed.
  const scroll = await page.evaluate(
    () =>
      new Promise<{ longTasks: number[]; rows: number; seconds: number }>((resolve) => {
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        const list = document.querySelector('[data-testid="history-list"]') as HTMLElement;
        const started = performance.now();
        let step = 0;
        const next = () => {
          list.scrollTop += 600;
          step++;
          if (step < 300) requestAnimationFrame(next);
          else
            setTimeout(() => {
              observer.disconnect();
              resolve({
                longTasks,
                rows: Math.round(list.scrollTop / 58),
                seconds: (performance.now() - started) / 1000,
              });
            }, 200);
        };
        requestAnimationFrame(next);
      }),
  );
  console.log(
    `History: scrolling ${scroll.rows.toLocaleString('en-US')} rows in ${scroll.seconds.toFixed(1)} s   : ${scroll.longTasks.length} long tasks${scroll.longTasks.length ? ` (max ${ms(Math.max(...scroll.longTasks))})` : ''}  [none]`,
  );

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const rowsInDom = await page.getByTestId('history-row').count();
  console.log(
    `Renderer JS heap after scrolling, after GC     : ${(heap.usedSize / 1_000_000).toFixed(1)} MB  [≤ 60 MB]  (${rowsInDom} rows in the DOM)`,
  );

  // The dashboard from the snapshot cache, as a returning user opens the companion: it reopens on
  // the section used last (Earnings here), pre-rendered by the shell from core's cache.
  await page.getByTestId('tab-earnings').click();
  await page.getByTestId('earnings-available').waitFor();
  // The same dashboard as a static page: the shell's HTML without any script or state, served as
  // it is by a plain HTTP server, bare and with the shell's own response headers.
  const served = await context.request.get(`${base}`);
  const dashboardHtml = staticCopy(await served.text());
  const dashboardHeaders = securityHeadersOf(served.headers());
  const staticDashboard = await startStaticPage(dashboardHtml);
  const staticDashboardHeaders = await startStaticPage(dashboardHtml, dashboardHeaders);
  const targets = {
    app: shell.url,
    floor: floor.url,
    dashboard: staticDashboard.url,
    dashboardHeaders: staticDashboardHeaders.url,
  };
  const shown: Record<keyof typeof targets, number[]> = {
    app: [],
    floor: [],
    dashboard: [],
    dashboardHeaders: [],
  };
  const painted: Record<keyof typeof targets, number[]> = {
    app: [],
    floor: [],
    dashboard: [],
    dashboardHeaders: [],
  };
  try {
    for (const url of Object.values(targets)) await coldLoad(browser, url, 'earnings-available');
    for (let run = 0; run < RUNS * 3; run++)
      for (const [name, url] of Object.entries(targets) as Array<[keyof typeof targets, string]>) {
        const load = await coldLoad(browser, url, 'earnings-available');
        shown[name].push(load.shown);
        painted[name].push(load.firstContentfulPaint);
      }
  } finally {
    await staticDashboard.close();
    await staticDashboardHeaders.close();
  }
  // Both ways of saying "on screen": the probe (the element has its text, then a frame) and the
  // browser's own first contentful paint. Pre-rendered, the dashboard is part of the first paint.
  const fcp = (name: keyof typeof targets) => median(painted[name]);
  const probe = (name: keyof typeof targets) => median(shown[name]);
  console.log(
    `\nDashboard from the cache, cold page load (median of ${RUNS * 3} each, from navigation start)`,
  );
  console.log('                                               first paint   figures (probe)');
  const row = (label: string, name: keyof typeof targets) =>
    console.log(`  ${label.padEnd(45)}${ms(fcp(name)).padStart(8)}      ${ms(probe(name)).padStart(8)}`);
  row('app (pre-rendered from the cache)', 'app');
  row('the same dashboard as a static page (bare)', 'dashboard');
  row("… with the shell's security headers", 'dashboardHeaders');
  row('a one-line static page', 'floor');
  console.log(
    `  Ratio to the same dashboard as a static page : ${ratio(fcp('app'), fcp('dashboard'))} first paint, ${ratio(probe('app'), probe('dashboard'))} probe  [≤ 1.5x]`,
  );
  console.log(
    `  Ratio to it with the same headers            : ${ratio(fcp('app'), fcp('dashboardHeaders'))} first paint, ${ratio(probe('app'), probe('dashboardHeaders'))} probe`,
  );
  console.log(
    `  Ratio to the one-line page's first paint     : ${ratio(fcp('app'), fcp('floor'))} first paint, ${ratio(probe('app'), fcp('floor'))} probe`,
  );
  console.log(`  every run, app ms: ${shown.app.map((v) => v.toFixed(0)).join(' ')}`);
  await context.close();
} finally {
  await browser.close();
  await floor.close();
  await shell.close();
  await rm(dataDir, { recursive: true, force: true });
}
