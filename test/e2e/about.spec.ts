// Settings → About on the browser shell, end to end: "Copy diagnostics" puts the report on the
// clipboard (real CLI process, real demo sandbox, Chromium's clipboard), scrubbed of this run's
// secret and the partner's e-mail address; "Open logs folder" shows where the logs are.
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '../../sandbox/oauth/demo.ts';
import { expect, openSignedIn, test } from './support/fixtures.ts';

// A shell of its own: the report's last log lines must hold this shell's sign-in, not a shared
// shell's later traffic.
test('Copy diagnostics copies a scrubbed report; the logs folder is shown by its path', async ({
  page,
  context,
  startShell,
}) => {
  const shell = await startShell();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shell.origin });
  await openSignedIn(page, shell);

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
});
