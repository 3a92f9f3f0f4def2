// The tray, as data: which icon, what tooltip, which menu items, all from core's state. The
// Electron glue (electron/main/tray.ts) only draws it, so everything the user sees in the tray is
// tested here without Electron. Its words are the catalog's (shared/i18n/*/tray.ts).
import type { LiveStatus, NotificationPause } from '../../../shared/bridge/live.ts';
import type { SessionView } from '../../../shared/bridge.ts';
import { INTL_LOCALES } from '../../../shared/i18n/locale.ts';
import { money, wordsIn } from '../i18n.ts';
import type { CoreLanguage } from '../notifications/text.ts';

export type TrayIconState = 'normal' | 'newEarnings' | 'offline' | 'signedOut';

export type TrayAction =
  | 'copy-link'
  | 'show-qr'
  | 'open'
  | 'request-payout'
  | 'apply-license'
  | 'pause-1h'
  | 'pause-tomorrow'
  | 'resume-notifications'
  | 'toggle-trading'
  | 'settings'
  | 'quit';

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'label'; label: string }
  | { type: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { type: 'checkbox'; action: TrayAction; label: string; checked: boolean; enabled: boolean }
  | { type: 'submenu'; label: string; items: TrayMenuItem[] };

export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayInputs {
  session: SessionView['state'];
  connection: LiveStatus['connection'];
  /** The available balance, once known. */
  availableCents: number | null;
  unseenEarnings: boolean;
  pause: NotificationPause;
  language: CoreLanguage;
  now: number;
}

export function trayModel(inputs: TrayInputs): TrayModel {
  const t = wordsIn(inputs.language, 'tray');
  const common = wordsIn(inputs.language, 'common');
  const signedIn = inputs.session === 'signed-in';
  const offline = inputs.connection === 'offline';
  const icon: TrayIconState = !signedIn
    ? 'signedOut'
    : offline
      ? 'offline'
      : inputs.unseenEarnings
        ? 'newEarnings'
        : 'normal';

  const balance =
    signedIn && inputs.availableCents !== null
      ? t('balance', { amount: money(inputs.availableCents, inputs.language) })
      : signedIn
        ? t('unknown')
        : t('signedOut');
  const tooltip = [
    t('tooltip', { app: common('appTitle'), balance }),
    ...(signedIn && offline ? [t('offline')] : []),
    ...(signedIn && inputs.unseenEarnings ? [t('newEarnings')] : []),
  ].join('\n');

  const pausedUntil =
    inputs.pause.pausedUntil && Date.parse(inputs.pause.pausedUntil) > inputs.now
      ? inputs.pause.pausedUntil
      : null;
  const paused = pausedUntil !== null || inputs.pause.trading;
  const pauseItems: TrayMenuItem[] = [
    ...(pausedUntil
      ? [{ type: 'label' as const, label: t('pausedUntil', { time: clock(pausedUntil, inputs.language) }) }]
      : []),
    { type: 'action', action: 'pause-1h', label: t('pause1h'), enabled: true },
    { type: 'action', action: 'pause-tomorrow', label: t('pauseTomorrow'), enabled: true },
    {
      type: 'checkbox',
      action: 'toggle-trading',
      label: t('trading'),
      checked: inputs.pause.trading,
      enabled: true,
    },
    { type: 'separator' },
    { type: 'action', action: 'resume-notifications', label: t('resume'), enabled: paused },
  ];

  return {
    icon,
    tooltip,
    menu: [
      { type: 'label', label: balance },
      { type: 'separator' },
      { type: 'action', action: 'copy-link', label: t('copyLink'), enabled: signedIn },
      { type: 'action', action: 'show-qr', label: t('showQr'), enabled: signedIn },
      { type: 'action', action: 'open', label: t('open'), enabled: true },
      { type: 'separator' },
      { type: 'action', action: 'request-payout', label: t('payout'), enabled: signedIn },
      { type: 'action', action: 'apply-license', label: t('license'), enabled: signedIn },
      { type: 'separator' },
      { type: 'submenu', label: t('pauseMenu'), items: pauseItems },
      { type: 'action', action: 'settings', label: t('settings'), enabled: true },
      { type: 'separator' },
      { type: 'action', action: 'quit', label: t('quit'), enabled: true },
    ],
  };
}

function clock(isoTime: string, language: CoreLanguage): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(isoTime));
}
