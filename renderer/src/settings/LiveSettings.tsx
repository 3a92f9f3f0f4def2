// Settings groups of the live side: notifications (per kind, quiet hours, pause, "I'm trading"),
// the window (always on top, start at login, start hidden). The accounts server is chosen in
// Settings → Mode (welcome/ModeSettings.tsx).
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationKind } from '../../../shared/live-settings.ts';
import { FormInput } from '../components/FormInput.tsx';
import { featureStore } from '../shell/bridge-context.tsx';
import { preferences } from '../shell/stores.ts';
import { Button } from '../ui/Button.tsx';
import { BrowserNotificationPermission } from './BrowserNotificationPermission.tsx';
import { createLiveStore } from './live-store.ts';
import './live-settings.css';

export const live = featureStore(createLiveStore);

// A plain list checked against the schema's type (the schema itself would pull zod into the UI).
const KINDS = [
  'commission',
  'referral',
  'reversal',
  'payout',
  'threshold',
  'license',
  'terms',
  'disqualified',
] as const satisfies readonly NotificationKind[];

export function LiveSettings() {
  const store = live.useStore();
  useEffect(() => store.getState().start(), [store]);
  return (
    <div className="live-settings stack">
      <NotificationSettingsGroup />
      <WindowSettingsGroup />
    </div>
  );
}

function NotificationSettingsGroup() {
  const { t, i18n } = useTranslation('notifications');
  const settings = preferences.use((state) => state.settings);
  const update = preferences.use((state) => state.update);
  const status = live.use((state) => state.status);
  const pause = live.use((state) => state.pause);
  const pauseFor = live.use((state) => state.pauseFor);
  const setTrading = live.use((state) => state.setTrading);
  const info = live.use((state) => state.info);
  const heading = useId();
  const disabled = settings === null;
  const quiet = settings?.notifications.quietHours;
  const pausedUntil =
    pause?.pausedUntil && Date.parse(pause.pausedUntil) > Date.now()
      ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(
          new Date(pause.pausedUntil),
        )
      : null;

  return (
    <section className="card" aria-labelledby={heading} data-testid="notification-settings">
      <h2 id={heading}>{t('heading')}</h2>
      {status && (
        <p data-testid="live-status" data-connection={status.connection}>
          {t('status.label')}: {t(`status.${status.connection}`)}
        </p>
      )}
      {info?.shell === 'browser' && <BrowserNotificationPermission />}
      <fieldset disabled={disabled}>
        <legend>{t('kindsLegend')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="check-row">
            <input
              type="checkbox"
              data-testid={`setting-notify-${kind}`}
              checked={settings?.notifications.kinds[kind] ?? true}
              onChange={(event) =>
                void update({ notifications: { kinds: { [kind]: event.target.checked } } })
              }
            />{' '}
            {t(`kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>
          <label className="check-row">
            <input
              type="checkbox"
              data-testid="setting-quiet-hours"
              checked={quiet?.enabled ?? false}
              onChange={(event) =>
                void update({ notifications: { quietHours: { enabled: event.target.checked } } })
              }
            />{' '}
            {t('quietHours')}
          </label>
        </legend>
        <FormInput
          label={t('quietFrom')}
          type="time"
          testId="setting-quiet-from"
          value={quiet?.from ?? '22:00'}
          onChange={(from) => from && void update({ notifications: { quietHours: { from } } })}
        />
        <FormInput
          label={t('quietTo')}
          type="time"
          testId="setting-quiet-to"
          value={quiet?.to ?? '07:00'}
          onChange={(to) => to && void update({ notifications: { quietHours: { to } } })}
        />
        {/* An empty window, not a whole day: from = to silences nothing (policy.ts), so say so. */}
        {quiet?.enabled && quiet.from === quiet.to && (
          <p className="muted" role="status" data-testid="quiet-never">
            {t('quietNever')}
          </p>
        )}
      </fieldset>
      <fieldset disabled={pause === null}>
        <legend>{t('pauseLegend')}</legend>
        {pausedUntil && <p data-testid="paused-until">{t('pausedUntil', { time: pausedUntil })}</p>}
        <div className="button-row">
          <Button size="small" testId="pause-1h" onClick={() => void pauseFor('1h')}>
            {t('pause1h')}
          </Button>
          <Button size="small" testId="pause-tomorrow" onClick={() => void pauseFor('tomorrow')}>
            {t('pauseTomorrow')}
          </Button>
          <Button
            size="small"
            testId="pause-resume"
            disabled={!pausedUntil}
            onClick={() => void pauseFor('resume')}
          >
            {t('resume')}
          </Button>
        </div>
        <label className="check-row">
          <input
            type="checkbox"
            data-testid="setting-trading"
            checked={pause?.trading ?? false}
            onChange={(event) => void setTrading(event.target.checked)}
          />{' '}
          {t('trading')}
        </label>
      </fieldset>
    </section>
  );
}

function WindowSettingsGroup() {
  const { t } = useTranslation('notifications');
  const settings = preferences.use((state) => state.settings);
  const update = preferences.use((state) => state.update);
  const info = live.use((state) => state.info);
  const heading = useId();
  const window = settings?.window;
  const toggle = (key: 'alwaysOnTop' | 'startAtLogin' | 'startHidden') => (
    <label className="check-row">
      <input
        type="checkbox"
        data-testid={`setting-${key}`}
        checked={window?.[key] ?? false}
        onChange={(event) => void update({ window: { [key]: event.target.checked } })}
      />{' '}
      {t(key)}
    </label>
  );
  return (
    <section className="card" aria-labelledby={heading} data-testid="window-settings">
      <h2 id={heading}>{t('windowHeading')}</h2>
      <fieldset disabled={settings === null}>
        {toggle('alwaysOnTop')}
        {/* An unpackaged Electron run registers nothing at login: no toggle that does nothing. */}
        {!(info?.shell === 'electron' && info.startAtLogin !== true) && toggle('startAtLogin')}
        {toggle('startHidden')}
      </fieldset>
      {info?.shell === 'browser' && <p className="muted">{t('desktopOnly')}</p>}
    </section>
  );
}
