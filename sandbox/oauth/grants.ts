// The authorization server's state: codes, token families, rotation with reuse detection and
// revocation. HTTP lives in app.ts; this module is plain functions over the database.
import { randomUUID } from 'node:crypto';
import { type Database, transaction } from '../db/database.ts';
import { CODE_VERIFIER_PATTERN, newToken, s256, tokenHash } from './tokens.ts';

export interface TokenLifetimes {
  /** Authorization codes: single-use and short-lived. */
  codeMs: number;
  accessMs: number;
  refreshMs: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = Object.freeze({
  codeMs: 60_000,
  accessMs: 10 * 60_000,
  refreshMs: 30 * 24 * 60 * 60_000,
});

/** An RFC 6749 §5.2 error, raised by grants and turned into the JSON error response. */
export class GrantError extends Error {
  override name = 'GrantError';
  readonly code: 'invalid_request' | 'invalid_grant' | 'invalid_client' | 'unsupported_grant_type';
  constructor(code: GrantError['code'], description: string) {
    super(description);
    this.code = code;
  }
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  accountId: string;
}

export interface CodeRequest {
  clientId: string;
  accountId: string;
  redirectUri: string;
  codeChallenge: string;
}

export function issueCode(
  db: Database,
  request: CodeRequest,
  now: number,
  lifetimes: TokenLifetimes,
): string {
  const code = newToken();
  db.prepare(
    `INSERT INTO oauth_codes (code_hash, client_id, account_id, redirect_uri, code_challenge, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    tokenHash(code),
    request.clientId,
    request.accountId,
    request.redirectUri,
    request.codeChallenge,
    now + lifetimes.codeMs,
  );
  return code;
}

interface CodeRow {
  clientId: string;
  accountId: string;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
  usedAt: number | null;
  familyId: string | null;
}

export function redeemCode(
  db: Database,
  input: { code: string; clientId: string; redirectUri: string; codeVerifier: string },
  now: number,
  lifetimes: TokenLifetimes,
): IssuedTokens {
  return settle(
    transaction(db, () => {
      const hash = tokenHash(input.code);
      const row = db
        .prepare(
          `SELECT client_id AS clientId, account_id AS accountId, redirect_uri AS redirectUri,
                code_challenge AS codeChallenge, expires_at AS expiresAt, used_at AS usedAt, family_id AS familyId
         FROM oauth_codes WHERE code_hash = ?`,
        )
        .get(hash) as CodeRow | undefined;
      if (!row) return new GrantError('invalid_grant', 'The authorization code is not valid.');
      if (row.usedAt !== null) {
        // A replayed code may have been stolen: RFC 6749 §4.1.2 says revoke what it issued.
        if (row.familyId) revokeFamily(db, row.familyId, 'code-replay', now);
        return new GrantError('invalid_grant', 'The authorization code was already used.');
      }
      if (row.expiresAt <= now) return new GrantError('invalid_grant', 'The authorization code has expired.');
      if (row.clientId !== input.clientId) {
        return new GrantError('invalid_grant', 'The authorization code was issued to another client.');
      }
      if (row.redirectUri !== input.redirectUri) {
        return new GrantError('invalid_grant', 'redirect_uri does not match the authorization request.');
      }
      if (!CODE_VERIFIER_PATTERN.test(input.codeVerifier) || s256(input.codeVerifier) !== row.codeChallenge) {
        return new GrantError('invalid_grant', 'The PKCE code_verifier does not match the code_challenge.');
      }
      const familyId = randomUUID();
      db.prepare(
        'INSERT INTO oauth_token_families (id, client_id, account_id, created_at) VALUES (?, ?, ?, ?)',
      ).run(familyId, row.clientId, row.accountId, now);
      db.prepare('UPDATE oauth_codes SET used_at = ?, family_id = ? WHERE code_hash = ?').run(
        now,
        familyId,
        hash,
      );
      return issueTokens(db, familyId, row.accountId, now, lifetimes);
    }),
  );
}

interface RefreshRow {
  familyId: string;
  expiresAt: number;
  usedAt: number | null;
  clientId: string;
  accountId: string;
  revokedAt: number | null;
}

export function rotateRefreshToken(
  db: Database,
  input: { refreshToken: string; clientId: string },
  now: number,
  lifetimes: TokenLifetimes,
): IssuedTokens {
  return settle(
    transaction(db, () => {
      const hash = tokenHash(input.refreshToken);
      const row = findRefresh(db, hash);
      if (!row) return new GrantError('invalid_grant', 'The refresh token is not valid.');
      if (row.clientId !== input.clientId) {
        return new GrantError('invalid_grant', 'The refresh token was issued to another client.');
      }
      if (row.revokedAt !== null)
        return new GrantError('invalid_grant', 'The refresh token has been revoked.');
      if (row.usedAt !== null) {
        // Rotation means a refresh token works once; seeing it again means two parties hold it.
        revokeFamily(db, row.familyId, 'refresh-token-reuse', now);
        return new GrantError(
          'invalid_grant',
          'The refresh token was already used; the session has been revoked as a precaution.',
        );
      }
      if (row.expiresAt <= now) return new GrantError('invalid_grant', 'The refresh token has expired.');
      db.prepare('UPDATE oauth_refresh_tokens SET used_at = ? WHERE token_hash = ?').run(now, hash);
      return issueTokens(db, row.familyId, row.accountId, now, lifetimes);
    }),
  );
}

/**
 * Grants return their refusal instead of throwing it inside the transaction: a refusal that
 * revokes a family (replay, reuse) must commit that revocation, not roll it back.
 */
function settle(outcome: IssuedTokens | GrantError): IssuedTokens {
  if (outcome instanceof GrantError) throw outcome;
  return outcome;
}

/** RFC 7009: revokes the whole sign-in the token belongs to; unknown tokens are not an error. */
export function revokeToken(db: Database, input: { token: string; clientId: string }, now: number): void {
  const hash = tokenHash(input.token);
  const family =
    findRefresh(db, hash) ??
    (db
      .prepare(
        `SELECT a.family_id AS familyId, f.client_id AS clientId FROM oauth_access_tokens a
           JOIN oauth_token_families f ON f.id = a.family_id WHERE a.token_hash = ?`,
      )
      .get(hash) as { familyId: string; clientId: string } | undefined) ??
    undefined;
  // A client may revoke only its own tokens; anything else is answered as if unknown (§2.2).
  if (family && family.clientId === input.clientId) revokeFamily(db, family.familyId, 'revoked', now);
}

/** The account an access token stands for, or null when it is unknown, expired or revoked. */
export function accountForAccessToken(db: Database, token: string, now: number): string | null {
  const row = db
    .prepare(
      `SELECT f.account_id AS accountId FROM oauth_access_tokens a
       JOIN oauth_token_families f ON f.id = a.family_id
       WHERE a.token_hash = ? AND a.expires_at > ? AND f.revoked_at IS NULL`,
    )
    .get(tokenHash(token), now) as { accountId: string } | undefined;
  return row?.accountId ?? null;
}

function findRefresh(db: Database, hash: string): RefreshRow | undefined {
  return db
    .prepare(
      `SELECT r.family_id AS familyId, r.expires_at AS expiresAt, r.used_at AS usedAt,
              f.client_id AS clientId, f.account_id AS accountId, f.revoked_at AS revokedAt
       FROM oauth_refresh_tokens r JOIN oauth_token_families f ON f.id = r.family_id
       WHERE r.token_hash = ?`,
    )
    .get(hash) as RefreshRow | undefined;
}

function revokeFamily(db: Database, familyId: string, reason: string, now: number): void {
  db.prepare(
    'UPDATE oauth_token_families SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL',
  ).run(now, reason, familyId);
  // Access tokens go at once; refresh rows stay (marked by the family) so reuse is still recognized.
  db.prepare('DELETE FROM oauth_access_tokens WHERE family_id = ?').run(familyId);
}

function issueTokens(
  db: Database,
  familyId: string,
  accountId: string,
  now: number,
  lifetimes: TokenLifetimes,
): IssuedTokens {
  const accessToken = newToken();
  const refreshToken = newToken();
  db.prepare('INSERT INTO oauth_access_tokens (token_hash, family_id, expires_at) VALUES (?, ?, ?)').run(
    tokenHash(accessToken),
    familyId,
    now + lifetimes.accessMs,
  );
  db.prepare('INSERT INTO oauth_refresh_tokens (token_hash, family_id, expires_at) VALUES (?, ?, ?)').run(
    tokenHash(refreshToken),
    familyId,
    now + lifetimes.refreshMs,
  );
  return {
    accessToken,
    refreshToken,
    expiresInSeconds: Math.floor(lifetimes.accessMs / 1000),
    accountId,
  };
}
