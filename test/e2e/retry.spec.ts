// The accounts server goes down while signed in: the UI says so, keeps the session, and Retry
// recovers once the server is back (same port, same database, so the sign-in is still valid).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openSignedIn, test } from './support/fixtures.ts';
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
  const db = join(await mkdtemp(join(tmpdir(), 'companion-e2e-retry-')), 'sandbox.sqlite');
  sandbox = await startSandboxProcess(port, db);
  shell = await startShellProcess(['--accounts-url', accountsUrl]);
  expect(shell.mode).toBe('custom');
  await openSignedIn(page, shell);
  await expect(page.getByTestId('referral-link')).toBeVisible();

  await sandbox.stop();
  await page.reload();
  await expect(page.getByTestId('error-message')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('referral-link')).toHaveCount(0);
  // Still signed in: an unreachable server is not a reason to drop the session.
  await expect(page.getByTestId('account-menu-button')).toBeVisible();

  sandbox = await startSandboxProcess(port, db);
  await page.getByTestId('retry').click();

  const served = await servedReferral(accountsUrl);
  await expect(page.getByTestId('referral-link')).toHaveText(served.link, { timeout: 20_000 });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
});
