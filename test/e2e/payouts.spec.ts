// Payout requests end to end: the browser shell's UI against its embedded sandbox. Each test runs
// its own shell (its own demo world: the seeded $143.35, terms of its own, a crash and a restart),
// signed in through the sandbox's sign-in form; so the tests share nothing and run in parallel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { accountsPaths } from '../../shared/accounts-api.ts';
import { expect, openSignedIn, test } from './support/fixtures.ts';
import { type Sandbox, sandboxOf } from './support/payouts.ts';
import { type RunningShell, startShellProcess } from './support/processes.ts';

test.describe.configure({ mode: 'parallel' });

let shells: RunningShell[] = [];
test.afterEach(async () => {
  for (const shell of shells) await shell.stop();
  shells = [];
});

async function start(options: Parameters<typeof startShellProcess>[1] = {}): Promise<RunningShell> {
  const shell = await startShellProcess([], options);
  shells.push(shell);
  return shell;
}

/** Fills the request form and gets to the confirmation step. */
async function preparePayout(page: Page, amount: string, destination = 'demo.partner@example.com') {
  await page.getByTestId('tab-payouts').click();
  await page.getByTestId('payouts-request').click();
  await page.getByTestId('payouts-destination').fill(destination);
  await page.getByTestId('payouts-amount').fill(amount);
  await page.getByTestId('payouts-continue').click();
  await expect(page.getByTestId('payouts-confirm-text')).toHaveText(
    `$${amount} will be sent by PayPal to ${destination}.`,
  );
}

const requested = async (sandbox: Sandbox, amountCents: number) =>
  (await sandbox.payouts()).filter((p) => p.amountCents === amountCents);

test('full payout flow: a double click files one request, whose status updates live', async ({ page }) => {
  const shell = await start();
  const sandbox = await sandboxOf(shell.accountsUrl);
  await openSignedIn(page, shell);
  await page.getByTestId('tab-payouts').click();
  await expect(page.getByTestId('payouts-available')).toHaveText('$143.35');
  await expect(page.getByTestId('payouts-terms')).toContainText(
    'withdrawals from $50.00 with at least 3 referrals',
  );

  // Inline checks before anything is sent.
  await page.getByTestId('payouts-request').click();
  await expect(page.getByTestId('payouts-amount')).toHaveValue('143.35');
  await page.getByTestId('payouts-destination').fill('not an e-mail');
  await page.getByTestId('payouts-amount').fill('500');
  await page.getByTestId('payouts-continue').click();
  await expect(page.getByTestId('payouts-destination-error')).toHaveText(
    'Enter the e-mail address of your PayPal account.',
  );
  await expect(page.getByTestId('payouts-amount-error')).toHaveText('Only $143.35 are available.');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await preparePayout(page, '60.00');
  await page.getByTestId('payouts-confirm').dblclick();
  await expect(page.getByTestId('payouts-filed')).toHaveText('Your request for $60.00 was filed.');
  await expect.poll(async () => (await requested(sandbox, 6_000)).length).toBe(1);
  const [payout] = await requested(sandbox, 6_000);
  const row = page.locator(`[data-testid="payouts-item"][data-id="${payout?.id}"]`);
  await expect(row).toHaveAttribute('data-status', 'requested');
  await expect(page.getByTestId('payouts-available')).toHaveText('$83.35');

  // Support processes it: the list follows without a reload (the sandbox's event stream).
  await sandbox.operator(`payouts/${payout?.id}/status`, { status: 'processing' });
  await expect(row).toHaveAttribute('data-status', 'processing');
  await expect(row.getByTestId('payouts-cancel')).toHaveCount(0);
  await sandbox.operator(`payouts/${payout?.id}/status`, { status: 'paid' });
  await expect(row.getByTestId('payouts-status')).toHaveText('Paid');
  expect(await requested(sandbox, 6_000)).toHaveLength(1);
});

test('a requested payout can be cancelled; a rejected one shows the reason', async ({ page }) => {
  const shell = await start();
  const sandbox = await sandboxOf(shell.accountsUrl);
  await openSignedIn(page, shell);
  await preparePayout(page, '50.00');
  await page.getByTestId('payouts-confirm').click();
  await expect(page.getByTestId('payouts-filed')).toBeVisible();
  const [mine] = await requested(sandbox, 5_000 + 0).then((list) =>
    list.filter((p) => p.status === 'requested'),
  );
  const row = page.locator(`[data-testid="payouts-item"][data-id="${mine?.id}"]`);
  await row.getByTestId('payouts-cancel').click();
  await expect(row).toHaveAttribute('data-status', 'cancelled');

  // Filed elsewhere (e.g. another device), then rejected by support: the reason shows here.
  const other = await sandbox.post(accountsPaths.payouts, {
    amountCents: 7_000,
    method: 'paypal',
    destination: 'demo.partner@example.com',
  });
  expect(other.status).toBe(201);
  const { id } = (await other.json()) as { id: string };
  await sandbox.operator(`payouts/${id}/status`, {
    status: 'rejected',
    reason: 'PayPal account not verified.',
  });
  const rejected = page.locator(`[data-testid="payouts-item"][data-id="${id}"]`);
  await expect(rejected).toHaveAttribute('data-status', 'rejected');
  await expect(rejected.getByTestId('payouts-reason')).toHaveText('Reason: PayPal account not verified.');
});

