// The BCP 47 locale for Intl (numbers, dates, money) in the UI's current language.
import { useTranslation } from 'react-i18next';
import type { UiLocale } from '../../../shared/i18n/resources.ts';
import { INTL_LOCALES } from './i18n.ts';

export function intlLocale(language: string): string {
  return INTL_LOCALES[language as UiLocale] ?? INTL_LOCALES.en;
}

export function useIntlLocale(): string {
  return intlLocale(useTranslation().i18n.language);
}
