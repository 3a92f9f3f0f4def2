import type { payouts as en } from '../en/payouts.ts';
import type { Messages } from '../messages.ts';

export const payouts = {
  tab: 'Выплаты',
  heading: 'Запросить выплату',
  available: 'Доступно',
  termsLine: 'Условия v{{version}}: вывод от {{min}} и не менее {{referrals}} рефералов.',
  requestButton: 'Запросить выплату',
  unavailableHeading: 'Выплата пока недоступна',
  blockers: {
    disqualified: 'Вы дисквалифицированы из реферальной программы: {{reason}}',
    disqualifiedNoReason: 'Вы дисквалифицированы из реферальной программы.',
    'below-minimum': 'Минимальная сумма вывода — {{min}}; доступно {{available}}.',
    'not-enough-referrals': 'Для вывода нужно не менее {{min}} рефералов; у вас {{count}}.',
    'no-balance': 'Нет доступного баланса.',
  },
  methodLabel: 'Способ',
  amountLabel: 'Сумма (USD)',
  amountHint: 'От {{min}} до {{max}}.',
  amountProblems: {
    format: 'Введите сумму в долларах и центах, например 75.50.',
    'below-minimum': 'Минимальная сумма вывода — {{min}}.',
    'above-available': 'Доступно только {{max}}.',
  },
  destinationProblems: {
    email: 'Введите адрес электронной почты вашего аккаунта PayPal.',
    'tron-address': 'Введите адрес TRON: T и ещё 33 буквы и цифры.',
    'iban-format': 'Введите IBAN, например DE89 3704 0044 0532 0130 00.',
    'iban-check': 'В IBAN опечатка: контрольные цифры не совпадают.',
  },
  continue: 'Далее',
  back: 'Назад',
  cancel: 'Отмена',
  confirmHeading: 'Подтвердите запрос на выплату',
  confirmText: '{{amount}} будет отправлено через {{method}} на {{destination}}.',
  confirmDetails:
    'Сумма сразу резервируется на балансе (останется доступно {{after}}). Запрос обрабатывает поддержка Quantower; пока он в статусе «Запрошено», его можно отменить.',
  confirmButton: 'Запросить {{amount}}',
  sending: 'Отправка…',
  filed: 'Запрос на {{amount}} отправлен.',
  notConfirmed:
    'Запрос ещё не подтверждён: {{message}} Компаньон хранит его и отправит снова с тем же ключом, поэтому дубликата не будет.',
  requestsHeading: 'Ваши запросы',
  noRequests: 'Запросов на выплату пока нет.',
  status: {
    requested: 'Запрошено',
    processing: 'В обработке',
    paid: 'Выплачено',
    rejected: 'Отклонено',
    cancelled: 'Отменено',
  },
  outboxStatus: {
    sending: 'Отправляется',
    failed: 'Не принят',
  },
  rejectedReason: 'Причина: {{reason}}',
  cancelRequest: 'Отменить запрос',
  dismiss: 'Скрыть',
  supportHeading: 'Написать в поддержку',
  supportText: 'Хотите обратиться к человеку? Напишите в поддержку Quantower, указав код и сумму.',
  supportEmail: 'Написать на e-mail',
  supportTelegram: 'Чат в Telegram',
  supportCopied: 'Сообщение скопировано: вставьте его в чат.',
  supportSubject: 'Запрос на выплату реферального вознаграждения ({{code}})',
  supportBody:
    'Здравствуйте!\n\nЯ хочу вывести {{amount}} моего реферального вознаграждения.\nРеферальный код: {{code}}\n\nСпасибо.',
} satisfies Messages<typeof en>;
