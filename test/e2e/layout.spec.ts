// The widget's layout and accessibility, as a user sees it in the browser shell: every section at
// 320, 360, 420 and 1280 px, in English and Russian, dark and light, signed out and then signed in
// with data (history with a row's details open, payouts, licenses with credits):
// - no page-level sideways scrolling (document scrollWidth ≤ clientWidth);
// - every section's navigation control visible inside the window (no section hidden);
// - axe (@axe-core/playwright, WCAG 2.2 A/AA rules): no serious or critical violation;
// - a full-page screenshot of each, kept in test-results/ and attached to the test's report.
// The worker's shells serve it (support/fixtures.ts): the signed-out one, and the shared signed-in
// one, whose sign-in lives in core, so every context opened on it is signed in. Language and theme
// follow the browser context (settings stay on "system"). Each combination is a test of its own, so
// the two workers share them out.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { accountsPaths } from '../../shared/accounts-api.ts';
import { expect, test } from './support/fixtures.ts';
import { sandboxOf } from './support/payouts.ts';
import type { RunningShell } from './support/processes.ts';

const WIDTHS = [320, 360, 420, 1280] as const;
/** axe runs at the widget's own width; the overflow and navigation checks at every width. */
const AXE_WIDTH = 360;
const SECTIONS = ['referral', 'earnings', 'history', 'referrals', 'payouts', 'licenses', 'settings'];
const COMBOS = [
  { language: 'en', locale: 'en-US', theme: 'dark' },
  { language: 'en', locale: 'en-US', theme: 'light' },
  { language: 'ru', locale: 'ru-RU', theme: 'dark' },
  { language: 'ru', locale: 'ru-RU', theme: 'light' },
] as const;
type Combo = (typeof COMBOS)[number];

test.describe.configure({ mode: 'parallel' });

/**
 * The data the signed-in views need beyond the demo world: a license of the partner's own and two
 * credits on it (one paid in full, one awaiting the rest, as far as the balance goes). Made once per
 * shared world: the credits go by idempotency key, so a second call files nothing new.
 */
async function withCredits(shell: RunningShell): Promise<void> {
  const sandbox = await sandboxOf(shell.accountsUrl);
  if (!(await sandbox.licenses()).some((license) => license.productId === 'crypto'))
    await sandbox.operator('purchases', { buyerId: await sandbox.partnerId(), sku: 'crypto-1m' });
  for (const [key, sku] of [
    ['layout-credit-full', 'crypto-3m'],
    ['layout-credit-partial', 'crypto-1y'],
  ] as const) {
    const response = await sandbox.post(accountsPaths.credits, { sku }, { 'Idempotency-Key': key });
    expect(response.status, await response.text()).toBe(201);
  }
  const skus = (await sandbox.credits()).map((credit) => credit.sku);
  expect(skus).toEqual(expect.arrayContaining(['crypto-3m', 'crypto-1y']));
}

/** What each section shows once its data is there (signed in), so the checks see the real view. */
const readySignedIn: Record<string, string> = {
  referral: 'referral-link',
  earnings: 'earnings-readiness',
  history: 'history-row',
  referrals: 'referral-row',
  payouts: 'payouts',
  licenses: 'licenses-credit',
  settings: 'general-settings',
};

async function openPage(browser: Browser, shell: RunningShell, combo: Combo): Promise<Page> {
  const context = await browser.newContext({
    locale: combo.locale,
    colorScheme: combo.theme,
    viewport: { width: AXE_WIDTH, height: 640 },
  });
  const page = await context.newPage();
  await page.goto(shell.url);
  await expect(page.locator('html')).toHaveAttribute('lang', combo.language);
  return page;
}

