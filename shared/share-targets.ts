// Share URLs for each service, built from the referral link and the user's message. Pure and
// Node-free: the renderer builds them for display and to open, and the external-link allow-list
// in core takes its share hosts from here, so the list of services exists once.
//
// Encoding: every parameter value is percent-encoded as an RFC 3986 unreserved-only string (see
// encodeValue), never with URLSearchParams, so a space is %20 (not '+', which some services keep
// as a plus) and the '+', '/', '=' and '%' of a referral link survive as %2B, %2F, %3D and %25
// whichever decoder the service uses.

import { share as enShare } from './i18n/en/share.ts';
import { share as ruShare } from './i18n/ru/share.ts';

export const SHARE_LANGUAGES = ['en', 'ru'] as const;
export type ShareLanguage = (typeof SHARE_LANGUAGES)[number];

/** Placeholders a share message may contain; `{link}` and `{code}` are replaced when sharing. */
export const SHARE_PLACEHOLDERS = ['link', 'code'] as const;
export type SharePlaceholder = (typeof SHARE_PLACEHOLDERS)[number];

/** Longest share message template: long enough for a paragraph, short enough that every share URL stays
 * far below what browsers and mail clients accept (see SHARE_URL_MAX_LENGTH). */
export const SHARE_MESSAGE_MAX_LENGTH = 500;
/** The external-link allow-list refuses longer URLs (electron/core/external-links.ts). */
export const SHARE_URL_MAX_LENGTH = 8_000;

/** Defaults say what the link is; the link itself travels beside the message (see shareText). From the catalog. */
export const DEFAULT_SHARE_MESSAGES: Readonly<Record<ShareLanguage, string>> = Object.freeze({
  en: enShare.defaultMessage,
  ru: ruShare.defaultMessage,
});

/** The e-mail subject; e-mail is the one target with a separate subject line. From the catalog. */
export const SHARE_EMAIL_SUBJECTS: Readonly<Record<ShareLanguage, string>> = Object.freeze({
  en: enShare.emailSubject,
  ru: ruShare.emailSubject,
});

// A placeholder is `{name}` with a plain lower-case name; other braces are ordinary text.
const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/gu;
// With the u flag this matches only unpaired surrogates, which encodeURIComponent cannot encode.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** Why a message template cannot be used, or null when it can. Unknown placeholders are refused,
 * not left as text: a typo like `{lnik}` would otherwise be shared to everyone as written. */
export function shareMessageProblem(template: string): string | null {
  if (template.trim().length === 0) return 'The share message is empty.';
  if (template.length > SHARE_MESSAGE_MAX_LENGTH)
    return `The share message is longer than ${SHARE_MESSAGE_MAX_LENGTH} characters.`;
  if (LONE_SURROGATE.test(template)) return 'The share message contains a broken character.';
  if (CONTROL.test(template)) return 'The share message contains control characters.';
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!(SHARE_PLACEHOLDERS as readonly string[]).includes(name as string)) {
      return `Unknown placeholder {${name}}: use ${SHARE_PLACEHOLDERS.map((p) => `{${p}}`).join(' or ')}.`;
    }
  }
  return null;
}

export class ShareMessageError extends Error {
  override name = 'ShareMessageError';
}

export interface ShareValues {
  link: string;
  code: string;
}

/** The message with its placeholders filled in, in one pass (a code containing `{link}` stays as is). */
export function renderShareMessage(template: string, values: ShareValues): string {
  const problem = shareMessageProblem(template);
  if (problem) throw new ShareMessageError(problem);
  return template.replace(PLACEHOLDER, (_match, name: SharePlaceholder) => values[name]);
}

export const SHARE_TARGETS = [
  'telegram',
  'x',
  'facebook',
  'whatsapp',
  'linkedin',
  'reddit',
  'email',
] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

interface TargetSpec {
  /** The documented share endpoint; `null` host for mailto:. */
  endpoint: string;
  host: string | null;
  /** Query parameters in order; 'link' and 'text' name which value goes where. */
  params: ReadonlyArray<readonly [name: string, value: 'link' | 'text' | 'subject']>;
}

