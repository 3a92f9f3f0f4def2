// The tray, as data: which icon, what tooltip, which menu items, all from core's state. The
// Electron glue (electron/main/tray.ts) only draws it, so everything the user sees in the tray is
// tested here without Electron.
import type { LiveStatus, NotificationPause } from '../../../shared/bridge/live.ts';
import type { SessionView } from '../../../shared/bridge.ts';
import { type CoreLanguage, money } from '../notifications/text.ts';

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
  /**
   * Link mode (issue 13): no account, no balance; the saved link is what the tray shares (absent:
   * none saved yet). Payout and license items open their sections, which route to support.
   */
  link?: { saved: boolean };
}

const APP = 'Referral Companion';

const WORDS = {
  en: {
    balance: 'Available',
    unknown: 'Available: —',
    signedOut: 'Signed out',
    linkMode: 'Your referral link',
    noLink: 'No referral link saved',
    offline: 'offline, last known',
    newEarnings: 'New earnings',
    copyLink: 'Copy referral link',
    showQr: 'Show QR code',
    open: 'Open companion',
    payout: 'Request payout…',
    license: 'Apply to license…',
    pauseMenu: 'Pause notifications',
    pause1h: 'For 1 hour',
    pauseTomorrow: 'Until tomorrow',
    trading: "I'm trading",
    resume: 'Resume notifications',
    pausedUntil: 'Paused until',
    settings: 'Settings',
    quit: 'Quit',
  },
  ru: {
    balance: 'Доступно',
    unknown: 'Доступно: —',
    signedOut: 'Вход не выполнен',
    linkMode: 'Ваша реферальная ссылка',
    noLink: 'Реферальная ссылка не сохранена',
    offline: 'нет связи, последние данные',
    newEarnings: 'Новые начисления',
    copyLink: 'Скопировать реферальную ссылку',
    showQr: 'Показать QR-код',
    open: 'Открыть приложение',
    payout: 'Запросить выплату…',
    license: 'Оплатить лицензию…',
    pauseMenu: 'Приостановить уведомления',
    pause1h: 'На 1 час',
    pauseTomorrow: 'До завтра',
    trading: 'Я торгую',
    resume: 'Возобновить уведомления',
    pausedUntil: 'Приостановлено до',
    settings: 'Настройки',
    quit: 'Выйти',
  },
} as const;

export function trayModel(inputs: TrayInputs): TrayModel {
  const w = WORDS[inputs.language];
  if (inputs.link) return linkModeTray(inputs, inputs.link.saved);
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
      ? `${w.balance}: ${money(inputs.availableCents, inputs.language)}`
      : signedIn
        ? w.unknown
        : w.signedOut;
  const tooltip = [
    `${APP} — ${balance}`,
    ...(signedIn && offline ? [`(${w.offline})`] : []),
    ...(signedIn && inputs.unseenEarnings ? [w.newEarnings] : []),
  ].join('\n');

  return {
    icon,
    tooltip,
    menu: menu(inputs, balance, { share: signedIn, requests: signedIn }),
  };
}

/** Link mode: the saved link is shared; no balance exists to show (no accounts API). */
function linkModeTray(inputs: TrayInputs, saved: boolean): TrayModel {
  const w = WORDS[inputs.language];
  const label = saved ? w.linkMode : w.noLink;
  return {
    icon: 'normal',
    tooltip: `${APP} — ${label}`,
    menu: menu(inputs, label, { share: saved, requests: true }),
  };
}

function menu(
  inputs: TrayInputs,
  label: string,
  enabled: { share: boolean; requests: boolean },
): TrayMenuItem[] {
  const w = WORDS[inputs.language];
  const pausedUntil =
    inputs.pause.pausedUntil && Date.parse(inputs.pause.pausedUntil) > inputs.now
      ? inputs.pause.pausedUntil
      : null;
  const paused = pausedUntil !== null || inputs.pause.trading;
  const pauseItems: TrayMenuItem[] = [
    ...(pausedUntil
      ? [{ type: 'label' as const, label: `${w.pausedUntil} ${clock(pausedUntil, inputs.language)}` }]
      : []),
    { type: 'action', action: 'pause-1h', label: w.pause1h, enabled: true },
    { type: 'action', action: 'pause-tomorrow', label: w.pauseTomorrow, enabled: true },
    {
      type: 'checkbox',
      action: 'toggle-trading',
      label: w.trading,
      checked: inputs.pause.trading,
      enabled: true,
    },
    { type: 'separator' },
    { type: 'action', action: 'resume-notifications', label: w.resume, enabled: paused },
  ];

  return [
    { type: 'label', label },
    { type: 'separator' },
    { type: 'action', action: 'copy-link', label: w.copyLink, enabled: enabled.share },
    { type: 'action', action: 'show-qr', label: w.showQr, enabled: enabled.share },
    { type: 'action', action: 'open', label: w.open, enabled: true },
    { type: 'separator' },
    { type: 'action', action: 'request-payout', label: w.payout, enabled: enabled.requests },
    { type: 'action', action: 'apply-license', label: w.license, enabled: enabled.requests },
    { type: 'separator' },
    { type: 'submenu', label: w.pauseMenu, items: pauseItems },
    { type: 'action', action: 'settings', label: w.settings, enabled: true },
    { type: 'separator' },
    { type: 'action', action: 'quit', label: w.quit, enabled: true },
  ];
}

function clock(isoTime: string, language: CoreLanguage): string {
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-US', {
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(isoTime));
}

/** What the OS says about its colours (Electron's nativeTheme, as plain data). */
export interface ThemeSignals {
  /** The apps' colour scheme. */
  shouldUseDarkColors: boolean;
  /** Windows: the taskbar's and Start's scheme, which Windows 10's default sets apart (dark taskbar, light apps). */
  shouldUseDarkColorsForSystemIntegratedUI: boolean;
}

/**
 * Whether the tray needs the variant for a dark panel (a light glyph). The icon sits on the
 * Windows taskbar, so there it follows the system-integrated UI's scheme; elsewhere (Linux panels)
 * the apps' scheme is the best signal there is. macOS uses template images and ignores this.
 */
export function trayOnDarkPanel(platform: NodeJS.Platform, theme: ThemeSignals): boolean {
  return platform === 'win32' ? theme.shouldUseDarkColorsForSystemIntegratedUI : theme.shouldUseDarkColors;
}
