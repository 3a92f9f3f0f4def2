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
  /**
   * Link mode (issue 13): no account, no balance; the saved link is what the tray shares (absent:
   * none saved yet). Payout and license items open their sections, which route to support.
   */
  link?: { saved: boolean };
}

export function trayModel(inputs: TrayInputs): TrayModel {
  if (inputs.link) return linkModeTray(inputs, inputs.link.saved);
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

  return {
    icon,
    tooltip,
    menu: menu(inputs, balance, { share: signedIn, requests: signedIn }),
  };
}

/** Link mode: the saved link is shared; no balance exists to show (no accounts API). */
function linkModeTray(inputs: TrayInputs, saved: boolean): TrayModel {
  const t = wordsIn(inputs.language, 'tray');
  const label = saved ? t('linkMode') : t('noLink');
  return {
    icon: 'normal',
    tooltip: t('tooltip', { app: wordsIn(inputs.language, 'common')('appTitle'), balance: label }),
    menu: menu(inputs, label, { share: saved, requests: true }),
  };
}

function menu(
  inputs: TrayInputs,
  label: string,
  enabled: { share: boolean; requests: boolean },
): TrayMenuItem[] {
  const t = wordsIn(inputs.language, 'tray');
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

  return [
    { type: 'label', label },
    { type: 'separator' },
    { type: 'action', action: 'copy-link', label: t('copyLink'), enabled: enabled.share },
    { type: 'action', action: 'show-qr', label: t('showQr'), enabled: enabled.share },
    { type: 'action', action: 'open', label: t('open'), enabled: true },
    { type: 'separator' },
    { type: 'action', action: 'request-payout', label: t('payout'), enabled: enabled.requests },
    { type: 'action', action: 'apply-license', label: t('license'), enabled: enabled.requests },
    { type: 'separator' },
    { type: 'submenu', label: t('pauseMenu'), items: pauseItems },
    { type: 'action', action: 'settings', label: t('settings'), enabled: true },
    { type: 'separator' },
    { type: 'action', action: 'quit', label: t('quit'), enabled: true },
  ];
}

function clock(isoTime: string, language: CoreLanguage): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], {
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
