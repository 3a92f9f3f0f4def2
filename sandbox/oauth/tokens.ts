// Opaque tokens and codes: 256 random bits, handed out once and stored only as SHA-256 hashes,
// so a copy of the database grants nothing.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** RFC 7636 §4.1: 43..128 unreserved characters. */
export const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/u;
/** An S256 challenge is a base64url SHA-256: 43 characters, no padding. */
export const S256_CHALLENGE_PATTERN = /^[A-Za-z0-9\-_]{43}$/u;
