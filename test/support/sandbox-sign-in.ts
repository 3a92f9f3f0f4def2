// Signs in on the sandbox's sign-in page the way a browser would (GET the page, POST the form),
// without a browser: for integration tests that need a real OAuth flow against the sandbox.
import { createHash, randomBytes } from 'node:crypto';
import { DEMO_CREDENTIALS } from '../../sandbox/oauth/demo.ts';

export interface SubmitOptions {
  email?: string;
  password?: string;
  /** 'deny' presses Cancel on the page. */
  action?: 'sign-in' | 'deny';
}

export interface SubmitResult {
  status: number;
  /** Where the sandbox sent the browser (the app's loopback redirect), if it redirected. */
  location: string | undefined;
  body: string;
}

/** Opens the authorization URL and submits the sign-in form on it; does not follow the redirect. */
export async function submitSignInForm(
  authorizeUrl: string,
  options: SubmitOptions = {},
): Promise<SubmitResult> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  if (page.status !== 200) {
    return {
      status: page.status,
      location: page.headers.get('location') ?? undefined,
      body: await page.text(),
    };
  }
  const html = await page.text();
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/gu)) {
    form.append(match[1] as string, unescapeHtml(match[2] as string));
  }
  form.set('email', options.email ?? DEMO_CREDENTIALS.email);
  form.set('password', options.password ?? DEMO_CREDENTIALS.password);
  form.set('action', options.action ?? 'sign-in');
  const answer = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  return {
    status: answer.status,
    location: answer.headers.get('location') ?? undefined,
    body: await answer.text(),
  };
}

/** Signs in and delivers the redirect to the app's loopback listener, as the browser would. */
export async function signInThroughBrowser(
  authorizeUrl: string,
  options: SubmitOptions = {},
): Promise<Response> {
  const result = await submitSignInForm(authorizeUrl, options);
  if (!result.location)
    throw new Error(`The sandbox did not redirect (HTTP ${result.status}): ${result.body.slice(0, 300)}`);
  return fetch(result.location, { redirect: 'follow' });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
