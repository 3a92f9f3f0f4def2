// Settings → About: what runs here (version, shell, mode, system, language, connection, last
// sync, waiting requests), updates, and what support needs: "Copy diagnostics" and the logs.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { featureStore } from '../shell/bridge-context.tsx';
import { preferences } from '../shell/stores.ts';
import { createAboutStore } from './about-store.ts';
import './about.css';

export const about = featureStore(createAboutStore);

export function AboutSettings() {
  const { t, i18n } = useTranslation('about');
  const settingsWords = useTranslation('settings').t;
  const store = about.useStore();
  useEffect(() => {
    const stop = store.getState().start();
    void store.getState().load();
    return stop;
  }, [store]);
  const diagnostics = about.use((state) => state.diagnostics);
  const update = about.use((state) => state.update);
  const error = about.use((state) => state.error);
  const copy = about.use((state) => state.copy);
  const logsPathShown = about.use((state) => state.logsPathShown);
  const copyDiagnostics = about.use((state) => state.copyDiagnostics);
  const openLogsFolder = about.use((state) => state.openLogsFolder);
  const settings = preferences.use((state) => state.settings);
  const updatePreferences = preferences.use((state) => state.update);
  const heading = useId();
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const version = diagnostics?.version ?? '';

  return (
    <section className="card about" aria-labelledby={heading} data-testid="about-settings">
      <h2 id={heading}>{t('heading')}</h2>
      {diagnostics && (
        <dl className="about-facts" data-testid="about-facts">
          <Fact label={t('version')} value={diagnostics.version} testId="about-version" />
          <Fact label={t('shell')} value={t(`shells.${diagnostics.shell}`)} testId="about-shell" />
          <Fact
            label={t('mode')}
            value={`${t(`modes.${diagnostics.mode}`)}${diagnostics.host ? ` (${diagnostics.host})` : ''}`}
            testId="about-mode"
          />
          <Fact label={t('os')} value={diagnostics.os} testId="about-os" />
          <Fact
            label={t('language')}
            value={`${i18n.language} (${settingsWords(`languages.${diagnostics.language.setting}`)})`}
            testId="about-language"
          />
          <Fact
            label={t('connection')}
            value={t(`connections.${diagnostics.connection}`)}
            testId="about-connection"
          />
          <Fact
            label={t('lastSync')}
            value={diagnostics.lastSync ? dateTime.format(new Date(diagnostics.lastSync)) : t('never')}
            testId="about-last-sync"
          />
          <Fact label={t('pending')} value={String(diagnostics.pendingRequests)} testId="about-pending" />
        </dl>
      )}
      {update && (
        <div className="about-updates" data-testid="about-updates" data-state={update.state}>
          <p data-testid="about-update-state">
            {t(`updateStates.${update.state}`, { version: update.version ?? version })}
          </p>
          {update.lastCheck && !update.lastCheck.ok && <p className="hint">{t('lastCheckFailed')}</p>}
          {update.state !== 'unsupported' && (
            <label className="toggle">
              <input
                type="checkbox"
                data-testid="setting-auto-update"
                disabled={settings === null}
                checked={settings?.updates.enabled ?? true}
                onChange={(event) => void updatePreferences({ updates: { enabled: event.target.checked } })}
              />
              {t('autoUpdate')}
            </label>
          )}
        </div>
      )}
      <div className="about-actions">
        <button type="button" data-testid="copy-diagnostics" onClick={() => void copyDiagnostics()}>
          {t('copy')}
        </button>
        <button type="button" data-testid="open-logs" onClick={() => void openLogsFolder()}>
          {t('openLogs')}
        </button>
      </div>
      <p className="hint">{t('copyHint')}</p>
      {copy === 'copied' && (
        <p role="status" data-testid="diagnostics-copied">
          {t('copied')}
        </p>
      )}
      {copy === 'failed' && (
        <p className="copy-error" role="alert" data-testid="diagnostics-copy-failed">
          {t('copyFailed')}
        </p>
      )}
      {logsPathShown && (
        <p data-testid="logs-path">
          {diagnostics?.logsDir ? t('logsAt', { path: diagnostics.logsDir }) : t('noLogs')}
        </p>
      )}
      {diagnostics && diagnostics.logLines.length > 0 && (
        <details className="about-log">
          <summary>{t('logTail')}</summary>
          <pre data-testid="about-log-lines" translate="no">
            {diagnostics.logLines.join('\n')}
          </pre>
        </details>
      )}
      {error && (
        <p className="copy-error" role="alert" data-testid="about-error">
          {t('loadFailed')} {error.message}
        </p>
      )}
    </section>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

/** "Update ready — restart now / later", above every section while core says to show it. */
export function UpdateNotice() {
  const { t } = useTranslation('about');
  const store = about.useStore();
  useEffect(() => store.getState().start(), [store]);
  const update = about.use((state) => state.update);
  const restart = about.use((state) => state.restart);
  const later = about.use((state) => state.later);
  if (!update?.notice) return null;
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <strong>{t('notice.title')}</strong> <span>{t('notice.body', { version: update.version ?? '' })}</span>
      <button type="button" data-testid="update-restart" onClick={() => void restart()}>
        {t('notice.restart')}
      </button>
      <button type="button" data-testid="update-later" onClick={() => void later()}>
        {t('notice.later')}
      </button>
    </div>
  );
}
