// The earnings screens against the sandbox: seed the world through its operator controls, then
// check every figure on screen against the sandbox's own API (read with a sign-in of the test's
// own), the CSV against the API's entries, the Russian UI for English leftovers, the stale mode
// after the accounts server stops, and the disqualified view.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type {
  Balance,
  EarningsSeries,
  HistoryEntry,
  HistoryPage,
  Profile,
  ProgramStatus,
  ReferralStatsPage,
  TermsInfo,
} from '../../shared/accounts-api.ts';
import { en, ru } from '../../shared/i18n/resources.ts';
import { centsToDecimalString, formatCents } from '../../shared/money.ts';
import { sandboxDriver } from '../support/sandbox-driver.ts';
import { sandboxAuthHeaders } from '../support/sandbox-sign-in.ts';
import { operator, partnerApi } from './support/earnings.ts';
import { expect, openSignedIn as openShellSignedIn, test } from './support/fixtures.ts';
import { freePort, type RunningShell, startSandboxProcess, startShellProcess } from './support/processes.ts';

test.use({ locale: 'en-US', timezoneId: 'UTC' });
// A shell of this file's own, its tests in order: they publish new terms and end by disqualifying
// the partner, which would change every figure another spec sees.
test.describe.configure({ mode: 'serial' });

const usd = (cents: number) => formatCents(cents, 'en-US');
let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShellProcess();
});
test.afterAll(async () => {
  await shell?.stop();
});

async function openSignedIn(page: Page) {
  await openShellSignedIn(page, shell);
  await expect(page.getByTestId('tab-earnings')).toBeVisible();
}

/** Seeds: two new referrals, three purchases, a partial refund, new terms (rate and minimums). */
async function seedWorld() {
  const world = sandboxDriver(shell.accountsUrl, await sandboxAuthHeaders(shell.accountsUrl));
  const anna = await world.registerReferral('Анна, "E2E" Тест');
  const bob = await world.registerReferral('Bob E2E');
  const first = await world.purchase(anna, 'crypto-1y');
  await world.purchase(anna, 'tpo-1m');
  await world.purchase(bob, 'all-in-one-6m');
  await operator(shell.accountsUrl, `/operator/purchases/${first.id}/refunds`, { amountCents: 1_234 });
  await operator(shell.accountsUrl, '/operator/terms', {
    rateBp: 1750,
    minPayoutCents: 600_000,
    minReferrals: 9,
    holdDays: 0,
    summary: 'E2E terms: 17.5%, $6,000 and 9 referrals.',
  });
}

