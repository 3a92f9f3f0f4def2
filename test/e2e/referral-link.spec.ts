// The first screen in the browser shell, end to end: real CLI process, real demo sandbox, Chromium.
// The worker's shared signed-in shell (support/fixtures.ts).
import { expect, test } from './support/fixtures.ts';
import { decodeQr, servedReferral } from './support/referral.ts';

test('shows the sandbox link, copies exactly it, and its QR code decodes to exactly it', async ({
  page,
  context,
  sharedShell: shell,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shell.origin });
  const failedRequests: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(shell.url);
  // The secret was traded for a cookie and is gone from the address bar.
  expect(page.url()).toBe(`${shell.origin}/`);

  const link = page.getByTestId('referral-link');
  await expect(link).toBeVisible();
  await expect(page.getByTestId('demo-badge')).toBeVisible();

  const info = await page.evaluate(() => window.companion.getAppInfo({}));
  expect(info).toMatchObject({ shell: 'browser', mode: 'demo', accountsUrl: shell.accountsUrl });
  const served = await servedReferral(info.accountsUrl ?? shell.accountsUrl);
  await expect(link).toHaveText(served.link);
  await expect(page.getByTestId('referral-code')).toHaveText(served.code);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-confirmation')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(served.link);

  const qr = page.getByTestId('referral-qr');
  await expect(qr).toBeVisible();
  expect(decodeQr(await qr.screenshot())).toBe(served.link);

  expect(failedRequests).toEqual([]);
});
