// Helpers for the earnings end-to-end tests: sign the browser shell in through its bridge (the
// sandbox's sign-in page in a second tab), and read the sandbox's own answers as the reference.
import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../../sandbox/oauth/demo.ts';
import type { SessionView } from '../../../shared/bridge.ts';
import { sandboxAuthHeaders } from '../../support/sandbox-sign-in.ts';

/** Signs the companion in (unless it already is), as a user would on the sandbox's sign-in page. */
export async function signInShell(page: Page, context: BrowserContext): Promise<void> {
  const session = await page.evaluate(() => window.companion.getSession({}));
  if (session.state === 'signed-in') return;
  const started: SessionView = await page.evaluate(() => window.companion.signIn({}));
  if (started.state === 'signed-in') return;
  if (!started.authorizeUrl) throw new Error(`Sign-in did not start: ${JSON.stringify(started)}`);
  const tab = await context.newPage();
  await tab.goto(started.authorizeUrl);
  await tab.getByLabel('E-mail').fill(DEMO_CREDENTIALS.email);
  await tab.getByLabel('Password').fill(DEMO_CREDENTIALS.password);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(async () => (await window.companion.getSession({})).state === 'signed-in');
  await tab.close();
}

/** GETs the accounts API as the demo partner (its own sign-in, independent of the companion). */
export async function partnerApi(accountsUrl: string): Promise<<T>(path: string) => Promise<T>> {
  const headers = await sandboxAuthHeaders(accountsUrl);
  return async <T>(path: string) => {
    const response = await fetch(new URL(path.replace(/^\//u, ''), accountsUrl), { headers });
    if (!response.ok) throw new Error(`GET ${path} → HTTP ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** POSTs to the sandbox's operator API (simulation controls). */
export async function operator<T>(accountsUrl: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path.replace(/^\//u, ''), accountsUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} → HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
