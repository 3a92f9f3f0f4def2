// Revoking refresh tokens at the server, and trying again in the background when it cannot be
// told (unreachable, 5xx, 429): the tokens wait in memory only, where they were, and are dropped
// on close (the sign-in then expires at the server by itself).

import { errorMessage } from '../../../shared/error-message.ts';
import type { Timers } from '../timers.ts';
import { worthRetrying } from './retry-policy.ts';

export interface RevocationQueue {
  /** Revokes at the server; false when it could not be told (then kept to retry in the background). */
  revoke(refreshToken: string): Promise<boolean>;
  /** Stops retrying and drops what was not revoked yet. */
  close(): void;
}

export function createRevocationQueue(options: {
  revoke: (refreshToken: string) => Promise<void>;
  timers: Timers;
  delayAfter: (failures: number) => number;
  log: (message: string) => void;
  /** The server has confirmed every revocation that once failed. */
  onAllRevoked: () => void;
}): RevocationQueue {
  const { timers, log } = options;
  /** Refresh tokens the server has not confirmed revoked yet. */
  const unrevoked = new Set<string>();
  let timer: unknown;
  let failures = 0;
  let closed = false;

  function schedule(): void {
    if (closed || timer !== undefined || unrevoked.size === 0) return;
    failures += 1;
    timer = timers.setTimeout(() => {
      timer = undefined;
      void retry();
    }, options.delayAfter(failures));
  }

  async function retry(): Promise<void> {
    for (const refreshToken of [...unrevoked]) {
      if (closed) return;
      try {
        await options.revoke(refreshToken);
        unrevoked.delete(refreshToken);
      } catch (error) {
        log(`session: revoking a refresh token failed again: ${errorMessage(error)}`);
        if (!worthRetrying(error)) unrevoked.delete(refreshToken);
      }
    }
    if (closed) return;
    if (unrevoked.size > 0) return schedule();
    failures = 0;
    options.onAllRevoked();
  }

  return {
    async revoke(refreshToken) {
      try {
        await options.revoke(refreshToken);
        return true;
      } catch (error) {
        log(`session: revoking a refresh token failed: ${errorMessage(error)}`);
        if (worthRetrying(error) && !closed) {
          unrevoked.add(refreshToken);
          schedule();
        }
        return false;
      }
    },

    close() {
      closed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      unrevoked.clear();
    },
  };
}
