// Settings groups of the live side: notifications (per kind, quiet hours, pause, "I'm trading"),
// the window (always on top, start at login, start hidden) and the accounts server.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationKind } from '../../../shared/live-settings.ts';
import { FormInput } from '../components/FormInput.tsx';
import { featureStore } from '../shell/bridge-context.tsx';
import { preferences } from '../shell/stores.ts';
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
    <div className="live-settings">
      <NotificationSettingsGroup />
      <WindowSettingsGroup />
      <AccountsServerGroup />
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
          <button type="button" data-testid="pause-1h" onClick={() => void pauseFor('1h')}>
            {t('pause1h')}
          </button>
          <button type="button" data-testid="pause-tomorrow" onClick={() => void pauseFor('tomorrow')}>
            {t('pauseTomorrow')}
          </button>
          <button
            type="button"
            data-testid="pause-resume"
            disabled={!pausedUntil}
            onClick={() => void pauseFor('resume')}
          >
            {t('resume')}
          </button>
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
        {toggle('startAtLogin')}
        {toggle('startHidden')}
      </fieldset>
      {info?.shell === 'browser' && <p className="muted">{t('desktopOnly')}</p>}
    </section>
  );
}

function AccountsServerGroup() {
  const { t } = useTranslation('notifications');
  const settings = preferences.use((state) => state.settings);
  const update = preferences.use((state) => state.update);
  const info = live.use((state) => state.info);
  const ids = { heading: useId(), url: useId() };
  const saved = settings?.accountsUrl ?? null;
  const [custom, setCustom] = useState<boolean | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const isCustom = custom ?? saved !== null;
  const text = draft ?? saved ?? '';
  const valid = /^https?:\/\/[^\s/]+/iu.test(text) && URL.canParse(text);
  // The running core keeps its server until a restart (session, kept sign-in and sandbox belong to it).
  const running = info ? (info.mode === 'demo' ? null : info.accountsUrl) : undefined;
  const wanted = saved === null ? null : new URL(saved).toString();
  const needsRestart = running !== undefined && wanted !== running;

  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="accounts-settings">
      <h2 id={ids.heading}>{t('accountsHeading')}</h2>
      <fieldset disabled={settings === null}>
        <label className="check-row">
          <input
            type="radio"
            name="accounts-server"
            data-testid="setting-accounts-demo"
            checked={!isCustom}
            onChange={() => {
              setCustom(false);
              void update({ accountsUrl: null });
            }}
          />{' '}
          {t('accountsDemo')}
        </label>
        <label className="check-row">
          <input
            type="radio"
            name="accounts-server"
            data-testid="setting-accounts-custom"
            checked={isCustom}
            onChange={() => setCustom(true)}
          />{' '}
          {t('accountsCustom')}
        </label>
        {isCustom && (
          <form
            className="form-row"
            onSubmit={(event) => {
              event.preventDefault();
              if (valid) void update({ accountsUrl: text.trim() }).then(() => setDraft(null));
            }}
          >
            <label htmlFor={ids.url}>{t('accountsUrlLabel')}</label>
            <input
              id={ids.url}
              type="url"
              data-testid="setting-accounts-url"
              value={text}
              placeholder="https://"
              aria-invalid={text !== '' && !valid}
              onChange={(event) => setDraft(event.target.value)}
            />
            {text !== '' && !valid && <p role="alert">{t('accountsInvalid')}</p>}
            <button type="submit" data-testid="setting-accounts-save" disabled={!valid}>
              {t('accountsSave')}
            </button>
          </form>
        )}
      </fieldset>
      {needsRestart && info && (
        <p role="status" data-testid="accounts-restart">
          {t('accountsRestart', { current: info.mode === 'demo' ? t('accountsDemo') : info.accountsUrl })}
        </p>
      )}
    </section>
  );
}