test('every figure on the dashboard, history, referrals and chart is the sandbox ledger’s, to the cent', async ({
  page,
}) => {
  await openSignedIn(page);
  await seedWorld();
  const get = await partnerApi(shell.accountsUrl);
  const balance = await get<Balance>('/api/v1/balance');
  const program = await get<ProgramStatus>('/api/v1/program');
  const terms = await get<TermsInfo>('/api/v1/terms');

  await page.getByTestId('tab-earnings').click();
  const available = page.getByTestId('earnings-available');
  await expect(available).toHaveAttribute('data-cents', String(balance.availableCents));
  await expect(available).toHaveText(usd(balance.availableCents));
  if (balance.pendingCents !== 0)
    await expect(page.getByTestId('earnings-pending')).toHaveText(usd(balance.pendingCents));
  else await expect(page.getByTestId('earnings-pending')).toHaveCount(0);
  await expect(page.getByTestId('earnings-paid-out')).toHaveText(usd(balance.paidOutCents));
  await expect(page.getByTestId('earnings-credited')).toHaveText(usd(balance.creditedCents));
  await expect(page.getByTestId('earnings-cancelled')).toHaveText(usd(balance.cancelledCents));
  await expect(page.getByTestId('earnings-total')).toHaveText(
    usd(balance.earnedCents - balance.reversedCents),
  );

  // Readiness: the thresholds of the terms in force (just published), not constants.
  await expect(page.getByTestId('readiness-amount')).toHaveText(
    `${usd(program.withdrawal.availableCents)} of ${usd(program.withdrawal.minPayoutCents)}`,
  );
  await expect(page.getByTestId('readiness-referrals')).toHaveText(
    `${program.referralsCount} of ${program.withdrawal.minReferrals} referrals`,
  );
  expect(program.withdrawal.eligible).toBe(false);
  await expect(page.getByTestId('request-payout')).toBeDisabled();

  // Terms: the version in force and what changed.
  expect(terms.current.rateBp).toBe(1750);
  await expect(page.getByTestId('terms-rate')).toHaveText('17.5%');
  await expect(page.getByTestId('terms-min-payout')).toHaveText(usd(terms.current.minPayoutCents));
  await expect(page.getByTestId('terms-min-referrals')).toHaveText(String(terms.current.minReferrals));
  await expect(page.getByTestId('terms-version')).toContainText(`Version ${terms.current.version}`);
  await expect(page.getByTestId('terms-changes')).toContainText('commission 15% → 17.5%');

  // The chart's table: each day's earned and reversed cents.
  const series = await get<EarningsSeries>('/api/v1/earnings-series?bucket=day');
  await page.getByText('Earnings per period').click();
  const table = page.getByTestId('earnings-series-table');
  await expect(table.locator('tbody tr')).toHaveCount(series.points.length);
  for (const point of series.points) {
    const cells = table.locator(`tr[data-start="${point.start}"] td`);
    await expect(cells.nth(0)).toHaveAttribute('data-cents', String(point.earnedCents));
    await expect(cells.nth(0)).toHaveText(usd(point.earnedCents));
    await expect(cells.nth(1)).toHaveText(usd(point.reversedCents));
  }
  await expect(page.getByTestId('earnings-chart-canvas').locator('canvas')).toHaveCount(1);

  // History: each row on screen is the API's entry, same cents.
  const history = await get<HistoryPage>('/api/v1/history?limit=200&sort=date-desc');
  await page.getByTestId('tab-history').click();
  const rows = page.getByTestId('history-row');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.evaluateAll((elements) =>
    elements.map((element) => ({
      id: element.getAttribute('data-entry-id'),
      cents: element.querySelector('[data-testid="history-amount"]')?.getAttribute('data-cents'),
      text: element.querySelector('[data-testid="history-amount"]')?.textContent,
    })),
  );
  expect(shown.length).toBeGreaterThan(3);
  const byId = new Map(history.items.map((entry) => [entry.id, entry]));
  for (const row of shown) {
    const entry = byId.get(row.id ?? '');
    expect(entry, `entry ${row.id}`).toBeDefined();
    expect(row.cents).toBe(String(entry?.amountCents));
    expect(row.text).toBe(usd(entry?.amountCents ?? Number.NaN));
  }
  // The newest entries first, as the API orders them.
  expect(shown.slice(0, 3).map((row) => row.id)).toEqual(history.items.slice(0, 3).map((entry) => entry.id));

  // A filter narrows on the server: reversals only.
  await page.getByTestId('history-type').selectOption('reversed');
  const reversals = await get<HistoryPage>('/api/v1/history?limit=200&types=reversed');
  await expect(page.getByTestId('history-count')).toHaveText(
    reversals.items.length === 1 ? '1 entry shown' : `${reversals.items.length} entries shown`,
  );
  await expect(rows.first()).toHaveAttribute('data-type', 'reversed');

  // Referrals: purchases, paid and brought per person, e-mails masked as served.
  const stats = await get<ReferralStatsPage>('/api/v1/referral-stats?limit=100');
  await page.getByTestId('tab-referrals').click();
  await expect(page.getByTestId('referral-row')).toHaveCount(stats.items.length);
  for (const referral of stats.items) {
    const row = page.locator(`[data-testid="referral-row"][data-referral-id="${referral.id}"]`);
    await expect(row.getByTestId('referral-email')).toHaveText(referral.emailMasked);
    await expect(row.getByTestId('referral-commission')).toHaveAttribute(
      'data-cents',
      String(referral.commissionCents),
    );
    await expect(row.getByTestId('referral-paid')).toHaveAttribute('data-cents', String(referral.paidCents));
    await expect(row.getByTestId('referral-purchases')).toHaveText(
      `${referral.purchasesCount} purchase${referral.purchasesCount === 1 ? '' : 's'}`,
    );
  }
});

