// Sign-in as a user does it, in Chromium against the browser shell and its demo sandbox: the
// app's button opens the sandbox's page in a new tab, the redirect comes back to core, the app
// shows the dashboard. Then: still signed in after a restart (the keychain), sign-out, a wrong
// password, a denial, a time-out, a sign-out the accounts server could not be told of.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '../../sandbox/oauth/demo.ts';
import { expect, test } from './support/fixtures.ts';
import {
  freePort,
  type RunningShell,
  type ShellProcessOptions,
  startSandboxProcess,
  startShellProcess,
} from './support/processes.ts';
import { openSignInTab, signInThroughPage, submitCredentials } from './support/sign-in.ts';

// Each test starts a shell of its own, signed out (and sometimes a sandbox): they share nothing and
// run in parallel.
test.describe.configure({ mode: 'parallel' });

// The keychain is real only inside scripts/with-secret-service.ts (npm run test:e2e) or on CI.
const keychain = process.env.COMPANION_SECRET_SERVICE === 'isolated' || process.env.CI === 'true';

const shells: RunningShell[] = [];
async function start(options: ShellProcessOptions & { args?: string[] } = {}): Promise<RunningShell> {
  const shell = await startShellProcess(options.args ?? [], options);
  shells.push(shell);
  return shell;
}
test.afterEach(async () => {
  await Promise.all(shells.splice(0).map((shell) => shell.stop()));
});

test('signs in through the browser, lands on the dashboard, and survives a restart (keychain)', async ({
  page,
}) => {
  test.skip(!keychain, 'needs the private Secret Service of npm run test:e2e');
  const dataDir = await mkdtemp(join(tmpdir(), 'companion-e2e-keychain-'));
  let shell = await start({ dataDir, keychain: true });
  await page.goto(shell.url);
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  await expect(page.locator('input[type="password"]')).toHaveCount(0);

  const tab = await openSignInTab(page);
  expect(new URL(tab.url()).origin).toBe(new URL(shell.accountsUrl).origin);
  await submitCredentials(tab);
  await expect(tab.getByTestId('loopback-title')).toHaveText('You are signed in');
  // The code went to the loopback listener and was replaced in the tab's address bar.
  expect(tab.url()).not.toContain('code=');

  await expect(page.getByTestId('referral-link')).toBeVisible();
  await page.getByTestId('account-menu-button').click();
  await expect(page.getByTestId('account-email')).toHaveText(DEMO_CREDENTIALS.email);
  await expect(page.getByTestId('account-storage-note')).toHaveCount(0);

  // A new run of the shell on the same data: signed in from the keychain, no sign-in page.
  await shell.stop();
  shell = await start({ dataDir, keychain: true });
  await page.goto(shell.url);
  await expect(page.getByTestId('referral-link')).toBeVisible();
  await expect(page.getByTestId('sign-in-screen')).toHaveCount(0);

  // Sign out: back to the sign-in screen, and a restart does not bring the session back.
  await page.getByTestId('account-menu-button').click();
  await page.getByTestId('sign-out-button').click();
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  await shell.stop();
  shell = await start({ dataDir, keychain: true });
  await page.goto(shell.url);
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
});

test('keeps the session in memory with --no-keychain, and says so', async ({ page }) => {
  const shell = await start();
  await page.goto(shell.url);
  await expect(page.getByTestId('storage-note')).toContainText('memory only');
  await signInThroughPage(page);
  await expect(page.getByTestId('referral-link')).toBeVisible();
});

test("shows the sandbox's error for a wrong password, and the app keeps waiting", async ({ page }) => {
  const shell = await start();
  await page.goto(shell.url);
  const tab = await openSignInTab(page);
  await submitCredentials(tab, { password: 'not-the-password' });
  await expect(tab.getByTestId('sign-in-error')).toHaveText('The e-mail or password is incorrect.');
  await expect(page.getByTestId('sign-in-waiting')).toBeVisible();
  // The right password on the same page still completes the sign-in.
  await submitCredentials(tab);
  await expect(page.getByTestId('referral-link')).toBeVisible();
});

test('reports a denial on the sign-in page', async ({ page }) => {
  const shell = await start();
  await page.goto(shell.url);
  const tab = await openSignInTab(page);
  await tab.getByRole('button', { name: 'Cancel' }).click();
  await expect(tab.getByTestId('loopback-title')).toHaveText('Sign-in cancelled');
  const error = page.getByTestId('sign-in-error');
  await expect(error).toHaveAttribute('data-reason', 'denied');
  await expect(error).toContainText('Sign-in was cancelled.');
  await expect(page.getByTestId('sign-in-button')).toBeEnabled();
});

test('times out when nobody signs in', async ({ page }) => {
  const shell = await start({ args: ['--sign-in-timeout', '2'] });
  await page.goto(shell.url);
  await openSignInTab(page);
  const error = page.getByTestId('sign-in-error');
  await expect(error).toHaveAttribute('data-reason', 'timed-out', { timeout: 10_000 });
  await expect(error).toContainText('Sign-in timed out.');
});

test('Cancel stops waiting at once, without an error', async ({ page }) => {
  const shell = await start();
  await page.goto(shell.url);
  const tab = await openSignInTab(page);
  await page.getByTestId('sign-in-cancel').click();
  await expect(page.getByTestId('sign-in-button')).toBeVisible();
  await expect(page.getByTestId('sign-in-error')).toHaveCount(0);
  // The abandoned tab's sign-in no longer reaches the app.
  await submitCredentials(tab);
  await expect(tab.getByTestId('loopback-title')).toHaveCount(0);
  await expect(page.getByTestId('sign-in-button')).toBeVisible();
});

test('says when the accounts server cannot be reached, and signs in once it is back', async ({ page }) => {
  const port = await freePort();
  const shell = await start({ args: ['--accounts-url', `http://127.0.0.1:${port}/`] });
  await page.goto(shell.url);
  await page.getByTestId('sign-in-button').click();
  const error = page.getByTestId('sign-in-error');
  await expect(error).toHaveAttribute('data-reason', 'unreachable');
  await expect(error).toContainText("Can't reach the Quantower accounts server.");

  const sandbox = await startSandboxProcess(port);
  try {
    await signInThroughPage(page);
    await expect(page.getByTestId('referral-link')).toBeVisible();
  } finally {
    await sandbox.stop();
  }
});

test('signs out here when the accounts server is gone, and says the server was not told', async ({
  page,
}) => {
  const port = await freePort();
  const sandbox = await startSandboxProcess(port);
  try {
    const shell = await start({ args: ['--accounts-url', `http://127.0.0.1:${port}/`] });
    await page.goto(shell.url);
    await signInThroughPage(page);
    await expect(page.getByTestId('referral-link')).toBeVisible();
  } finally {
    await sandbox.stop();
  }
  await page.getByTestId('account-menu-button').click();
  await page.getByTestId('sign-out-button').click();
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  const notice = page.getByTestId('sign-in-notice');
  await expect(notice).toHaveAttribute('data-notice', 'revocation-failed');
  await expect(notice).toContainText('Signed out on this computer. The server could not be told');
  await expect(page.getByTestId('sign-in-error')).toHaveCount(0);
});
