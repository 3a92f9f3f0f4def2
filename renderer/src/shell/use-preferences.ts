// Applies the UI language and theme from settings: i18next's language, <html lang>, and
// <html data-theme> that styles.css reads (absent = follow the OS).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveLocale } from '../i18n/i18n.ts';
import { preferences } from './stores.ts';

export function useApplyPreferences(): void {
  const store = preferences.useStore();
  useEffect(() => store.getState().start(), [store]);
  const ui = preferences.use((state) => state.settings?.ui);
  const { i18n } = useTranslation();

  useEffect(() => {
    if (!ui) return;
    const locale = resolveLocale(ui.language);
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [ui, i18n]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    const onChange = (language: string) => {
      document.documentElement.lang = language;
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);

  useEffect(() => {
    const root = document.documentElement;
    if (!ui || ui.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = ui.theme;
  }, [ui]);
}
