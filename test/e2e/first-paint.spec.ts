// The first paint from the cache (docs/first-paint.md): the shell pre-renders the page from what
// core holds, so the dashboard the user left is on screen from the HTML alone, with the ledger's
// figures, before the app's script has run; the app then takes over without a visible change.
import type { Page } from '@playwright/test';
import type { Balance, ReferralInfo } from '../../shared/accounts-api.ts';
import { formatCents } from '../../shared/money.ts';
import { partnerApi } from './support/earnings.ts';
import { expect, test } from './support/fixtures.ts';

// The worker's shared signed-in shell: the section, language and theme these tests choose are put
// back by the fixture after each.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

/** Collects what the page's Content-Security-Policy refused (nothing should be). */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/iu.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the dashboard the user left is drawn from the cache before the app script runs, then the app takes over', async ({
  page,
  context,
  sharedShell: shell,
}) => {
  await page.goto(shell.url);
  // The secret opened the page and left the address (no redirect; the page drops it).
  await expect(page).toHaveURL(`${shell.origin}/`);
  await page.getByTestId('tab-earnings').click();
  const balance = await (await partnerApi(shell.accountsUrl))<Balance>('/api/v1/balance');
  const available = formatCents(balance.availableCents, 'en-US');
  await expect(page.getByTestId('earnings-available')).toHaveText(available);

  // The app's script never arrives: what shows is the server's pre-rendered page alone.
  const bare = await context.newPage();
  const violations = cspViolations(bare);
  await bare.route(/\/assets\/.*\.js$/u, (route) => route.abort());
  await bare.goto(shell.origin);
  await expect(bare.getByTestId('earnings-available')).toHaveText(available);
  await expect(bare.getByTestId('earnings-available')).toHaveAttribute(
    'data-cents',
    String(balance.availableCents),
  );
  await expect(bare.getByTestId('tab-earnings')).toHaveAttribute('aria-selected', 'true');
  await expect(bare.getByTestId('account-menu-button')).toContainText('demo.partner@example.com');
  // Styled by the inlined stylesheet (the CSP allows it by hash), and inert until the app runs.
  expect(await bare.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
  await expect(bare.locator('#root')).toHaveAttribute('inert', '');
  await bare.close();
  expect(violations).toEqual([]);

  // With its script the app takes over: same figures, live controls.
  const full = await context.newPage();
  const fullViolations = cspViolations(full);
  await full.goto(shell.origin);
  await expect(full.locator('#root')).not.toHaveAttribute('inert');
  await expect(full.getByTestId('earnings-available')).toHaveText(available);
  await full.getByTestId('tab-history').click();
  await expect(full.getByTestId('section-history')).toBeVisible();
  expect(fullViolations).toEqual([]);
  // History is now the section to reopen on.
  await expect
    .poll(async () =>
      (await (await context.request.get(`${shell.origin}/`)).text()).includes(
        'data-testid="section-history"',
      ),
    )
    .toBe(true);
  await full.close();
});

test('pre-rendered in the chosen language and theme', async ({ page, context, sharedShell: shell }) => {
  await page.goto(shell.url);
  await page.getByTestId('tab-earnings').click();
  await page.evaluate(() => window.companion.updateSettings({ ui: { language: 'ru', theme: 'dark' } }));

  const bare = await context.newPage();
  await bare.route(/\/assets\/.*\.js$/u, (route) => route.abort());
  await bare.goto(shell.origin);
  await expect(bare.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(bare.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(bare.getByTestId('tab-earnings')).toHaveText('Доход');
  await expect(bare.getByTestId('earnings-available')).toHaveText(/\s\$$/u);
  await bare.close();
});

test('the referral link the user left open is drawn before the app script runs, and is the sandbox’s', async ({
  page,
  context,
  sharedShell: shell,
}) => {
  await page.goto(shell.url);
  await page.getByTestId('tab-referral').click();
  const link = (await (await partnerApi(shell.accountsUrl))<ReferralInfo>('/api/v1/referral')).link;
  await expect(page.getByTestId('referral-link')).toHaveText(link);

  const bare = await context.newPage();
  await bare.route(/\/assets\/.*\.js$/u, (route) => route.abort());
  await bare.goto(shell.origin);
  await expect(bare.getByTestId('tab-referral')).toHaveAttribute('aria-selected', 'true');
  await expect(bare.getByTestId('referral-link')).toHaveText(link);
  await bare.close();
});
