// The signed-in session: what the user is shown (signed out, signing in, signed in, and why) and
// the moves between those states, composed from parts that each keep one thing: the browser
// sign-in (sign-in-flow.ts), the tokens and their shared refresh (token-keeper.ts), the background
// refresh (refresh-scheduler.ts), the kept sign-in (saved-sign-in.ts) and the revocations the server
// has not confirmed (revocation-queue.ts). Only a token-free SessionView ever leaves this module.

import type { SessionNotice, SessionReason, SessionView } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import { consoleWarn, type Logger, silentLogger } from '../logging/logger.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { realTimers, type Timers } from '../timers.ts';
import { type LoopbackReceiver, startLoopbackReceiver } from './loopback-receiver.ts';
import type { OAuthClient, TokenSet } from './oauth-client.ts';
import { createRefreshScheduler } from './refresh-scheduler.ts';
import { retryDelays } from './retry-policy.ts';
import { createRevocationQueue } from './revocation-queue.ts';
import { createSavedSignIn } from './saved-sign-in.ts';
import { createSignInFlow, type SignInAttempt } from './sign-in-flow.ts';
import { createTokenKeeper, signedOutError } from './token-keeper.ts';

// The options name the timers' type; callers (and the tests' fake clock) take it from here.
export type SessionTimers = Timers;

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
  timers?: Timers;
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

export function createSession(options: SessionOptions): Session {
  const { oauth, store } = options;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const log = options.log ?? (options.logger ? logger.warn : consoleWarn);
  const skewMs = options.refreshSkewMs ?? 60_000;
  const timers = options.timers ?? realTimers;
  const delayAfter = retryDelays(options.retryDelaysMs);

  // What the user is shown; the tokens, timers and the attempt in the browser live in the parts below.
  let state: SessionView['state'] = 'signed-out';
  let email: string | undefined;
  let reason: SessionReason | undefined;
  let notice: SessionNotice | undefined;
  let starting: Promise<SessionView> | undefined;

  const saved = createSavedSignIn({ store, key: options.storeKey, log });
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
  const tokens = createTokenKeeper({
    refresh: (refreshToken) => oauth.refresh(refreshToken),
    skewMs,
    now,
    logger,
    onRefused: expire,
    onStale: (refreshToken) => void revocations.revoke(refreshToken),
    async onRefreshed(issued) {
      background.refreshed();
      if (email) await saved.save(issued.refreshToken, email);
    },
  });
  const background = createRefreshScheduler({
    tokens,
    signedIn: () => state === 'signed-in',
    timers,
    now,
    skewMs,
    delayAfter,
    log,
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

  /** The browser's sign-in brought tokens: the session is this account's once its profile is read. */
  async function signedInThroughBrowser(issued: TokenSet, attempt: SignInAttempt): Promise<void> {
    // Cancelled, timed out or signed out while the code was exchanged: these must not stay valid.
    if (!attempt.current) {
      attempt.abandon();
      return void revocations.revoke(issued.refreshToken);
    }
    tokens.adopt(issued);
    let profile: { email: string };
    try {
      profile = await options.loadProfile();
    } catch (error) {
      tokens.drop();
      void revocations.revoke(issued.refreshToken);
      return attempt.fail({
        code: 'failed',
        message: `Signed in, but your account could not be read: ${errorMessage(error)}`,
      });
    }
    // Reading the profile may have rotated the refresh token: keep the one held now.
    const refreshToken = tokens.refreshToken;
    if (!attempt.current || refreshToken === undefined) return attempt.abandon();
    await saved.save(refreshToken, profile.email);
    logger.info(`signed in as ${profile.email}`);
    attempt.succeed();
    state = 'signed-in';
    email = profile.email;
    reason = undefined;
    notice = undefined;
    background.plan();
    changed();
  }

  async function start(): Promise<SessionView> {
    const notStarted = await signInFlow.start();
    if (notStarted) reason = notStarted;
    return changed();
  }

  async function expire(message: string): Promise<void> {
    tokens.end();
    // A later sign-in starts its background retries from the first wait.
    background.reset();
    email = undefined;
    state = 'signed-out';
    reason = { code: 'expired', message };
    await saved.forget();
    changed();
  }

  return {
    view,

    async restore() {
      const kept = await saved.load();
      if (kept && state === 'signed-out' && !tokens.held) {
        tokens.resume(kept.refreshToken);
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
      const refreshToken = tokens.end();
      background.reset();
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

    getAccessToken: () => tokens.accessToken(),

    renewAfterRejection: (token) => tokens.renewAfterRejection(token),

    async rejectedAgain(detail) {
      if (tokens.held)
        await expire(`The accounts server no longer accepts your sign-in (${detail}). Please sign in again.`);
      throw signedOutError();
    },

    async close() {
      background.close();
      revocations.close();
      await signInFlow.close();
    },
  };
}
