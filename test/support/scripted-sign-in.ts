// For core tests against a scripted accounts server: the server also answers OAuth discovery and
// the refresh grant, and a secret store holds a sign-in for it, as after a restart. The companion
// then starts signed in and sends a bearer token, without a browser.

import { createMemorySecretStore, type SecretStore } from '../../electron/core/secrets/secret-store.ts';
import { sessionStoreKey } from '../../electron/core/session/companion-session.ts';
import { json, type ScriptedServer } from './scripted-server.ts';

export const SCRIPTED_ACCESS_TOKEN = 'scripted-access-token';

export async function scriptedSignIn(
  server: ScriptedServer,
  options: { email?: string; demoScope?: string } = {},
): Promise<SecretStore> {
  const base = server.url;
  server.on('/.well-known/oauth-authorization-server', (_req, res) =>
    json(res, 200, {
      issuer: base.replace(/\/$/u, ''),
      authorization_endpoint: `${base}oauth/authorize`,
      token_endpoint: `${base}oauth/token`,
      code_challenge_methods_supported: ['S256'],
    }),
  );
  server.on('/oauth/token', (_req, res) =>
    json(res, 200, {
      access_token: SCRIPTED_ACCESS_TOKEN,
      token_type: 'Bearer',
      expires_in: 600,
      refresh_token: 'scripted-refresh-token-next',
    }),
  );
  const store = createMemorySecretStore();
  await store.set(
    sessionStoreKey(base, options.demoScope),
    JSON.stringify({
      v: 1,
      refreshToken: 'scripted-refresh-token',
      email: options.email ?? 'demo@example.com',
    }),
  );
  return store;
}
