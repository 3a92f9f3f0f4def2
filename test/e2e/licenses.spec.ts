// Applying the balance to licenses end to end: the browser shell's UI against its embedded sandbox.
// The demo partner gets a Crypto license first (their own purchase, through the operator API).
// Each test has a shell of its own: it counts on the seeded balance ($143.35) and on no credit
// before its own, and one disqualifies the partner. So the tests share nothing and run in parallel.
import { expect, openSignedIn, test } from './support/fixtures.ts';
import { type Sandbox, sandboxOf } from './support/payouts.ts';
import type { RunningShell } from './support/processes.ts';

test.describe.configure({ mode: 'parallel' });

let shell: RunningShell;
let sandbox: Sandbox;
test.beforeEach(async ({ startShell }) => {
  shell = await startShell();
  sandbox = await sandboxOf(shell.accountsUrl);
  await sandbox.operator('purchases', { buyerId: await sandbox.partnerId(), sku: 'crypto-1m' });
});

const tillOf = async () =>
  (await sandbox.licenses()).find((l) => l.productId === 'crypto')?.availableTill ?? '';

test('one click and a confirmation apply the balance; the new "available till" shows', async ({ page }) => {
  await openSignedIn(page, shell);
  await page.getByTestId('tab-licenses').click();
  const row = page.locator('[data-testid="licenses-row"][data-product="crypto"]');
  await expect(row.getByTestId('licenses-days-left')).toHaveText(/^(29|30|31) days left$/u);
  await expect(page.getByTestId('licenses-available')).toHaveText('$143.35');
  const before = await tillOf();

  await row.getByTestId('licenses-option').selectOption('crypto-1m');
  await row.getByTestId('licenses-apply').click();
  await expect(row.getByTestId('licenses-confirm-text')).toHaveText(
    '$50.00 of your balance pays for Crypto, 1 month ($50.00) in full.',
  );
  await row.getByTestId('licenses-confirm').dblclick();
  await expect(row.getByTestId('licenses-applied')).toBeVisible();
  await expect.poll(async () => (await sandbox.credits()).length).toBe(1);
  const after = await tillOf();
  expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  await expect(row.getByTestId('licenses-available-till')).toHaveAttribute('data-value', after);
  await expect(row.getByTestId('licenses-applied')).toContainText(
    new Date(after).toLocaleDateString('en-US', { dateStyle: 'medium' }),
  );
  await expect(page.getByTestId('licenses-available')).toHaveText('$93.35');
  expect(await sandbox.credits()).toMatchObject([
    { sku: 'crypto-1m', status: 'applied', creditCents: 5_000 },
  ]);
});

test('a partial credit shows the remainder and "Pay the rest" opens the checkout', async ({
  page,
  context,
}) => {
  await openSignedIn(page, shell);
  await page.getByTestId('tab-licenses').click();
  const row = page.locator('[data-testid="licenses-row"][data-product="crypto"]');
  await row.getByTestId('licenses-option').selectOption('crypto-1y');
  await row.getByTestId('licenses-apply').click();
  await expect(row.getByTestId('licenses-confirm-text')).toHaveText(
    '$143.35 of your balance goes towards Crypto, 1 year ($450.00). The remaining $306.65 is paid at checkout in your browser.',
  );
  await row.getByTestId('licenses-confirm').click();
  await expect(row.getByTestId('licenses-result')).toHaveAttribute('data-status', 'awaiting-payment');
  const [credit] = await sandbox.credits();
  expect(credit).toMatchObject({ status: 'awaiting-payment', creditCents: 14_335, remainderCents: 30_665 });

  const tab = context.waitForEvent('page');
  await row.getByTestId('licenses-pay-rest').click();
  const checkout = await tab;
  expect(checkout.url()).toBe(credit?.checkoutUrl);
  expect(new URL(checkout.url()).origin).toBe(new URL(shell.accountsUrl).origin);
});

test('auto-apply: asks once and "not now" hides it; in "apply" mode it renews once', async ({ page }) => {
  // A TPO license bought 26 days ago: it ends within the default 7 days.
  const purchasedAt = new Date(Date.now() - 26 * 86_400_000).toISOString();
  await sandbox.operator('purchases', { buyerId: await sandbox.partnerId(), sku: 'tpo-1m', purchasedAt });
  await openSignedIn(page, shell);
  await page.getByTestId('tab-licenses').click();
  const row = page.locator('[data-testid="licenses-row"][data-product="tpo"]');
  await expect(row.getByTestId('licenses-days-left')).toHaveText(/^[3-6] days left$/u);
  await expect(page.getByTestId('licenses-offer')).toHaveCount(0);

  await row.getByTestId('licenses-option').selectOption('tpo-1m');
  await row.getByTestId('licenses-auto-apply').check();
  const offer = page.getByTestId('licenses-offer');
  await expect(offer).toHaveText(/Renew TPO.* for 1 month with \$[\d.,]+ of your balance\?/u);
  await offer.getByTestId('licenses-offer-dismiss').click();
  await expect(offer).toHaveCount(0);
  // The Crypto license (about 30 days left) is not opted in and far from expiry: nothing for it.
  expect(await sandbox.credits()).toEqual([]);

  const before = (await sandbox.licenses()).find((l) => l.productId === 'tpo')?.availableTill ?? '';
  await page.getByTestId('auto-apply-settings').locator('summary').click();
  await page.getByTestId('setting-auto-apply-action').selectOption('apply');
  await expect(page.getByTestId('licenses-credit')).toHaveCount(1);
  await expect(page.getByTestId('licenses-credit')).toHaveAttribute('data-status', 'applied');
  expect(await sandbox.credits()).toMatchObject([{ sku: 'tpo-1m', status: 'applied' }]);
  await expect(page.getByTestId('licenses-auto-applied')).toHaveText(
    /^Auto-apply renewed TPO.* with \$[\d.,]+ of your balance\.$/u,
  );
  const after = (await sandbox.licenses()).find((l) => l.productId === 'tpo')?.availableTill ?? '';
  expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  await expect(row.getByTestId('licenses-available-till')).toHaveAttribute('data-value', after);

  // Once per renewal: a reload (and the refresh it brings) files nothing more.
  await page.reload();
  await page.getByTestId('tab-licenses').click();
  await expect(page.getByTestId('licenses-credit')).toHaveCount(1);
  expect(await sandbox.credits()).toHaveLength(1);
});

test('a disqualified partner sees why the balance cannot be used', async ({ page }) => {
  await sandbox.operator(`partners/${await sandbox.partnerId()}/disqualify`, {
    reason: 'Self-referral through a second account.',
  });
  await openSignedIn(page, shell);
  await page.getByTestId('tab-licenses').click();
  await expect(page.getByTestId('licenses-blockers')).toHaveText(
    'You were disqualified from the referral program: Self-referral through a second account.',
  );
  await expect(page.getByTestId('licenses-apply')).toBeDisabled();
  await page.getByTestId('tab-payouts').click();
  await expect(page.getByTestId('payouts-blockers')).toContainText('Self-referral through a second account.');
  await expect(page.getByTestId('payouts-request')).toBeDisabled();
});
