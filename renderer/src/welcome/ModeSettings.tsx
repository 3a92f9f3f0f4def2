// Settings → Mode: the three modes, switched at run time; what each mode saved stays saved.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/bridge.ts';
import { useBridge } from '../shell/bridge-context.tsx';
import { appInfo, preferences } from '../shell/stores.ts';
import '../link/link.css';
import { chooseMode } from './choose-mode.ts';
import { ServerUrlForm } from './ServerUrlForm.tsx';

const MODE_OF: Record<AppInfo['mode'], 'link' | 'demo' | 'server' | null> = {
  link: 'link',
  demo: 'demo',
  custom: 'server',
  unchosen: null,
};

export function ModeSettings() {
  const { t } = useTranslation('welcome');
  const bridge = useBridge();
  const running = appInfo.use((state) => (state.appInfo ? MODE_OF[state.appInfo.mode] : null));
  const savedUrl = preferences.use((state) => state.settings?.accountsUrl ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (mode: 'link' | 'demo' | 'server', url?: string) => {
    setBusy(true);
    setFailure(await chooseMode(bridge, mode, url));
    setBusy(false);
  };
  return (
    <section className="card" aria-labelledby="mode-settings-heading" data-testid="mode-settings">
      <h2 id="mode-settings-heading">{t('settings.heading')}</h2>
      {running && (
        <p data-testid="mode-current">{t('settings.current', { mode: t(`settings.modes.${running}`) })}</p>
      )}
      <div className="mode-list">
        {(['link', 'demo'] as const)
          .filter((mode) => mode !== running)
          .map((mode) => (
            <button
              key={mode}
              type="button"
              className="button"
              data-testid={`mode-use-${mode}`}
              disabled={busy}
              onClick={() => void choose(mode)}
            >
              {t('settings.use')}: {t(`settings.modes.${mode}`)}
            </button>
          ))}
        {running !== 'server' && (
          <ServerUrlForm
            initial={savedUrl ?? ''}
            testId="mode-server"
            submitLabel={`${t('settings.use')}: ${t('settings.modes.server')}`}
            onSubmit={(url) => choose('server', url)}
          />
        )}
      </div>
      <p className="muted">{t('settings.keep')}</p>
      {failure && (
        <p role="alert" className="copy-error" data-testid="mode-error">
          {t('failed', { message: failure })}
        </p>
      )}
    </section>
  );
}