// Facebook and LinkedIn take only the link (they no longer prefill text); WhatsApp and e-mail
// take only text, so the link goes into it; the others take both.
const TARGETS: Readonly<Record<ShareTarget, TargetSpec>> = {
  telegram: {
    endpoint: 'https://t.me/share/url',
    host: 't.me',
    params: [
      ['url', 'link'],
      ['text', 'text'],
    ],
  },
  x: {
    endpoint: 'https://x.com/intent/post',
    host: 'x.com',
    params: [
      ['text', 'text'],
      ['url', 'link'],
    ],
  },
  facebook: {
    endpoint: 'https://www.facebook.com/sharer/sharer.php',
    host: 'www.facebook.com',
    params: [['u', 'link']],
  },
  whatsapp: {
    endpoint: 'https://api.whatsapp.com/send',
    host: 'api.whatsapp.com',
    params: [['text', 'text']],
  },
  linkedin: {
    endpoint: 'https://www.linkedin.com/sharing/share-offsite/',
    host: 'www.linkedin.com',
    params: [['url', 'link']],
  },
  reddit: {
    endpoint: 'https://www.reddit.com/submit',
    host: 'www.reddit.com',
    params: [
      ['url', 'link'],
      ['title', 'text'],
    ],
  },
  email: {
    endpoint: 'mailto:',
    host: null,
    params: [
      ['subject', 'subject'],
      ['body', 'text'],
    ],
  },
};

/** The https hosts the share targets open: the external-link allow-list includes exactly these. */
export const SHARE_HOSTS: readonly string[] = Object.freeze(
  SHARE_TARGETS.map((target) => TARGETS[target].host).filter((host): host is string => host !== null),
);

/** Whether the service has a field of its own for the link (else the link goes into the text). */
export function takesLinkSeparately(target: ShareTarget): boolean {
  return TARGETS[target].params.some(([, value]) => value === 'link');
}

/** Whether the service shows the message at all (Facebook and LinkedIn only take the link). */
export function takesText(target: ShareTarget): boolean {
  return TARGETS[target].params.some(([, value]) => value === 'text');
}

/** The text the service receives: the message, plus the link on its own line when the service has
 * no link field and the message does not already contain it (through `{link}`). */
export function shareText(target: ShareTarget, message: string, link: string): string {
  if (takesLinkSeparately(target) || message.includes(link)) return message;
  return `${message}\n${link}`;
}

export interface ShareInput {
  link: string;
  /** The rendered message (see renderShareMessage). */
  message: string;
  language: ShareLanguage;
}

export class ShareUrlTooLongError extends Error {
  override name = 'ShareUrlTooLongError';
}

export function buildShareUrl(target: ShareTarget, input: ShareInput): string {
  const spec = TARGETS[target];
  const values = {
    link: input.link,
    text: shareText(target, input.message, input.link),
    subject: SHARE_EMAIL_SUBJECTS[input.language],
  };
  const query = spec.params
    .map(([name, value]) => {
      // RFC 6068: line breaks in a mailto: body are CRLF, written %0D%0A.
      const text = target === 'email' ? values[value].replace(/\r?\n/gu, '\r\n') : values[value];
      return `${name}=${encodeValue(text)}`;
    })
    .join('&');
  const url = `${spec.endpoint}?${query}`;
  if (url.length > SHARE_URL_MAX_LENGTH) {
    throw new ShareUrlTooLongError(
      'This message makes the share link too long for the browser. Shorten the message.',
    );
  }
  return url;
}

/** encodeURIComponent leaves !'()* bare; browsers then escape ' themselves in query strings, so
 * the URL opened would differ from the one built. Encoding them too makes it exact. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Reads a share URL back into its parameters, decoding each exactly once (tests, and a check that
 * what is opened is what the user previewed). Unlike URLSearchParams it never turns '+' into a space. */
export function parseShareUrl(url: string): { target: ShareTarget; params: Record<string, string> } {
  const queryStart = url.indexOf('?');
  const endpoint = queryStart === -1 ? url : url.slice(0, queryStart);
  const target = SHARE_TARGETS.find((candidate) => TARGETS[candidate].endpoint === endpoint);
  if (!target) throw new TypeError(`Not a share URL: ${url.slice(0, 80)}`);
  const params: Record<string, string> = {};
  for (const pair of queryStart === -1 ? [] : url.slice(queryStart + 1).split('&')) {
    const equals = pair.indexOf('=');
    const name = decodeURIComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeURIComponent(pair.slice(equals + 1));
    params[name] = target === 'email' ? value.replace(/\r\n/gu, '\n') : value;
  }
  return { target, params };
}
