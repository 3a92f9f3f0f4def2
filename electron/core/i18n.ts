// Core's words come from the UI's catalog (shared/i18n): an i18next instance over the same
// resources, so notifications, the tray and refusals cannot drift from what the UI says.
// Core draws what the OS shows (notifications, the tray menu), so it needs the words itself.
import i18next, { type TFunction } from 'i18next';
import { INTL_LOCALES } from '../../shared/i18n/locale.ts';
import { catalogOptions } from '../../shared/i18n/options.ts';
import type { resources, UiLocale } from '../../shared/i18n/resources.ts';
import { formatCents } from '../../shared/money.ts';

const instance = i18next.createInstance();
void instance.init(catalogOptions('en'));

export type Namespace = keyof typeof resources.en;

/** One namespace of the catalog, in one language (typed keys: shared/i18n/i18next.d.ts). */
export function wordsIn<N extends Namespace>(locale: UiLocale, namespace: N): TFunction<N> {
  return instance.getFixedT(locale, namespace);
}

/** "$14.50" / "14,50 $"; signed: "+$14.50" / "−$3.00" (a true minus sign). */
export function money(cents: number, locale: UiLocale, signed = false): string {
  const text = formatCents(Math.abs(cents), INTL_LOCALES[locale]);
  if (!signed) return cents < 0 ? `-${text}` : text;
  return `${cents < 0 ? '−' : '+'}${text}`;
}
