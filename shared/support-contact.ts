// Quantower Support, as the program page names it (R5): the fallback for payout and license
// requests — "live chat on the official website, email info@quantower.com, telegram chat". Every
// link here must pass the external-link allow-list (electron/core/external-links.support.test.ts).

export const SUPPORT_EMAIL = 'info@quantower.com';
export const SUPPORT_TELEGRAM = 'https://t.me/quantower';
export const SUPPORT_REQUEST_KINDS = ['payout', 'license'] as const;
export type SupportRequestKind = (typeof SUPPORT_REQUEST_KINDS)[number];
/** How a request reaches support: a prefilled e-mail, or a chat with the message on the clipboard. */
export const SUPPORT_CHANNELS = ['email', 'telegram', 'chat'] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];

/** The official website, whose live chat answers support questions. */
export const SUPPORT_CHAT = 'https://www.quantower.com/';

/**
 * A prefilled e-mail to support (RFC 6068): subject and body percent-encoded as UTF-8, line
 * breaks as CRLF (%0D%0A).
 */
export function supportMailto(subject: string, body: string): string {
  // encodeURIComponent, not URLSearchParams: mail clients expect %20, not '+', for spaces, and it
  // encodes & = ? # % so the subject cannot end early or smuggle another header.
  const crlf = (text: string) => text.replace(/\r\n|\r|\n/gu, '\r\n');
  return `mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent(subject.replace(/[\r\n]+/gu, ' '))}&body=${encodeURIComponent(crlf(body))}`;
}
