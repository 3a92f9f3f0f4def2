// The signed-in session: the sign-in flow (system browser + loopback redirect), the tokens
// (access token in memory, refresh token in the secret store), single-flight refresh (on demand
// and in the background ahead of expiry), and sign-out with revocation (retried in the background
// when the server cannot be told). Only a token-free SessionView ever leaves this module.

import {
  BridgeError,
  type SessionNotice,
  type SessionReason,
  type SessionView,
} from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import { AccountsError } from '../accounts-client.ts';
import { consoleWarn, type Logger, silentLogger } from '../logging/logger.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { type LoopbackReceiver, startLoopbackReceiver } from './loopback-receiver.ts';
import { type OAuthClient, OAuthError, type TokenSet } from './oauth-client.ts';
import { retryDelays, worthRetrying } from './retry-policy.ts';
import { createRevocationQueue } from './revocation-queue.ts';
import { createSavedSignIn } from './saved-sign-in.ts';
import { realTimers, type SessionTimers } from './session-timers.ts';
import { createSignInFlow, type SignInAttempt } from './sign-in-flow.ts';

// The options name the timers' type; callers (and the tests' fake clock) take it from here.
export type { SessionTimers } from './session-timers.ts';

export interface SessionOptions {
  oauth: OAuthClient;
  store: SecretStore;
  /** The secret store entry for this accounts server. */
  storeKey: string;
  /** Who signed in; called with the fresh tokens in place (it goes through getAccessToken). */
  loadProfile: () => Promise<{ email: string }>;
  onChange: (view: SessionView) => void;
  /** How long to wait for the browser to come back (default 5 minutes). */
  signInTimeoutMs?: number;
  /** Refresh this long before the access token expires (default 60 s). */
  refreshSkewMs?: number;
  now?: () => number;
  /** The background refresh's and the revocation retries' timers (tests pass a fake clock). */
  timers?: SessionTimers;
  /** Waits between background attempts after a network failure; the last one repeats. */
  retryDelaysMs?: readonly number[];
  startReceiver?: (options: { state: string }) => Promise<LoopbackReceiver>;
  log?: (message: string) => void;
  /** What happens to the session, at info/debug level (the logger scrubs it). */
  logger?: Logger;
}

export interface Session {
  view(): SessionView;
  /** Picks up the sign-in kept from an earlier run. */
  restore(): Promise<SessionView>;
  signIn(): Promise<SessionView>;
  cancelSignIn(): Promise<SessionView>;
  signOut(): Promise<SessionView>;
  /** A valid access token, refreshed ahead of expiry; throws a 'rejected' BridgeError when signed out. */
  getAccessToken(): Promise<string>;
  /** The server answered 401 to `token`: a fresh one to retry with once (shared refresh), or throws. */
  renewAfterRejection(token: string): Promise<string>;
  /** The retried request was refused too: the server no longer accepts this sign-in. */
  rejectedAgain(detail: string): Promise<never>;
  close(): Promise<void>;
}

interface Tokens {
  refreshToken: string;
  access: { token: string; expiresAt: number } | undefined;
}

export function signedOutError(): BridgeError {
  return new BridgeError({
    code: 'rejected',
    message: 'You are signed out: sign in to continue.',
    retryable: false,
  });
}

