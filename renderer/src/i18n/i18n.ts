// The UI's i18next instance: resources bundled (no loading step, so the first render is already in
// the right language), the language resolved from settings or the system, and the Intl locale
// that numbers, dates and money use.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, UI_LOCALES, type UiLocale } from '../../../shared/i18n/resources.ts';
import type { UiLanguage } from '../../../shared/settings.ts';

/** The first of the system's preferred languages the UI has, else English. */
export function systemLocale(preferred: readonly string[] = navigatorLanguages()): UiLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] as UiLocale;
    if (UI_LOCALES.includes(base)) return base;
  }
  return 'en';
}

export function resolveLocale(setting: UiLanguage, preferred?: readonly string[]): UiLocale {
  return setting === 'system' ? systemLocale(preferred) : setting;
}

/** The BCP 47 tag for Intl formatting in a UI language. */
export const INTL_LOCALES: Record<UiLocale, string> = { en: 'en-US', ru: 'ru-RU' };

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function createI18n(language: UiLocale = systemLocale()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: UI_LOCALES,
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    // React escapes; i18next escaping would double-escape.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
