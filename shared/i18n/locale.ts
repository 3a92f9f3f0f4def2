// How a UI language setting becomes the language the words are in: one rule for the renderer and
// core, so the UI, notifications, the tray and refusals always agree (docs/renderer.md#language).
import type { UiLanguage } from '../settings.ts';
import { UI_LOCALES, type UiLocale } from './resources.ts';

/** The first of the system's preferred languages the companion has, else English. */
export function systemLocale(preferred: readonly string[]): UiLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] as UiLocale;
    if (UI_LOCALES.includes(base)) return base;
  }
  return 'en';
}

/** The setting, unless it says "system": then the system's preferred languages decide. */
export function resolveLocale(setting: UiLanguage, preferred: readonly string[]): UiLocale {
  return setting === 'system' ? systemLocale(preferred) : setting;
}

/** The BCP 47 tag for Intl formatting (numbers, dates, money) in a UI language. */
export const INTL_LOCALES: Record<UiLocale, string> = { en: 'en-US', ru: 'ru-RU' };
