import { describe, expect, it } from 'vitest';
import { en, resources, ru } from '../../../shared/i18n/resources.ts';
import { englishWordsIn } from '../../../test/support/english-words.ts';
import { createI18n, resolveLocale, systemLocale } from './i18n.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf as "namespace:path.to.key" → text. */
function leaves(tree: Tree, path: string[] = []): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const [namespace, ...rest] = [...path, key];
    if (typeof value === 'string') found.set(`${namespace}:${rest.join('.')}`, value);
    else for (const [leaf, text] of leaves(value, [...path, key])) found.set(leaf, text);
  }
  return found;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/u;
const withoutPlurals = (keys: Iterable<string>) =>
  new Set([...keys].map((key) => key.replace(PLURAL_SUFFIX, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/gu)].map((match) => match[1]).sort();

// Names and words that are the same in both languages; anything else equal in en and ru is untranslated.
const SAME_IN_BOTH = new Set([
  'share:languages.en',
  'share:languages.ru',
  'settings:languages.en',
  'settings:languages.ru',
  'share:targets.telegram',
  'share:targets.x',
  'share:targets.facebook',
  'share:targets.whatsapp',
  'share:targets.linkedin',
  'share:targets.reddit',
  // Names of services and products, written the same in Russian.
  'supportRequests:channels.telegram',
  'supportRequests:methods.paypal',
  'supportRequests:methods.usdt-trc20',
  'supportRequests:products.crypto',
  'supportRequests:products.multi-asset',
  'supportRequests:products.all-in-one',
  // Only placeholders and punctuation.
  'tray:tooltip',
  'notices:countedWithAmount',
]);

const enLeaves = leaves(en as unknown as Tree);
const ruLeaves = leaves(ru as unknown as Tree);

describe('translations', () => {
  it('have the same namespaces and keys in English and Russian (plural forms aside)', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    expect([...withoutPlurals(ruLeaves.keys())].sort()).toEqual([...withoutPlurals(enLeaves.keys())].sort());
  });

  it('have every plural form each language needs', () => {
    for (const [language, found] of [
      ['en', enLeaves],
      ['ru', ruLeaves],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set(
        [...found.keys()]
          .filter((key) => PLURAL_SUFFIX.test(key))
          .map((key) => key.replace(PLURAL_SUFFIX, '')),
      );
      for (const base of plurals)
        for (const category of categories)
          expect(found.has(`${base}_${category}`), `${language} ${base}_${category}`).toBe(true);
    }
  });

  it('translate every string into Russian (no English left, no empty text)', () => {
    for (const [key, text] of ruLeaves) {
      expect(text.trim(), key).not.toBe('');
      if (!SAME_IN_BOTH.has(key) && enLeaves.has(key)) expect(text, key).not.toBe(enLeaves.get(key));
    }
    for (const [key, text] of enLeaves) expect(text.trim(), key).not.toBe('');
  });

  it('have no word of the English catalog in any Russian string (names on the allow-list aside)', () => {
    const english = [...ruLeaves].filter(([, text]) => englishWordsIn(text).length > 0);
    expect(english).toEqual([]);
    // The scan reads the English catalog: it finds English where there is some.
    expect(englishWordsIn(en.payouts.heading)).toEqual(['Request', 'payout']);
  });

  it('keep the same {{placeholders}} in both languages', () => {
    for (const [key, text] of ruLeaves) {
      const english = enLeaves.get(key) ?? enLeaves.get(key.replace(PLURAL_SUFFIX, '_other'));
      if (english !== undefined) expect(placeholders(text), key).toEqual(placeholders(english));
    }
  });

  it('registers every namespace with i18next and answers in the chosen language', () => {
    const i18n = createI18n('ru');
    expect(i18n.t('appTitle')).toBe(ru.common.appTitle);
    expect(i18n.t('shareOn', { ns: 'share', service: 'Telegram' })).toBe(
      'Поделиться реферальной ссылкой в Telegram',
    );
    void i18n.changeLanguage('en');
    expect(i18n.t('appTitle')).toBe(en.common.appTitle);
    expect(Object.keys(resources)).toEqual(['en', 'ru']);
  });
});

describe('the UI language', () => {
  it('follows the first system language the UI has, else English', () => {
    expect(systemLocale(['ru-RU', 'en-US'])).toBe('ru');
    expect(systemLocale(['de-DE', 'RU'])).toBe('ru');
    expect(systemLocale(['de-DE', 'fr'])).toBe('en');
    expect(systemLocale([])).toBe('en');
  });

  it('is the setting unless the setting says "system"', () => {
    expect(resolveLocale('ru', ['en-US'])).toBe('ru');
    expect(resolveLocale('en', ['ru-RU'])).toBe('en');
    expect(resolveLocale('system', ['ru-RU'])).toBe('ru');
  });
});
