// "Is there English in this Russian text?", defined against the English catalog: a word counts as
// English when it is a word of some English catalog value (placeholders removed) and is not on the
// small allow-list of names that Russian text writes in Latin letters too. Text that comes from data
// (product names, masked referral names) is Latin without being the catalog's English, so it passes.
import { en } from '../../shared/i18n/resources.ts';

/** Names written the same in Russian text: brands, services, formats, the app's installed name. */
export const LATIN_IN_RUSSIAN = new Set([
  'quantower',
  'paypal',
  'usdt',
  'usd',
  'trc',
  'tron',
  'iban',
  'qr',
  'csv',
  'sku',
  'url',
  'api',
  'localhost',
  'http',
  'https',
  'telegram',
  'whatsapp',
  'linkedin',
  'reddit',
  'facebook',
  'e-mail',
  'email',
  'png',
  'svg',
  'mac',
  'ctrl',
  'shift',
  'esc',
  // The language's own name on its option in the language pickers.
  'english',
]);
/** Phrases allowed as a whole (removed before the words are read). */
const LATIN_PHRASES = [
  /Referral Companion/gu,
  /https?:\/\/\S*/gu,
  // Host names and the link's parameter, as the user sees them in a link.
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gu,
  /referral_code/gu,
  /\/referral\b/gu,
  /\S+@\S+\.\w+/gu,
  /\bCtrl\+Shift\+\w\b/gu,
  // Quantower's product names (the public catalog, shared/license-catalog.ts), written as they are.
  /\b(?:Crypto|Multi-Asset|All-in-One|TPO|DOM Surface|Power Trades|Option Analytics)\b/gu,
];

function values(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(values);
  return [];
}

// Whole words only: "DE89" in an example IBAN is not the word "de".
const WORD = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z'’-]*[A-Za-z](?![A-Za-z0-9])/gu;
const withoutPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}|\{[a-z_]+\}/gu, ' ');

/** Every word (2+ letters, lower case) of the English catalog, allowed names aside. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  values(en)
    .flatMap((text) => withoutPlaceholders(text).match(WORD) ?? [])
    .map((word) => word.toLowerCase())
    .filter((word) => !LATIN_IN_RUSSIAN.has(word)),
);

/** The English catalog's words found in a text (empty: no English). */
export function englishWordsIn(text: string): string[] {
  let rest = withoutPlaceholders(text);
  for (const phrase of LATIN_PHRASES) rest = rest.replace(phrase, ' ');
  return (rest.match(WORD) ?? []).filter((word) => ENGLISH_WORDS.has(word.toLowerCase()));
}
