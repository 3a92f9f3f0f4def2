// Assembles the session for startCompanion: OAuth client on the accounts URL, the secret store
// entry for that server, events to the UI, and the auth hook the accounts client calls.

import type { AccountsAuth } from '../accounts-client.ts';
import type { EventHub } from '../event-hub.ts';
import type { Logger } from '../logging/logger.ts';
import { createMemorySecretStore, memoryOnlyNote, type SecretStore } from '../secrets/secret-store.ts';
import { createOAuthClient } from './oauth-client.ts';
import { createSession, type Session } from './session.ts';

export interface CompanionSessionOptions {
  accountsUrl: string;
  /** Demo mode keys the entry by this scope (the sandbox's port changes every run). */
  demoScope: string | undefined;
  store: SecretStore | undefined;
  events: EventHub;
  loadProfile: () => Promise<{ email: string }>;
  fetch?: typeof fetch | undefined;
  signInTimeoutMs?: number | undefined;
  logger?: Logger | undefined;
}

/** The secret store entry of a sign-in: per accounts server, or per demo sandbox (its port changes). */
export function sessionStoreKey(accountsUrl: string, demoScope: string | undefined): string {
  return demoScope === undefined ? `session:${accountsUrl}` : `demo-session:${demoScope}`;
}

export function createCompanionSession(options: CompanionSessionOptions): {
  session: Session;
  auth: AccountsAuth;
} {
  const store = options.store ?? createMemorySecretStore(memoryOnlyNote(['none was configured']));
  const session = createSession({
    oauth: createOAuthClient({
      accountsUrl: options.accountsUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
    store,
    storeKey: sessionStoreKey(options.accountsUrl, options.demoScope),
    loadProfile: options.loadProfile,
    onChange: (view) => options.events.emit('sessionChanged', view),
    ...(options.signInTimeoutMs ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const auth: AccountsAuth = {
    accessToken: () => session.getAccessToken(),
    renew: (rejected) => session.renewAfterRejection(rejected),
    rejectedAgain: (detail) => session.rejectedAgain(detail),
  };
  return { session, auth };
}
