// Settings → About on the browser shell, end to end: "Copy diagnostics" puts the report on the
// clipboard (real CLI process, real demo sandbox, Chromium's clipboard), scrubbed of this run's
// secret and the partner's e-mail address; "Open logs folder" shows where the logs are.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../sandbox/oauth/demo.ts';
import { type RunningShell, startShellProcess } from './support/processes.ts';
import { signInThroughPage } from './support/sign-in.ts';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShellProcess();
});
test.afterAll(async () => {
  await shell?.stop();
});

test('Copy diagnostics copies a scrubbed report; the logs folder is shown by its path', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shell.origin });
  const page = await context.newPage();
  await page.goto(shell.url);
  await signInThroughPage(page);

  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('about-shell')).toHaveText('Browser shell');
  await expect(page.getByTestId('about-update-state')).toContainText('Updates come with the desktop app');

  await page.getByTestId('copy-diagnostics').click();
  await expect(page.getByTestId('diagnostics-copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('shell: browser\nmode: demo\n');
  expect(copied).toMatch(/last \d+ log lines:\n.*INFO \[session\] signed in as d…@example\.com/su);
  const secret = new URL(shell.url).searchParams.get('k') as string;
  expect(copied).not.toContain(secret);
  expect(copied).not.toContain(DEMO_CREDENTIALS.email);

  await page.getByTestId('open-logs').click();
  await expect(page.getByTestId('logs-path')).toHaveText(`The logs are in ${join(shell.dataDir, 'logs')}`);
  await context.close();
});