async function showSection(page: Page, id: string, signedIn: boolean): Promise<void> {
  await page.getByTestId(`tab-${id}`).click();
  await expect(page.getByTestId(`section-${id}`)).toBeVisible();
  const ready = signedIn ? readySignedIn[id] : id === 'settings' ? 'general-settings' : 'sign-in-button';
  await expect(page.getByTestId(ready ?? '').first()).toBeVisible();
  if (signedIn && id === 'history') {
    // A reversal's details: the view that only exists with data and a click.
    const reversal = page.locator('[data-testid="history-row"][data-type="reversed"]').first();
    const toggle = reversal.getByTestId('history-row-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(reversal.getByTestId('history-row-details')).toBeVisible();
  }
}

/** Page-level sideways overflow, and each section's tab: rendered, not hidden, inside the window. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((ids) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const id of ids) {
      const tab = document.querySelector<HTMLElement>(`[data-testid="tab-${id}"]`);
      if (!tab) {
        problems.push(`tab-${id} missing`);
        continue;
      }
      const box = tab.getBoundingClientRect();
      const style = getComputedStyle(tab);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden')
        problems.push(`tab-${id} not visible`);
      if (box.left < 0 || box.right > root.clientWidth) problems.push(`tab-${id} outside the window`);
      if (tab.scrollWidth > tab.clientWidth + 1) problems.push(`tab-${id} text clipped`);
    }
    return problems;
  }, SECTIONS);
}

/**
 * axe in the page itself (legacy mode): the default opens a blank page for every analysis to merge
 * the frames' results, which took 1.6–2.9 s a run here against 0.7–1.2 s, with the same results.
 * Legacy mode leaves out only cross-origin frames, and the widget has no frame: checked first.
 */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  expect(page.frames(), 'the page has no frames (axe runs in legacy mode)').toHaveLength(1);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary}`),
    );
}

/** Saved in the test's output folder (test-results/…) and attached to the report. */
async function keepScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  fullPage: boolean,
): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function checkEverySection(
  browser: Browser,
  shell: RunningShell,
  combo: Combo,
  signedIn: boolean,
  testInfo: TestInfo,
): Promise<void> {
  const page = await openPage(browser, shell, combo);
  // Every section has its tab (a new section must be added to SECTIONS above too).
  const ids = await page
    .getByRole('tab')
    .evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('data-testid')?.replace(/^tab-/u, '')));
  expect(ids).toEqual(SECTIONS);
  const state = signedIn ? 'signed-in' : 'signed-out';
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 720 });
    for (const id of SECTIONS) {
      await showSection(page, id, signedIn);
      const name = `${state}-${combo.language}-${combo.theme}-${width}-${id}`;
      expect.soft(await layoutProblems(page), name).toEqual([]);
      await keepScreenshot(page, testInfo, name, true);
      if (width === AXE_WIDTH) expect.soft(await seriousAxeViolations(page), `axe ${name}`).toEqual([]);
    }
  }
  if (signedIn) {
    // The account menu's panel (e-mail, storage note, Sign out) at the narrowest width.
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByTestId('account-menu-button').click();
    await expect(page.getByTestId('sign-out-button')).toBeVisible();
    const name = `${state}-${combo.language}-${combo.theme}-320-account-menu`;
    expect.soft(await layoutProblems(page), name).toEqual([]);
    expect.soft(await seriousAxeViolations(page), `axe ${name}`).toEqual([]);
    await keepScreenshot(page, testInfo, name, false);
  }
  await page.context().close();
}

for (const combo of COMBOS)
  test(`signed out, ${combo.language} ${combo.theme}: every section fits and passes axe`, async ({
    browser,
    signedOutShell,
  }, testInfo) => {
    test.setTimeout(240_000);
    await checkEverySection(browser, signedOutShell, combo, false, testInfo);
  });

for (const combo of COMBOS)
  test(`signed in with data, ${combo.language} ${combo.theme}: every section fits and passes axe`, async ({
    browser,
    sharedShell,
  }, testInfo) => {
    test.setTimeout(240_000);
    await withCredits(sharedShell);
    await checkEverySection(browser, sharedShell, combo, true, testInfo);
  });
