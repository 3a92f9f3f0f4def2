// Signs in the way a user does: Sign in with Quantower on the app page, the sandbox's sign-in
// page in the new tab the app opens, back on the app once the session says signed in.
import { expect, type Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../../sandbox/oauth/demo.ts';

export interface SignInOptions {
  email?: string;
  password?: string;
}

/** Clicks Sign in and returns the sign-in tab the app opened (the sandbox's page). */
export async function openSignInTab(page: Page): Promise<Page> {
  const opening = page.context().waitForEvent('page');
  await page.getByTestId('sign-in-button').click();
  const tab = await opening;
  await tab.waitForLoadState();
  await expect(page.getByTestId('sign-in-waiting')).toBeVisible();
  return tab;
}

/** Fills the sandbox's sign-in form in `tab` and submits it. */
export async function submitCredentials(tab: Page, options: SignInOptions = {}): Promise<void> {
  await tab.getByLabel('E-mail').fill(options.email ?? DEMO_CREDENTIALS.email);
  await tab.getByLabel('Password').fill(options.password ?? DEMO_CREDENTIALS.password);
  await tab.getByRole('button', { name: 'Sign in' }).click();
}

/** The whole sign-in from the app page; resolves once the app shows the signed-in account. */
export async function signInThroughPage(page: Page, options: SignInOptions = {}): Promise<void> {
  const tab = await openSignInTab(page);
  await submitCredentials(tab, options);
  await expect(tab.getByTestId('loopback-title')).toHaveText('You are signed in');
  await tab.close();
  await expect(page.getByTestId('account-menu-button')).toBeVisible();
}