test('below the thresholds of the terms in force the button explains what is missing', async ({ page }) => {
  const shell = await start();
  const sandbox = await sandboxOf(shell.accountsUrl);
  await sandbox.operator('terms', {
    rateBp: 1500,
    minPayoutCents: 20_000,
    minReferrals: 6,
    holdDays: 0,
    summary: 'Higher thresholds for this test.',
  });
  await openSignedIn(page, shell);
  await page.getByTestId('tab-payouts').click();
  await expect(page.getByTestId('payouts-request')).toBeDisabled();
  const blockers = page.getByTestId('payouts-blockers');
  await expect(blockers).toContainText('The minimum withdrawal is $200.00; you have $143.35 available.');
  await expect(blockers).toContainText('Withdrawals need at least 6 referrals; you have 4.');
  // The sandbox refuses as well: the UI is not the only guard.
  const refused = await sandbox.post(accountsPaths.payouts, {
    amountCents: 10_000,
    method: 'paypal',
    destination: 'demo.partner@example.com',
  });
  expect(refused.status).toBe(422);
});

test('the support fallback opens a prefilled e-mail, or the Telegram chat with the message copied', async ({
  page,
  context,
}) => {
  const shell = await start();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shell.origin });
  await context.route(/^https:\/\//u, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
  );
  // No mail client here: record the links the page follows, and launch none for mailto:.
  await context.addInitScript(() => {
    const followed: string[] = [];
    (window as unknown as { followed: string[] }).followed = followed;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      followed.push(this.href);
      if (!this.href.startsWith('mailto:')) click.call(this);
    };
  });
  await openSignedIn(page, shell);
  await page.getByTestId('tab-payouts').click();
  const followed = () => page.evaluate(() => (window as unknown as { followed: string[] }).followed);

  await page.getByTestId('payouts-support-email').click();
  await expect.poll(async () => (await followed()).length).toBe(1);
  const mail = new URL((await followed())[0] ?? '');
  expect(mail.protocol).toBe('mailto:');
  expect(mail.pathname).toBe('info@quantower.com');
  const body = mail.searchParams.get('body') ?? '';
  expect(body).toContain('Referral code: QT+DEMO/42=');
  expect(body).toContain('$143.35');

  const tab = context.waitForEvent('page');
  await page.getByTestId('payouts-support-telegram').click();
  expect((await tab).url()).toBe('https://t.me/quantower');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(body.replaceAll('\r\n', '\n'));
});

test('killed between send and acknowledgement, the restarted shell files exactly one request', async ({
  page,
}) => {
  const first = await start({ env: { COMPANION_TEST_CRASH_AFTER_SEND: 'payout' } });
  await openSignedIn(page, first);
  await preparePayout(page, '61.00');
  await page.getByTestId('payouts-confirm').click();
  expect(await first.exited).toBe(86);
  const outbox = JSON.parse(readFileSync(join(first.dataDir, 'requests.json'), 'utf8')) as {
    entries: { state: string; amountCents: number }[];
  };
  expect(outbox.entries).toMatchObject([{ state: 'sending', amountCents: 6_100 }]);

  const second = await start({ dataDir: first.dataDir });
  const sandbox = await sandboxOf(second.accountsUrl);
  // The sandbox filed it before the crash; the restart resends it with its key once signed in.
  expect(await requested(sandbox, 6_100)).toHaveLength(1);
  await openSignedIn(page, second);
  await page.getByTestId('tab-payouts').click();
  await expect(page.getByTestId('payouts-item')).toHaveCount(2);
  await expect(page.getByTestId('outbox-item')).toHaveCount(0);
  await expect
    .poll(() => JSON.parse(readFileSync(join(second.dataDir, 'requests.json'), 'utf8')).entries.length)
    .toBe(0);
  expect(await requested(sandbox, 6_100)).toHaveLength(1);
});

test('a license credit killed between send and acknowledgement is applied exactly once after restart', async ({
  page,
}) => {
  const first = await start({ env: { COMPANION_TEST_CRASH_AFTER_SEND: 'credit' } });
  const before = await sandboxOf(first.accountsUrl);
  await before.operator('purchases', { buyerId: await before.partnerId(), sku: 'crypto-1m' });
  const till = (await before.licenses())[0]?.availableTill ?? '';
  await openSignedIn(page, first);
  await page.getByTestId('tab-licenses').click();
  await page.getByTestId('licenses-option').selectOption('crypto-1m');
  await page.getByTestId('licenses-apply').click();
  await page.getByTestId('licenses-confirm').click();
  expect(await first.exited).toBe(86);

  const second = await start({ dataDir: first.dataDir });
  const sandbox = await sandboxOf(second.accountsUrl);
  await openSignedIn(page, second);
  await page.getByTestId('tab-licenses').click();
  await expect(page.getByTestId('licenses-credit')).toHaveCount(1);
  await expect(page.getByTestId('outbox-item')).toHaveCount(0);
  expect(await sandbox.credits()).toMatchObject([{ sku: 'crypto-1m', status: 'applied' }]);
  // Renewed once: one month after the old date, not two.
  const after = (await sandbox.licenses())[0]?.availableTill ?? '';
  const days = (Date.parse(after) - Date.parse(till)) / 86_400_000;
  expect(days).toBeGreaterThanOrEqual(28);
  expect(days).toBeLessThanOrEqual(31);
});
