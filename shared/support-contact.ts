// Quantower Support, as the program page names it (R5): the fallback for payout and license
// requests. Both links must pass the external-link allow-list (tested in electron/core).

export const SUPPORT_EMAIL = 'info@quantower.com';
export const SUPPORT_TELEGRAM = 'https://t.me/quantower';

/** A prefilled e-mail to support. */
export function supportMailto(subject: string, body: string): string {
  // encodeURIComponent, not URLSearchParams: mail clients expect %20, not '+', for spaces.
  return `mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
