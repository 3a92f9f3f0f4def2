// The tokens of the current sign-in, in memory: the access token while it is valid beyond the
// refresh margin, and one refresh at a time shared by every caller (on demand, after a 401, in the
// background). Each sign-in gets a new epoch, so a refresh answer for one that has ended is dropped.

import { BridgeError } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import { AccountsError } from '../accounts-client.ts';
import type { Logger } from '../logging/logger.ts';
import { OAuthError, type TokenSet } from './oauth-client.ts';
import { worthRetrying } from './retry-policy.ts';

export interface TokenKeeper {
  /** Which sign-in the tokens belong to: bumped when the browser brings one and when one ends. */
  readonly epoch: number;
  readonly held: boolean;
  readonly refreshToken: string | undefined;
  /** When the access token expires; undefined without one (after a restore, or a 401 on it). */
  readonly accessExpiresAt: number | undefined;
  /** The tokens of a new sign-in (from the browser). */
  adopt(issued: TokenSet): void;
  /** The refresh token kept from an earlier run: the first use refreshes. */
  resume(refreshToken: string): void;
  /** Forgets tokens that never became a session (its profile could not be read). */
  drop(): void;
  /** Ends the sign-in: answers still on their way for it are dropped. Returns its refresh token. */
  end(): string | undefined;
  /** The access token if it is valid beyond the refresh margin. */
  freshAccessToken(): string | undefined;
  /** A valid access token, refreshed if need be; throws a 'rejected' BridgeError when signed out. */
  accessToken(): Promise<string>;
  /** The server answered 401 to `token`: a fresh one to retry with once, or throws. */
  renewAfterRejection(token: string): Promise<string>;
  /** Refreshes now, or joins the refresh in flight. */
  refresh(): Promise<string>;
}

export interface TokenKeeperOptions {
  refresh: (refreshToken: string) => Promise<TokenSet>;
  /** Refresh this long before the access token expires. */
  skewMs: number;
  now: () => number;
  logger: Logger;
  /** The server refused the refresh token for good: the sign-in is over (awaited before callers hear). */
  onRefused(message: string): Promise<void>;
  /** A refresh brought tokens for a sign-in that has ended meanwhile: they must not stay valid. */
  onStale(refreshToken: string): void;
  /** A refresh went through (awaited before callers get the new access token). */
  onRefreshed(issued: TokenSet): Promise<void>;
}

export function signedOutError(): BridgeError {
  return new BridgeError({
    code: 'rejected',
    message: 'You are signed out: sign in to continue.',
    retryable: false,
  });
}

interface Tokens {
  refreshToken: string;
  access: { token: string; expiresAt: number } | undefined;
}

export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const { skewMs, now, logger } = options;
  let tokens: Tokens | undefined;
  let epoch = 0;
  let refreshing: Promise<string> | undefined;

  const issuedTokens = (issued: TokenSet): Tokens => ({
    refreshToken: issued.refreshToken,
    access: { token: issued.accessToken, expiresAt: issued.expiresAt },
  });

  function freshAccessToken(): string | undefined {
    const access = tokens?.access;
    return access && access.expiresAt - skewMs > now() ? access.token : undefined;
  }

  function refresh(): Promise<string> {
    refreshing ??= (async () => {
      const started = epoch;
      const current = tokens;
      if (!current) throw signedOutError();
      let issued: TokenSet;
      try {
        issued = await options.refresh(current.refreshToken);
      } catch (error) {
        // Refused for good (invalid_grant & co.); a 5xx or 429 with an error body is just a bad moment.
        if (error instanceof OAuthError && error.kind === 'refused' && !worthRetrying(error)) {
          if (epoch === started)
            await options.onRefused(`Your sign-in has ended: ${error.message}. Please sign in again.`);
          throw signedOutError();
        }
        // Offline or a broken answer: still signed in, the call just fails this time.
        throw new AccountsError(
          error instanceof OAuthError && error.kind === 'invalid-response' ? 'invalid-response' : 'network',
          errorMessage(error),
        );
      }
      if (epoch !== started || !tokens) {
        options.onStale(issued.refreshToken);
        throw signedOutError();
      }
      tokens = issuedTokens(issued);
      logger.info(`access token refreshed, valid until ${new Date(issued.expiresAt).toISOString()}`);
      await options.onRefreshed(issued);
      return issued.accessToken;
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return {
    get epoch() {
      return epoch;
    },
    get held() {
      return tokens !== undefined;
    },
    get refreshToken() {
      return tokens?.refreshToken;
    },
    get accessExpiresAt() {
      return tokens?.access?.expiresAt;
    },

    adopt(issued) {
      epoch += 1;
      tokens = issuedTokens(issued);
    },

    resume(refreshToken) {
      tokens = { refreshToken, access: undefined };
    },

    drop() {
      tokens = undefined;
    },

    end() {
      const refreshToken = tokens?.refreshToken;
      epoch += 1;
      tokens = undefined;
      return refreshToken;
    },

    freshAccessToken,

    async accessToken() {
      // Not left to refresh(): a refresh still in flight from before a sign-out must not be joined.
      if (!tokens) throw signedOutError();
      return freshAccessToken() ?? refresh();
    },

    async renewAfterRejection(token) {
      if (!tokens) throw signedOutError();
      // Another caller already replaced the rejected token.
      const fresh = freshAccessToken();
      if (fresh !== undefined && fresh !== token) return fresh;
      if (tokens.access?.token === token) tokens.access = undefined;
      return refresh();
    },

    refresh,
  };
}