test('the CSV export holds exactly the API’s entries, with the same cents', async ({ page }) => {
  await openSignedIn(page);
  await page.getByTestId('tab-history').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('csv-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('quantower-referral-history_start_now.csv');
  const text = await readFile((await download.path()) as string, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parse(text.slice(1)) as string[][];

  const get = await partnerApi(shell.accountsUrl);
  const entries: HistoryEntry[] = [];
  let cursor: string | null = null;
  do {
    const page_: HistoryPage = await get<HistoryPage>(
      `/api/v1/history?limit=500&sort=date-asc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    entries.push(...page_.items);
    cursor = page_.nextCursor;
  } while (cursor);

  const column = (name: string) => (header ?? []).indexOf(name);
  expect(rows.map((row) => row[column('entry_id')])).toEqual(entries.map((entry) => entry.id));
  expect(rows.map((row) => row[column('amount')])).toEqual(
    entries.map((entry) => centsToDecimalString(entry.amountCents)),
  );
  expect(rows.map((row) => row[column('type')])).toEqual(entries.map((entry) => entry.type));
  expect(rows.map((row) => row[column('referral_name')])).toEqual(
    entries.map((entry) => entry.referralName ?? ''),
  );
  await expect(page.getByTestId('csv-done')).toHaveText(`Saved ${entries.length} entries`);
});

test('the Russian UI has no English left on the earnings screens', async ({ page }) => {
  await openSignedIn(page);
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('setting-language').selectOption('ru');
  await expect(page.getByTestId('tab-earnings')).toHaveText(ru.earnings.tabs.earnings);

  // Every English string that differs in Russian (placeholders aside) must be gone.
  const english = new Set<string>();
  const collect = (enTree: unknown, ruTree: unknown) => {
    for (const [key, value] of Object.entries(enTree as Record<string, unknown>)) {
      const other = (ruTree as Record<string, unknown>)[key];
      if (typeof value === 'string') {
        if (!value.includes('{{') && value !== other) english.add(value);
      } else collect(value, other);
    }
  };
  collect(en.earnings, ru.earnings);
  collect(en.common, ru.common);

  for (const section of ['earnings', 'history', 'referrals'] as const) {
    await page.getByTestId(`tab-${section}`).click();
    await expect(page.getByTestId(`section-${section}`)).toBeVisible();
    if (section === 'earnings') await expect(page.getByTestId('earnings-available')).toBeVisible();
    if (section === 'history') await expect(page.getByTestId('history-row').first()).toBeVisible();
    if (section === 'referrals') await expect(page.getByTestId('referral-row').first()).toBeVisible();
    // Every text node and every accessible name or hint: what a reader or a screen reader meets.
    const lines = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const text = walker.currentNode.textContent?.trim();
        if (text) found.push(text);
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]'))
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = element.getAttribute(name)?.trim();
          if (value) found.push(value);
        }
      return found;
    });
    const leftovers = lines.filter((line) => english.has(line));
    expect(leftovers, `English on the ${section} screen`).toEqual([]);
    // Money and dates in the Russian format.
    if (section === 'earnings')
      await expect(page.getByTestId('earnings-available')).toHaveText(/^-?[\d\s\u00a0]+,\d{2}\s\$$/u);
  }
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('setting-language').selectOption('en');
});

test('a disqualified partner sees why, the cancelled amount, and no action that cannot work', async ({
  page,
}) => {
  await openSignedIn(page);
  const get = await partnerApi(shell.accountsUrl);
  const me = await get<Profile>('/api/v1/me');
  await operator(shell.accountsUrl, `/operator/partners/${encodeURIComponent(me.partnerId)}/disqualify`, {
    reason: 'Self-referral through a second account (E2E)',
  });
  const balance = await get<Balance>('/api/v1/balance');
  await page.getByTestId('tab-earnings').click();
  await page.getByTestId('earnings-refresh').click();
  const notice = page.getByTestId('earnings-disqualified');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(usd(balance.cancelledCents));
  await expect(notice).toContainText('Self-referral through a second account (E2E)');
  await expect(page.getByTestId('earnings-cancelled')).toHaveText(usd(balance.cancelledCents));
  await expect(page.getByTestId('request-payout')).toHaveCount(0);
  await expect(page.getByTestId('apply-to-license')).toHaveCount(0);
});

test('with the accounts server gone, the last figures stay, marked stale, with a retry', async ({
  browser,
}) => {
  const port = await freePort();
  const sandbox = await startSandboxProcess(port);
  const own = await startShellProcess(['--accounts-url', `http://127.0.0.1:${port}/`]);
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    await openShellSignedIn(page, own);
    const balance = await (await partnerApi(own.accountsUrl))<Balance>('/api/v1/balance');
    await page.getByTestId('tab-earnings').click();
    await expect(page.getByTestId('earnings-available')).toHaveText(usd(balance.availableCents));
    await expect(page.getByTestId('earnings-stale')).toHaveCount(0);

    await sandbox.stop();
    await page.getByTestId('earnings-refresh').click();
    await expect(page.getByTestId('earnings-stale')).toHaveText(
      "Showing the last known figures: can't reach the accounts server",
    );
    await expect(page.getByTestId('earnings-available')).toHaveText(usd(balance.availableCents));
    await expect(page.getByTestId('earnings-updated')).toHaveText(/^Updated /u);
    await expect(page.getByTestId('earnings-refresh')).toBeEnabled();
  } finally {
    await context.close();
    await own.stop();
    await sandbox.stop();
  }
});
