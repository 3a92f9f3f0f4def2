// The one place where anything headed for a log is scrubbed of secrets and personal data, so no
// module has to remember to. Rules are patterns, not a list of known values: a token the
// redactor never saw is still caught by its shape. Tested in redact.test.ts, and against a whole
// signed-in session in test/integration/log-scrubbing.test.ts.

export const REDACTED = '[redacted]';

/** Query/fragment parameters whose value is a secret: the browser shell's `?k=`, OAuth's code, … */
const SECRET_PARAMS = [
  'k',
  'code',
  'state',
  'code_verifier',
  'code_challenge',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'client_secret',
  'password',
  'email',
  'destination',
];
const PARAM_PATTERN = new RegExp(`([?&#;](?:${SECRET_PARAMS.join('|')})=)[^&#\\s"'<>]*`, 'giu');

/** `key: value`, `key=value`, `"key":"value"` for keys that name a secret or a payout destination. */
const SECRET_KEYS =
  'access_?token|refresh_?token|id_?token|accessToken|refreshToken|authorization|password|passwd|secret|client_secret|code_verifier|cookie|set-cookie|destination|iban|wallet';
const KEY_VALUE_PATTERN = new RegExp(
  `(["']?\\b(?:${SECRET_KEYS})\\b["']?\\s*[:=]\\s*)("[^"]*"|'[^']*'|[^\\s,;&}\\]]+)`,
  'giu',
);
const BEARER_PATTERN = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/giu;
const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/gu;
/** E-mail addresses keep their first character and domain: `d…@example.com` says enough to support. */
// The lookbehind and the length bound keep this linear on long runs without an '@'.
const EMAIL_PATTERN =
  /(?<![A-Za-z0-9_'+\-.%])([A-Za-z0-9_'+\-.%]{1,64})@((?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,})/gu;
/** A TRON (USDT TRC-20) address: T + 33 base58 characters. */
const TRON_PATTERN = /\bT[1-9A-HJ-NP-Za-km-z]{33}\b/gu;
/** An IBAN, with or without the usual groups of four. */
const IBAN_PATTERN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/gu;
/** Opaque tokens and codes (the sandbox's are 43 base64url characters): long runs mixing letters and digits. */
const OPAQUE_PATTERN = /[A-Za-z0-9_-]{32,}/gu;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The text with every secret or personal value replaced; safe to write to a log or a support chat. */
export function redactText(text: string): string {
  return text
    .replace(PARAM_PATTERN, `$1${REDACTED}`)
    .replace(BEARER_PATTERN, `$1 ${REDACTED}`)
    .replace(JWT_PATTERN, REDACTED)
    .replace(KEY_VALUE_PATTERN, `$1${REDACTED}`)
    .replace(EMAIL_PATTERN, (_match, local: string, domain: string) => `${local.slice(0, 1)}…@${domain}`)
    .replace(TRON_PATTERN, REDACTED)
    .replace(IBAN_PATTERN, REDACTED)
    .replace(OPAQUE_PATTERN, (run) => (looksOpaque(run) ? REDACTED : run));
}

function looksOpaque(run: string): boolean {
  if (UUID.test(run)) return false;
  return /[0-9]/u.test(run) && /[A-Za-z]/u.test(run);
}

/** Any value (an error, an object) as scrubbed text for a log line. */
export function redactDetail(detail: unknown): string {
  if (detail instanceof Error) {
    const cause = detail.cause === undefined ? '' : ` (cause: ${redactDetail(detail.cause)})`;
    return redactText(`${detail.name}: ${detail.message}${cause}`);
  }
  if (typeof detail === 'string') return redactText(detail);
  try {
    return redactText(JSON.stringify(detail) ?? String(detail));
  } catch {
    return redactText(String(detail));
  }
}
