// Applies the UI language and theme from settings: i18next's language, <html lang>, and
// <html data-theme> that styles.css reads (absent = follow the OS). The language is resolved here,
// once, and reported to core, which words notifications, the tray and refusals in the same one.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveLocale, systemLanguages } from '../i18n/i18n.ts';
import { firstPaintOf, useBridge } from './bridge-context.tsx';
import { preferences } from './stores.ts';

export function useApplyPreferences(): void {
  const store = preferences.useStore();
  useEffect(() => store.getState().start(), [store]);
  const ui = preferences.use((state) => state.settings?.ui);
  const { i18n } = useTranslation();
  const bridge = useBridge();

  useEffect(() => {
    if (!ui) return;
    const locale = resolveLocale(ui.language, systemLanguages(firstPaintOf(bridge)));
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    // Best effort: until core hears it, it resolves "system" from the shell's own list.
    bridge.reportUiLanguage({ language: locale }).catch(() => undefined);
  }, [ui, i18n, bridge]);

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
