// Signing in from the browser shell, through its bridge: openExternal opens the accounts server's
// sign-in page in a new tab (allowed as the accounts origin), the loopback redirect reaches core,
// and the outcome comes back to the page as a sessionChanged event over Server-Sent Events.

import { DEMO_CREDENTIALS } from '../../sandbox/oauth/demo.ts';
import type { SessionView } from '../../shared/bridge.ts';
import { expect, test } from './support/fixtures.ts';
import { type RunningShell, startShellProcess } from './support/processes.ts';

let shell: RunningShell;

test.beforeAll(async () => {
  shell = await startShellProcess();
});
test.afterAll(async () => {
  await shell?.stop();
});

test('signs in through the sandbox sign-in page; the page hears of it over SSE', async ({
  page,
  context,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();

  await page.evaluate(() => {
    const w = window as unknown as { signedIn: Promise<SessionView> };
    w.signedIn = new Promise((resolve) => {
      const off = window.companion.on('sessionChanged', (view) => {
        if (view.state === 'signed-in') {
          off();
          resolve(view);
        }
      });
    });
  });

  const started = await page.evaluate(() => window.companion.signIn({}));
  expect(started.state).toBe('signing-in');
  const authorizeUrl = started.authorizeUrl ?? '';
  expect(new URL(authorizeUrl).origin).toBe(new URL(shell.accountsUrl).origin);

  const opening = context.waitForEvent('page');
  await page.evaluate((url) => window.companion.openExternal({ url }), authorizeUrl);
  const signInTab = await opening;
  await signInTab.waitForLoadState();
  await signInTab.getByLabel('E-mail').fill(DEMO_CREDENTIALS.email);
  await signInTab.getByLabel('Password').fill(DEMO_CREDENTIALS.password);
  await signInTab.getByRole('button', { name: 'Sign in' }).click();

  const signedIn = await page.evaluate(
    () => (window as unknown as { signedIn: Promise<SessionView> }).signedIn,
  );
  expect(signedIn).toMatchObject({ state: 'signed-in', email: DEMO_CREDENTIALS.email });
  expect(await page.evaluate(() => window.companion.getSession({}))).toMatchObject({ state: 'signed-in' });

  // Anything else stays inside: the page refuses links off the allow-list.
  const refused = await page.evaluate(() =>
    window.companion.openExternal({ url: 'http://127.0.0.1:9/elsewhere' }).then(
      () => 'opened',
      (error: { code?: string }) => error.code,
    ),
  );
  expect(refused).toBe('forbidden');
});
