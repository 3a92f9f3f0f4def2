// The UI's i18next instance: resources bundled (no loading step, so the first render is already in
// the right language), the language resolved from settings or the system, and the Intl locale
// that numbers, dates and money use.

import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { FirstPaint } from '../../../shared/first-paint.ts';
import {
  INTL_LOCALES,
  resolveLocale as resolveFor,
  systemLocale as systemFor,
} from '../../../shared/i18n/locale.ts';
import { catalogOptions } from '../../../shared/i18n/options.ts';
import type { UiLocale } from '../../../shared/i18n/resources.ts';
import type { UiLanguage } from '../../../shared/settings.ts';

export { INTL_LOCALES };

/**
 * The system's preferred languages, as the shell knows them: in Electron the OS's list
 * (app.getPreferredSystemLanguages; the glue gives it to core, core puts it in the first-paint
 * state), in the browser shell the page's own navigator.languages.
 */
export function systemLanguages(
  firstPaint?: Pick<FirstPaint, 'appInfo' | 'systemLanguages'>,
): readonly string[] {
  return firstPaint?.appInfo.shell === 'electron' ? firstPaint.systemLanguages : navigatorLanguages();
}

/** The first of the system's preferred languages the UI has, else English. */
export function systemLocale(preferred: readonly string[] = systemLanguages()): UiLocale {
  return systemFor(preferred);
}

export function resolveLocale(
  setting: UiLanguage,
  preferred: readonly string[] = systemLanguages(),
): UiLocale {
  return resolveFor(setting, preferred);
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function createI18n(language: UiLocale = systemLocale()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init(catalogOptions(language));
  return instance;
}
