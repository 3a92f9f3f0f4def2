// PKCE (RFC 7636, S256) and the state value of one sign-in attempt: fresh randomness each time.
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  /** Kept in core; only its hash (the challenge) leaves for the browser. */
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** 32 random bytes → a 43-character base64url verifier (RFC 7636 §4.1 allows 43..128). */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeFor(verifier), method: 'S256' };
}

export function challengeFor(verifier: string): string {
  // Stryker disable next-line StringLiteral: equivalent — a verifier is base64url (ASCII), the same bytes in any text encoding.
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createState(): string {
  return randomBytes(32).toString('base64url');
}
