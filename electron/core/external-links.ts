// Which URLs the companion may hand to the system browser or mail client. Both shells use this
// (Electron's shell.openExternal, the browser shell's window.open), so a link the UI did not
// expect never leaves the app: exact hosts over https only, plus mailto: for e-mail sharing.
import { SHARE_HOSTS } from '../../shared/share-targets.ts';
import { SUPPORT_EMAIL } from '../../shared/support-contact.ts';

/**
 * Who a mailto: link may address: nobody (e-mail sharing, the user picks the recipient in their
 * mail client) or Quantower Support (requests through support). Not any address a link carries.
 */
export const MAILTO_RECIPIENTS: readonly string[] = Object.freeze(['', SUPPORT_EMAIL]);

/** Exact host names, never suffixes: `evil-quantower.com` or `quantower.com.evil` do not match. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze([
  'accounts.quantower.com',
  'www.quantower.com',
  'quantower.com',
  't.me',
  // The share targets' endpoints (Telegram, X, Facebook, WhatsApp, LinkedIn, Reddit), from the one list.
  ...SHARE_HOSTS.filter((host) => host !== 't.me'),
]);

/**
 * Why a URL may not be opened outside the app, or null when it may. `origins` are exact origins
 * also trusted, whatever their scheme and port: the configured accounts server, whose sign-in
 * page opens in the browser (in demo mode the embedded sandbox on http://127.0.0.1:PORT).
 */
export function externalLinkProblem(
  raw: unknown,
  hosts: readonly string[] = EXTERNAL_LINK_HOSTS,
  // Stryker disable next-line ArrayDeclaration: equivalent — a non-URL text never equals a URL's origin.
  origins: readonly string[] = [],
): string | null {
  if (typeof raw !== 'string' || raw.length === 0) return 'The link is empty.';
  if (raw.length > 8_000) return 'The link is too long.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The link is not a valid URL.';
  }
  if (url.protocol === 'mailto:') {
    const to = decodeURIComponent(url.pathname).trim().toLowerCase();
    return MAILTO_RECIPIENTS.includes(to) ? null : `Mail may go only to ${SUPPORT_EMAIL}, not ${to}.`;
  }
  if (origins.includes(url.origin) && !url.username && !url.password) return null;
  if (url.protocol !== 'https:')
    return `Only https and mailto links open outside the app, not ${url.protocol}`;
  // Credentials in a link are a classic spoofing trick (https://quantower.com@evil.example).
  if (url.username || url.password) return 'The link carries credentials.';
  if (url.port) return 'The link uses a non-standard port.';
  if (!hosts.includes(url.hostname)) return `The host ${url.hostname} is not on the allow-list.`;
  return null;
}

/** The normalized URL to open, or null when it is not allowed. */
export function allowedExternalUrl(
  raw: unknown,
  hosts: readonly string[] = EXTERNAL_LINK_HOSTS,
  // Stryker disable next-line ArrayDeclaration: equivalent — a non-URL text never equals a URL's origin.
  origins: readonly string[] = [],
): string | null {
  return externalLinkProblem(raw, hosts, origins) === null ? new URL(raw as string).href : null;
}
