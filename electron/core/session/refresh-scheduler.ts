// The background refresh: while signed in, the access token is refreshed by itself shortly before
// it expires, through the keeper's shared refresh. When the server cannot be reached it tries
// again after the retry delays; a refusal is the keeper's to act on (the sign-in ends).

import { BridgeError } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import type { Timers } from '../timers.ts';
import type { TokenKeeper } from './token-keeper.ts';

export interface RefreshScheduler {
  /** Plans the next refresh shortly before the access token expires (nothing without one). */
  plan(): void;
  /** A refresh went through: failures are forgotten and the next one planned from the new token. */
  refreshed(): void;
  /** Drops the plan; the count of failures stays (it sets the next retry's wait). */
  cancel(): void;
  /** Drops the plan and forgets the failures (signed out). */
  reset(): void;
  close(): void;
}

export function createRefreshScheduler(options: {
  tokens: Pick<TokenKeeper, 'epoch' | 'held' | 'accessExpiresAt' | 'freshAccessToken' | 'refresh'>;
  /** Whether the session is signed in (not signing in, not signed out). */
  signedIn: () => boolean;
  timers: Timers;
  now: () => number;
  /** Refresh this long before the access token expires. */
  skewMs: number;
  delayAfter: (failures: number) => number;
  log: (message: string) => void;
}): RefreshScheduler {
  const { tokens, timers, now, skewMs, log } = options;
  let timer: unknown;
  let failures = 0;
  let closed = false;

  function cancel(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  }

  /** Plans the refresh shortly before the access token expires, or a retry after `delayMs`. */
  function schedule(delayMs?: number): void {
    cancel();
    const expiresAt = tokens.accessExpiresAt;
    if (closed || !options.signedIn() || expiresAt === undefined) return;
    const left = expiresAt - now();
    // Ahead by the refresh margin, but never more than half the token's life (no refresh loop
    // when the server hands out tokens shorter than the margin).
    const due = delayMs ?? Math.max(0, left - skewMs, left / 2);
    const started = tokens.epoch;
    timer = timers.setTimeout(() => {
      timer = undefined;
      void inBackground(started);
    }, due);
  }

  async function inBackground(started: number): Promise<void> {
    if (closed || tokens.epoch !== started || !tokens.held || !options.signedIn()) return;
    // Someone refreshed on demand in the meantime (that also planned the next one).
    if (tokens.freshAccessToken() !== undefined && failures === 0) return schedule();
    try {
      await tokens.refresh();
    } catch (error) {
      // Refused: the keeper has signed out. Anything else: still signed in, try again later.
      if (
        closed ||
        tokens.epoch !== started ||
        !tokens.held ||
        (error instanceof BridgeError && !error.retryable)
      )
        return;
      failures += 1;
      log(`session: the background refresh failed (attempt ${failures}): ${errorMessage(error)}`);
      schedule(options.delayAfter(failures));
    }
  }

  return {
    plan: () => schedule(),
    refreshed() {
      failures = 0;
      schedule();
    },
    cancel,
    reset() {
      cancel();
      failures = 0;
    },
    close() {
      closed = true;
      cancel();
    },
  };
}
