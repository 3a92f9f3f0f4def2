// An access token for the demo partner, obtained from the sandbox by the test itself (authorization
// code + PKCE, the form submitted without a browser), so the test can read the sandbox's own
// answers independently of the companion under test.
import { randomBytes } from 'node:crypto';
import { pkcePair, submitSignInForm } from '../../support/sandbox-sign-in.ts';

const CLIENT_ID = 'quantower-referral-companion';

export async function sandboxAccessToken(accountsUrl: string): Promise<string> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  // Registered loopback redirect; nothing listens there: the code is read from the Location header.
  const redirectUri = 'http://127.0.0.1:9/callback';
  const authorize = new URL('oauth/authorize', accountsUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();
  const signedIn = await submitSignInForm(authorize.href);
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
      client_id: CLIENT_ID,
    }),
  });
  const body = (await response.json()) as { access_token?: unknown };
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new Error(`The sandbox token endpoint answered HTTP ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.access_token;
}
