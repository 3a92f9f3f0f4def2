// The one catalog's i18next options, for the UI's instance (renderer/src/i18n/i18n.ts) and core's
// (electron/core/i18n.ts): the same resources, namespaces and fallbacks on both sides.
import { resources, UI_LOCALES, type UiLocale } from './resources.ts';

export function catalogOptions(language: UiLocale) {
  return {
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: UI_LOCALES,
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    // Plain text on both sides: React escapes what it renders, and the OS shows text, never HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  } as const;
}
