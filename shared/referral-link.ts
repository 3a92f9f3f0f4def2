// Referral links, built exactly like the public ones:
//   https://accounts.quantower.com/referral?referral_code=CODE
// Codes may contain reserved characters such as + / = and are always percent-encoded.

export const DEFAULT_REFERRAL_LINK_BASE = 'https://accounts.quantower.com/referral';
export const REFERRAL_CODE_PARAM = 'referral_code';

export class InvalidReferralCodeError extends Error {
  override name = 'InvalidReferralCodeError';
}

/** Returns why a code is unusable, or null when it is a valid referral code. */
export function referralCodeProblem(code: string): string | null {
  if (code.length === 0) return 'The referral code is empty.';
  if (code.length > 128) return 'The referral code is longer than 128 characters.';
  if (/\s/u.test(code)) return 'The referral code contains white space.';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f]/u.test(code)) return 'The referral code contains control characters.';
  return null;
}

export function buildReferralLink(code: string, base: string = DEFAULT_REFERRAL_LINK_BASE): string {
  const problem = referralCodeProblem(code);
  if (problem) throw new InvalidReferralCodeError(problem);
  const url = new URL(base);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`A referral link base must be an http(s) URL, got ${url.protocol}`);
  }
  if (url.searchParams.has(REFERRAL_CODE_PARAM)) {
    throw new TypeError(`A referral link base must not already carry ${REFERRAL_CODE_PARAM}.`);
  }
  // Stryker disable next-line StringLiteral: equivalent — the link is built from origin, path and query; the hash never reaches it.
  url.hash = '';
  // encodeURIComponent, not URLSearchParams: '+' must become %2B and ' ' is never valid anyway,
  // so the link is the same text whichever decoder a browser or server uses.
  const param = `${REFERRAL_CODE_PARAM}=${encodeURIComponent(code)}`;
  const query = url.search ? `${url.search}&${param}` : `?${param}`;
  return `${url.origin}${url.pathname}${query}`;
}

/** The code carried by a referral link, or null when the link carries none. */
export function parseReferralCode(link: string): string | null {
  return new URL(link).searchParams.get(REFERRAL_CODE_PARAM);
}