export function createSession(options: SessionOptions): Session {
  const { oauth, store, storeKey } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const log = options.log ?? (options.logger ? logger.warn : consoleWarn);
  const skewMs = options.refreshSkewMs ?? 60_000;
  const timers = options.timers ?? realTimers;
  const saved = createSavedSignIn({ store, key: storeKey, log });
  const delayAfter = retryDelays(options.retryDelaysMs);

  let state: SessionView['state'] = 'signed-out';
  let email: string | undefined;
  let reason: SessionReason | undefined;
  let notice: SessionNotice | undefined;
  let tokens: Tokens | undefined;
  let starting: Promise<SessionView> | undefined;
  let refreshing: Promise<string> | undefined;
  /** Bumped whenever the session's identity changes, so late answers for an old one are dropped. */
  let epoch = 0;
  let closed = false;
  /** The background refresh: due shortly before the access token expires, or a retry. */
  let refreshTimer: unknown;
  let refreshFailures = 0;
  const revocations = createRevocationQueue({
    revoke: (refreshToken) => oauth.revoke(refreshToken),
    timers,
    delayAfter,
    log,
    onAllRevoked() {
      // The server has been told after all: the note after sign-out no longer holds.
      if (notice?.code !== 'revocation-failed') return;
      notice = undefined;
      if (state === 'signed-out') changed();
    },
  });

  const signInFlow = createSignInFlow({
    oauth,
    startReceiver: options.startReceiver ?? startLoopbackReceiver,
    timeoutMs: options.signInTimeoutMs ?? 5 * 60_000,
    logger,
    onStarted() {
      state = 'signing-in';
      reason = undefined;
      notice = undefined;
    },
    onEnded(why) {
      state = 'signed-out';
      reason = why;
      changed();
    },
    onIssued: signedInThroughBrowser,
  });

  function view(): SessionView {
    const page = signInFlow.authorizeUrl();
    return {
      state,
      ...(state === 'signed-in' && email ? { email } : {}),
      ...(reason ? { reason } : {}),
      ...(state === 'signed-out' && notice ? { notice } : {}),
      ...(state === 'signing-in' && page !== undefined ? { authorizeUrl: page } : {}),
      storage: store.kind,
      ...(store.note ? { storageNote: store.note } : {}),
    };
  }

  function changed(): SessionView {
    const current = view();
    options.onChange(current);
    return current;
  }

  function cancelRefresh(): void {
    if (refreshTimer !== undefined) timers.clearTimeout(refreshTimer);
    refreshTimer = undefined;
  }

  /** Plans the background refresh shortly before the access token expires (or a retry after `delayMs`). */
  function scheduleRefresh(delayMs?: number): void {
    cancelRefresh();
    const access = tokens?.access;
    if (closed || state !== 'signed-in' || !access) return;
    const left = access.expiresAt - now();
    // Ahead by the refresh margin, but never more than half the token's life (no refresh loop
    // when the server hands out tokens shorter than the margin).
    const due = delayMs ?? Math.max(0, left - skewMs, left / 2);
    const started = epoch;
    refreshTimer = timers.setTimeout(() => {
      refreshTimer = undefined;
      void refreshInBackground(started);
    }, due);
  }

  async function refreshInBackground(started: number): Promise<void> {
    if (closed || epoch !== started || !tokens || state !== 'signed-in') return;
    const access = tokens.access;
    // Someone refreshed on demand in the meantime (that also planned the next one).
    if (access && access.expiresAt - skewMs > now() && refreshFailures === 0) return scheduleRefresh();
    try {
      await refreshShared();
    } catch (error) {
      // Refused: refreshShared has signed out. Anything else: still signed in, try again later.
      if (closed || epoch !== started || !tokens || (error instanceof BridgeError && !error.retryable))
        return;
      refreshFailures += 1;
      log(`session: the background refresh failed (attempt ${refreshFailures}): ${errorMessage(error)}`);
      scheduleRefresh(delayAfter(refreshFailures));
    }
  }

  /** The browser's sign-in brought tokens: the session is this account's once its profile is read. */
  async function signedInThroughBrowser(issued: TokenSet, attempt: SignInAttempt): Promise<void> {
    // Cancelled, timed out or signed out while the code was exchanged: these must not stay valid.
    if (!attempt.current) {
      attempt.abandon();
      return void revocations.revoke(issued.refreshToken);
    }
    epoch += 1;
    tokens = {
      refreshToken: issued.refreshToken,
      access: { token: issued.accessToken, expiresAt: issued.expiresAt },
    };
    let profile: { email: string };
    try {
      profile = await options.loadProfile();
    } catch (error) {
      tokens = undefined;
      void revocations.revoke(issued.refreshToken);
      return attempt.fail({
        code: 'failed',
        message: `Signed in, but your account could not be read: ${errorMessage(error)}`,
      });
    }
    if (!attempt.current || !tokens) return attempt.abandon();
    await saved.save(tokens.refreshToken, profile.email);
    logger.info(`signed in as ${profile.email}`);
    attempt.succeed();
    state = 'signed-in';
    email = profile.email;
    reason = undefined;
    notice = undefined;
    scheduleRefresh();
    changed();
  }

  async function start(): Promise<SessionView> {
    const notStarted = await signInFlow.start();
    if (notStarted) reason = notStarted;
    return changed();
  }

  async function expire(message: string): Promise<void> {
    epoch += 1;
    cancelRefresh();
    tokens = undefined;
    email = undefined;
    state = 'signed-out';
    reason = { code: 'expired', message };
    await saved.forget();
    changed();
  }

  function refreshShared(): Promise<string> {
    refreshing ??= (async () => {
      const started = epoch;
      const current = tokens;
      if (!current) throw signedOutError();
      let issued: TokenSet;
      try {
        issued = await oauth.refresh(current.refreshToken);
      } catch (error) {
        // Refused for good (invalid_grant & co.); a 5xx or 429 with an error body is just a bad moment.
        if (error instanceof OAuthError && error.kind === 'refused' && !worthRetrying(error)) {
          if (epoch === started)
            await expire(`Your sign-in has ended: ${error.message}. Please sign in again.`);
          throw signedOutError();
        }
        // Offline or a broken answer: still signed in, the call just fails this time.
        throw new AccountsError(
          error instanceof OAuthError && error.kind === 'invalid-response' ? 'invalid-response' : 'network',
          errorMessage(error),
        );
      }
      if (epoch !== started || !tokens) {
        void revocations.revoke(issued.refreshToken);
        throw signedOutError();
      }
      tokens = {
        refreshToken: issued.refreshToken,
        access: { token: issued.accessToken, expiresAt: issued.expiresAt },
      };
      logger.info(`access token refreshed, valid until ${new Date(issued.expiresAt).toISOString()}`);
      refreshFailures = 0;
      scheduleRefresh();
      if (email) await saved.save(issued.refreshToken, email);
      return issued.accessToken;
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return {
    view,

    async restore() {
      const kept = await saved.load();
      if (kept && state === 'signed-out' && !tokens) {
        tokens = { refreshToken: kept.refreshToken, access: undefined };
        email = kept.email;
        state = 'signed-in';
        reason = undefined;
        notice = undefined;
        // No access token yet: the first use refreshes, and that plans the background refresh.
        return changed();
      }
      return view();
    },

    signIn() {
      if (state !== 'signed-out') return Promise.resolve(view());
      starting ??= start().finally(() => {
        starting = undefined;
      });
      return starting;
    },

    async cancelSignIn() {
      if (starting) await starting;
      signInFlow.cancel();
      return view();
    },

    async signOut() {
      if (starting) await starting;
      signInFlow.cancel();
      const refreshToken = tokens?.refreshToken;
      epoch += 1;
      cancelRefresh();
      refreshFailures = 0;
      tokens = undefined;
      email = undefined;
      state = 'signed-out';
      reason = undefined;
      notice = undefined;
      // Revoke first (while the token is still ours to present), then delete it here regardless.
      // When the server cannot be told, the user is, and core keeps trying in the background.
      const revoked = refreshToken ? await revocations.revoke(refreshToken) : true;
      await saved.forget();
      logger.info(revoked ? 'signed out' : 'signed out here; the server could not be told yet');
      if (!revoked && state === 'signed-out') notice = { code: 'revocation-failed' };
      return changed();
    },

    async getAccessToken() {
      if (!tokens) throw signedOutError();
      const access = tokens.access;
      if (access && access.expiresAt - skewMs > now()) return access.token;
      return refreshShared();
    },

    async renewAfterRejection(token) {
      if (!tokens) throw signedOutError();
      const access = tokens.access;
      // Another caller already replaced the rejected token.
      if (access && access.token !== token && access.expiresAt - skewMs > now()) return access.token;
      if (access?.token === token) tokens.access = undefined;
      return refreshShared();
    },

    async rejectedAgain(detail) {
      if (tokens)
        await expire(`The accounts server no longer accepts your sign-in (${detail}). Please sign in again.`);
      throw signedOutError();
    },

    async close() {
      closed = true;
      cancelRefresh();
      revocations.close();
      await signInFlow.close();
    },
  };
}
