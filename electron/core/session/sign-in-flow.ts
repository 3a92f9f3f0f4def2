// Signing in in the system browser (OAuth 2.0 authorization code + PKCE, RFC 8252): discovery, a
// loopback receiver for the redirect, the checks on the answer and the code exchange. One attempt
// is current at a time; what the issued tokens mean for the session is the session's to decide.

import type { SessionReason } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import type { Logger } from '../logging/logger.ts';
import type { LoopbackReceiver, ReceivedCallback } from './loopback-receiver.ts';
import { type AuthorizationServer, type OAuthClient, OAuthError, type TokenSet } from './oauth-client.ts';
import { createPkce, createState, type Pkce } from './pkce.ts';

/** How long the browser may still fetch the closing page before its listener closes. */
const RETIRE_AFTER_MS = 60_000;

/** The attempt that brought tokens, as the session sees it while it takes them on. */
export interface SignInAttempt {
  /** Still the attempt in progress (not cancelled, timed out, closed or replaced). */
  readonly current: boolean;
  /** Signed in: the browser is told so, and the attempt is over. */
  succeed(): void;
  /** No sign-in after all: the browser is told, and the attempt (if still current) ends with `why`. */
  fail(why: SessionReason): void;
  /** The session was settled elsewhere meanwhile: the browser is told it failed, nothing else. */
  abandon(): void;
}

export interface SignInFlowOptions {
  oauth: OAuthClient;
  startReceiver: (options: { state: string }) => Promise<LoopbackReceiver>;
  /** How long to wait for the browser to come back. */
  timeoutMs: number;
  logger: Logger;
  /** The attempt is under way, its page is `authorizeUrl()` (called before `start` resolves). */
  onStarted(): void;
  /** The current attempt ended without a sign-in: `why`, or undefined when it was cancelled. */
  onEnded(why: SessionReason | undefined): void;
  /** The server exchanged the browser's code for these tokens. */
  onIssued(issued: TokenSet, attempt: SignInAttempt): Promise<void>;
}

export interface SignInFlow {
  /** The sign-in page of the attempt in progress. */
  authorizeUrl(): string | undefined;
  /** Starts an attempt; resolves with why the server could not be asked, or undefined once under way. */
  start(): Promise<SessionReason | undefined>;
  /** Ends the attempt in progress, if any (Cancel, sign-out): its listener closes at once. */
  cancel(): void;
  /** Shutdown: no attempt goes on, every listener closes; nobody is told. */
  close(): Promise<void>;
}

interface Attempt {
  receiver: LoopbackReceiver;
  authorizeUrl: string;
  timer: ReturnType<typeof setTimeout>;
}

export function createSignInFlow(options: SignInFlowOptions): SignInFlow {
  const { oauth, logger } = options;
  let current: Attempt | undefined;
  /** Every listener not closed yet, including retired ones still serving their closing page. */
  const receivers = new Set<LoopbackReceiver>();

  function retire(receiver: LoopbackReceiver): void {
    const timer = setTimeout(() => {
      receivers.delete(receiver);
      void receiver.close();
    }, RETIRE_AFTER_MS);
    timer.unref();
  }

  /** Makes `attempt` no longer current; its listener closes now or, for the browser's sake, later. */
  function settle(attempt: Attempt, closeNow: boolean): void {
    clearTimeout(attempt.timer);
    current = undefined;
    if (closeNow) {
      receivers.delete(attempt.receiver);
      void attempt.receiver.close();
    } else {
      // Let the browser fetch the closing page first.
      retire(attempt.receiver);
    }
  }

  /** Ends `attempt` (if still current) without a sign-in. */
  function end(attempt: Attempt, why: SessionReason | undefined, closeNow: boolean): void {
    if (current !== attempt) return;
    settle(attempt, closeNow);
    options.onEnded(why);
  }

  async function answered(
    attempt: Attempt,
    server: AuthorizationServer,
    pkce: Pkce,
    received: ReceivedCallback,
  ): Promise<void> {
    const { params } = received;
    const fail = (outcome: 'denied' | 'failed', why: SessionReason) => {
      received.finish(outcome);
      end(attempt, why, false);
    };
    if (current !== attempt) return received.finish('failed');
    clearTimeout(attempt.timer);
    if (params.error) {
      if (params.error === 'access_denied') {
        return fail('denied', { code: 'denied', message: 'Sign-in was cancelled on the Quantower page.' });
      }
      const detail = params.errorDescription ? `: ${params.errorDescription}` : '';
      return fail('failed', {
        code: 'failed',
        message: `The accounts server refused the sign-in (${params.error}${detail}).`,
      });
    }
    // RFC 9207: the answer must come from the server we asked, not another one in a mix-up.
    if (server.authorization_response_iss_parameter_supported && params.iss !== server.issuer) {
      return fail('failed', { code: 'failed', message: 'The sign-in answer came from another server.' });
    }
    if (!params.code)
      return fail('failed', { code: 'failed', message: 'The sign-in answer carried no code.' });

    let issued: TokenSet;
    try {
      issued = await oauth.exchangeCode({
        code: params.code,
        redirectUri: attempt.receiver.redirectUri,
        verifier: pkce.verifier,
      });
    } catch (error) {
      return fail('failed', reasonFor(error));
    }
    return options.onIssued(issued, {
      get current() {
        return current === attempt;
      },
      succeed() {
        received.finish('signed-in');
        settle(attempt, false);
      },
      fail: (why) => fail('failed', why),
      abandon: () => received.finish('failed'),
    });
  }

  return {
    authorizeUrl: () => current?.authorizeUrl,

    async start() {
      let server: AuthorizationServer;
      try {
        server = await oauth.discover();
      } catch (error) {
        return reasonFor(error);
      }
      const pkce = createPkce();
      const expectedState = createState();
      const receiver = await options.startReceiver({ state: expectedState });
      receivers.add(receiver);
      const attempt: Attempt = {
        receiver,
        authorizeUrl: oauth.authorizeUrl(server, {
          redirectUri: receiver.redirectUri,
          state: expectedState,
          challenge: pkce.challenge,
        }),
        timer: setTimeout(() => {
          end(
            attempt,
            { code: 'timed-out', message: 'Nobody finished signing in in the browser in time.' },
            true,
          );
        }, options.timeoutMs),
      };
      attempt.timer.unref?.();
      logger.info('sign-in started in the browser');
      logger.debug(`sign-in page: ${attempt.authorizeUrl}`);
      current = attempt;
      options.onStarted();
      receiver.callback.then(
        (received) => answered(attempt, server, pkce, received),
        () => {}, // closed: cancel, timeout or shutdown already settled the state
      );
      return undefined;
    },

    cancel() {
      if (current) end(current, undefined, true);
    },

    async close() {
      if (current) {
        clearTimeout(current.timer);
        current = undefined;
      }
      await Promise.all([...receivers].map((r) => r.close()));
      receivers.clear();
    },
  };
}

function reasonFor(error: unknown): SessionReason {
  if (error instanceof OAuthError && error.kind === 'network')
    return { code: 'unreachable', message: error.message };
  return { code: 'failed', message: errorMessage(error) };
}
