// Language and appearance. Choosing a UI language also makes it the share message's language (the
// share panel can still pick the other one).
import { useTranslation } from 'react-i18next';
import type { Theme, UiLanguage } from '../../../shared/settings.ts';
import { FormSelect } from '../components/FormSelect.tsx';
import { resolveLocale, systemLanguages } from '../i18n/i18n.ts';
import { firstPaintOf, useBridge } from '../shell/bridge-context.tsx';
import { preferences } from '../shell/stores.ts';

// Plain lists, checked against the schema's types: importing the schema would pull zod into the UI.
const LANGUAGES = ['system', 'en', 'ru'] as const satisfies readonly UiLanguage[];
const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Theme[];

export function GeneralSettings() {
  const { t } = useTranslation('settings');
  const settings = preferences.use((state) => state.settings);
  const error = preferences.use((state) => state.error);
  const update = preferences.use((state) => state.update);
  const disabled = settings === null;
  const system = systemLanguages(firstPaintOf(useBridge()));

  return (
    <section className="card" aria-labelledby="settings-heading" data-testid="general-settings">
      <h2 id="settings-heading">{t('heading')}</h2>
      <FormSelect
        label={t('languageLabel')}
        testId="setting-language"
        disabled={disabled}
        value={settings?.ui.language ?? 'system'}
        options={LANGUAGES.map((option) => ({ value: option, label: t(`languages.${option}`) }))}
        onChange={(language) => void update({ ui: { language }, language: resolveLocale(language, system) })}
      />
      <FormSelect
        label={t('themeLabel')}
        testId="setting-theme"
        disabled={disabled}
        value={settings?.ui.theme ?? 'system'}
        options={THEMES.map((option) => ({ value: option, label: t(`themes.${option}`) }))}
        onChange={(theme) => void update({ ui: { theme } })}
      />
      {error && (
        <p className="copy-error" role="alert" data-testid="settings-load-error">
          {t('loadFailed')} {error.message}
        </p>
      )}
    </section>
  );
}
