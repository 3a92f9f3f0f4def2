// Language and appearance. Choosing a UI language also makes it the share message's language (the
// share panel can still pick the other one).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme, UiLanguage } from '../../../shared/settings.ts';
import { resolveLocale } from '../i18n/i18n.ts';
import { preferences } from '../shell/stores.ts';

// Plain lists, checked against the schema's types: importing the schema would pull zod into the UI.
const LANGUAGES = ['system', 'en', 'ru'] as const satisfies readonly UiLanguage[];
const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Theme[];
const isOneOf = <T extends string>(options: readonly T[], value: string): value is T =>
  (options as readonly string[]).includes(value);

export function GeneralSettings() {
  const { t } = useTranslation('settings');
  const settings = preferences.use((state) => state.settings);
  const error = preferences.use((state) => state.error);
  const update = preferences.use((state) => state.update);
  const ids = { language: useId(), theme: useId() };
  const disabled = settings === null;

  return (
    <section className="card" aria-labelledby="settings-heading" data-testid="general-settings">
      <h2 id="settings-heading">{t('heading')}</h2>
      <div className="form-row">
        <label htmlFor={ids.language}>{t('languageLabel')}</label>
        <select
          id={ids.language}
          data-testid="setting-language"
          disabled={disabled}
          value={settings?.ui.language ?? 'system'}
          onChange={(event) => {
            const language = event.target.value;
            if (isOneOf(LANGUAGES, language))
              void update({ ui: { language }, language: resolveLocale(language) });
          }}
        >
          {LANGUAGES.map((option) => (
            <option key={option} value={option}>
              {t(`languages.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={ids.theme}>{t('themeLabel')}</label>
        <select
          id={ids.theme}
          data-testid="setting-theme"
          disabled={disabled}
          value={settings?.ui.theme ?? 'system'}
          onChange={(event) => {
            const theme = event.target.value;
            if (isOneOf(THEMES, theme)) void update({ ui: { theme } });
          }}
        >
          {THEMES.map((option) => (
            <option key={option} value={option}>
              {t(`themes.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="copy-error" role="alert" data-testid="settings-load-error">
          {t('loadFailed')} {error.message}
        </p>
      )}
    </section>
  );
}
