// The accounts server is down when the page opens: the UI says so, and Retry recovers once it is up.
import { expect, test } from '@playwright/test';
import {
  freePort,
  type Running,
  type RunningShell,
  startSandboxProcess,
  startShellProcess,
} from './support/processes.ts';
import { servedReferral } from './support/referral.ts';

let shell: RunningShell | undefined;
let sandbox: Running | undefined;

test.afterAll(async () => {
  await shell?.stop();
  await sandbox?.stop();
});

test('shows an error while the accounts server is down, and Retry recovers', async ({ page }) => {
  const port = await freePort();
  const accountsUrl = `http://127.0.0.1:${port}/`;
  shell = await startShellProcess(['--accounts-url', accountsUrl]);
  expect(shell.mode).toBe('custom');

  await page.goto(shell.url);
  await expect(page.getByTestId('error-message')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('referral-link')).toHaveCount(0);

  sandbox = await startSandboxProcess(port);
  await page.getByTestId('retry').click();

  const served = await servedReferral(accountsUrl);
  await expect(page.getByTestId('referral-link')).toHaveText(served.link, { timeout: 20_000 });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
});
