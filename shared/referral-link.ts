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

// ---- the partner's own link, typed or pasted (link mode, issue 13) ---------------------------

/** The host of the public links; `www.` in front of it is tolerated on input. */
export const REFERRAL_LINK_HOST = 'accounts.quantower.com';
/** Where the partner finds their link (their Quantower account page). */
export const QUANTOWER_ACCOUNT_URL = 'https://accounts.quantower.com/';
/** Longer input than this is refused before any parsing (a link with a 128-character code fits). */
export const MAX_REFERRAL_INPUT_LENGTH = 2_000;

/** Why an input was refused; the words for each live in the catalog (namespace `link`, `refusals`). */
export const REFERRAL_INPUT_REFUSALS = [
  'empty', // nothing typed
  'control-characters', // tabs, newlines inside, NUL, …
  'unsafe-scheme', // javascript:, data:, vbscript:, file:, …
  'not-https', // http:// (a link that may have been altered on the way)
  'other-host', // a link to another site, port or with credentials
  'not-referral-link', // the right site, not its referral page
  'missing-code', // no referral_code in the link
  'empty-code', // referral_code= with nothing after it
  'whitespace', // a space inside the code
  'too-long', // a code over 128 characters, or an input over 2,000
] as const;
export type ReferralInputRefusal = (typeof REFERRAL_INPUT_REFUSALS)[number];

export type ParsedReferralInput =
  | { ok: true; code: string; link: string; given: 'link' | 'code' }
  | { ok: false; reason: ReferralInputRefusal };

// A scheme followed by '//', or one of the schemes that never carry a referral link: such input is
// treated as a URL. Anything else is a bare code, so codes with ':' (a reserved character) stay usable.
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//iu;
const UNSAFE_SCHEMES = /^\s*(javascript|data|vbscript|file|blob|about|mailto|filesystem)\s*:/iu;
const HOST_WITHOUT_SCHEME = /^(www\.)?accounts\.quantower\.com(?=[/?#]|$)/iu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/**
 * The one reading of what a partner types or pastes: the public link (scheme and host in any case,
 * `www.` tolerated, other parameters and the fragment dropped) or a bare code. The code is decoded
 * from the link and the link rebuilt by buildReferralLink, so every spelling of one code gives the
 * same saved link.
 */
export function parseReferralInput(input: string): ParsedReferralInput {
  if (input.length > MAX_REFERRAL_INPUT_LENGTH) return { ok: false, reason: 'too-long' };
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (CONTROL.test(text)) return { ok: false, reason: 'control-characters' };
  if (UNSAFE_SCHEMES.test(text)) return { ok: false, reason: 'unsafe-scheme' };
  if (HOST_WITHOUT_SCHEME.test(text)) return parseLink(`https://${text}`);
  if (URL_LIKE.test(text)) return parseLink(text);
  return codeResult(text, 'code');
}

function parseLink(text: string): ParsedReferralInput {
  const url = URL.parse(text);
  if (!url) return { ok: false, reason: 'not-referral-link' };
  if (url.protocol === 'http:') return { ok: false, reason: 'not-https' };
  if (url.protocol !== 'https:') return { ok: false, reason: 'unsafe-scheme' };
  const host = url.hostname.replace(/^www\./u, '');
  if (host !== REFERRAL_LINK_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'other-host' };
  }
  if (!/^\/referral\/?$/iu.test(url.pathname)) return { ok: false, reason: 'not-referral-link' };
  const code = url.searchParams.get(REFERRAL_CODE_PARAM);
  if (code === null) return { ok: false, reason: 'missing-code' };
  return codeResult(code, 'link');
}

function codeResult(code: string, given: 'link' | 'code'): ParsedReferralInput {
  if (code.trim() === '') return { ok: false, reason: 'empty-code' };
  if (code.length > 128) return { ok: false, reason: 'too-long' };
  if (CONTROL.test(code)) return { ok: false, reason: 'control-characters' };
  if (/\s/u.test(code)) return { ok: false, reason: 'whitespace' };
  return { ok: true, code, link: buildReferralLink(code), given };
}

/** True when `link` is exactly what the builder makes for its code (what settings may hold). */
export function isCanonicalReferralLink(link: string): boolean {
  const parsed = parseReferralInput(link);
  // Stryker disable next-line ConditionalExpression: equivalent — a refused input has no link, and a bare code never equals the link built from it (the link starts with https://).
  return parsed.ok && parsed.given === 'link' && parsed.link === link;
}
