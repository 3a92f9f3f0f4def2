// Signs in on the sandbox's sign-in page the way a browser would (GET the page, POST the form),
// without a browser: for integration tests that need a real OAuth flow against the sandbox.
import { createHash, randomBytes } from 'node:crypto';
import { COMPANION_CLIENT } from '../../sandbox/oauth/clients.ts';
import { DEMO_CREDENTIALS } from '../../sandbox/oauth/demo.ts';

/** Tests sign in as the companion's own public client, as a native app would. */
const TEST_CLIENT_ID = COMPANION_CLIENT.id;

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

export interface SandboxTokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * Signs in to the sandbox as a test client (authorization code + PKCE, the form submitted
 * without a browser) and returns the tokens: for tests that call the accounts API themselves.
 * The redirect goes to a loopback port nobody listens on; the code is read from Location.
 */
export async function sandboxTokens(
  accountsUrl: string,
  options: SubmitOptions = {},
): Promise<SandboxTokens> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  const redirectUri = 'http://127.0.0.1:9/callback';
  const authorize = new URL('oauth/authorize', accountsUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: TEST_CLIENT_ID,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();
  const signedIn = await submitSignInForm(authorize.href, options);
  const redirect = signedIn.location ? new URL(signedIn.location) : undefined;
  const code = redirect?.searchParams.get('code');
  if (!code || redirect?.searchParams.get('state') !== state) {
    throw new Error(
      `The sandbox did not hand out a code (HTTP ${signedIn.status}): ${signedIn.body.slice(0, 300)}`,
    );
  }
  const response = await fetch(new URL('oauth/token', accountsUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      client_id: TEST_CLIENT_ID,
    }),
  });
  const body = (await response.json()) as { access_token?: unknown; refresh_token?: unknown };
  if (!response.ok || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
    throw new Error(`The sandbox token endpoint answered HTTP ${response.status}: ${JSON.stringify(body)}`);
  }
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

/** `Authorization: Bearer …` headers for the demo partner (or `options`' account) of this sandbox. */
export async function sandboxAuthHeaders(
  accountsUrl: string,
  options: SubmitOptions = {},
): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${(await sandboxTokens(accountsUrl, options)).accessToken}` };
}
