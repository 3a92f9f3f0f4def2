import type { tray as en } from '../en/tray.ts';
import type { Messages } from '../messages.ts';

export const tray = {
  tooltip: '{{app}} — {{balance}}',
  balance: 'Доступно: {{amount}}',
  unknown: 'Доступно: —',
  signedOut: 'Вход не выполнен',
  linkMode: 'Ваша реферальная ссылка',
  noLink: 'Реферальная ссылка не сохранена',
  offline: '(нет связи, последние данные)',
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
  pausedUntil: 'Приостановлено до {{time}}',
  settings: 'Настройки',
  quit: 'Выйти',
} satisfies Messages<typeof en>;
