// The browser shell's access rules. Any page in the user's browser can send requests to
// 127.0.0.1, so the shell trusts a request only when it comes from its own page:
//  - Host must name this server (a DNS-rebinding page sends its own host name);
//  - Origin, when the browser sends one, must be this server's origin (other local pages,
//    even on 127.0.0.1 with another port, are same-site, so SameSite alone is not enough);
//  - a per-run secret, printed once and traded for an HttpOnly SameSite=Strict cookie.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export { SECRET_PARAM } from './page/secret-address.ts';

/** 32 random bytes, URL-safe. */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal and hides the expected length. */
export function secretMatches(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The Host header values this server answers to on `port`. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The normalized Host when it names this server, else null. */
export function checkHost(host: string | undefined | null, port: number): string | null {
  if (!host) return null;
  const normalized = host.trim().toLowerCase();
  return allowedHosts(port).includes(normalized) ? normalized : null;
}

/** An Origin is acceptable only when it is exactly the origin of the (already checked) host. */
export function originMatches(origin: string | undefined | null, host: string): boolean {
  return origin === `http://${host}`;
}

/**
 * Sec-Fetch-Site, sent by current browsers to loopback servers, says who initiated a request.
 * The bridge answers only the shell's own page; older clients that omit the header are still
 * held to the Origin and cookie rules.
 */
export function fetchSiteAllowed(secFetchSite: string | undefined | null): boolean {
  return secFetchSite === undefined || secFetchSite === null || secFetchSite === 'same-origin';
}

/** Cookies are not isolated by port, so each port gets its own cookie name. */
export function sessionCookieName(port: number): string {
  return `companion_session_${port}`;
}
