import { useTranslation } from 'react-i18next';

/** Shown instead of the app when no shell installed window.companion (e.g. the page opened directly). */
export function BridgeMissing() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
      </header>
      <main>
        <div className="card error" role="alert" data-testid="error-message">
          <p className="error-title">{t('bridgeMissing')}</p>
        </div>
      </main>
    </div>
  );
}
