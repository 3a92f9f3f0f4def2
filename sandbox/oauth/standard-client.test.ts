// The proof that the sandbox speaks OAuth 2.0, not just our own dialect: oauth4webapi, an
// independent, spec-strict client library, runs the whole flow against it (discovery, PKCE,
// state, iss, code exchange, rotation, revocation). Only the sign-in form is driven by hand.
import * as oauth from 'oauth4webapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountsPaths, Profile } from '../../shared/accounts-api.ts';
import { submitSignInForm } from '../../test/support/sandbox-sign-in.ts';
import { DEMO_PARTNER } from '../db/seed.ts';
import { type RunningSandbox, startSandbox } from '../server.ts';
import { COMPANION_CLIENT } from './app.ts';

// The sandbox runs on plain-HTTP loopback; the library refuses that unless told.
const insecure = { [oauth.allowInsecureRequests]: true } as const;
const client: oauth.Client = { client_id: COMPANION_CLIENT.id };
const clientAuth = oauth.None();
const redirectUri = 'http://127.0.0.1:47123/callback';

let sandbox: RunningSandbox;
let as: oauth.AuthorizationServer;
beforeEach(async () => {
  sandbox = await startSandbox({ mode: 'test' });
  const issuer = new URL(sandbox.url);
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
  );
});
afterEach(async () => {
  await sandbox.close();
});

async function authorize(options: { action?: 'deny' } = {}) {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint as string);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  const result = await submitSignInForm(url.href, options);
  expect(result.status).toBe(303);
  return { callback: new URL(result.location as string), codeVerifier, state };
}

describe('oauth4webapi against the sandbox', () => {
  it('discovers the server', () => {
    expect(as.issuer).toBe(sandbox.url.replace(/\/$/u, ''));
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('completes the code flow with PKCE, calls the API, rotates and revokes', async () => {
    const { callback, codeVerifier, state } = await authorize();
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        redirectUri,
        codeVerifier,
        insecure,
      ),
    );
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBeGreaterThan(0);

    const me = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(accountsPaths.profile.slice(1), sandbox.url),
      new Headers(),
      null,
      insecure,
    );
    expect(Profile.parse(await me.json()).partnerId).toBe(DEMO_PARTNER.id);

    const rotated = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token as string, insecure),
    );
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);

    // Reusing the first refresh token is refused as invalid_grant.
    const reuse = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token as string, insecure),
    );
    await expect(reuse).rejects.toMatchObject({ error: 'invalid_grant' });

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, clientAuth, rotated.refresh_token as string, insecure),
    );
    const afterRevoke = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, clientAuth, rotated.refresh_token as string, insecure),
    );
    await expect(afterRevoke).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('sees a denial as an access_denied authorization response, and a wrong state as an error', async () => {
    const denied = await authorize({ action: 'deny' });
    expect(() => oauth.validateAuthResponse(as, client, denied.callback, denied.state)).toThrow(
      expect.objectContaining({ error: 'access_denied' }),
    );
    const granted = await authorize();
    expect(() => oauth.validateAuthResponse(as, client, granted.callback, 'another-state')).toThrow(/state/);
  });
});
