import type { common as en } from '../en/common.ts';
import type { Messages } from '../messages.ts';

export const common = {
  appTitle: 'Реферальный компаньон',
  demoBadge: 'Демо-режим',
  demoBadgeHint: 'Работает со встроенной песочницей и демо-партнёром, а не с вашим аккаунтом Quantower.',
  sectionsLabel: 'Разделы',
  sections: {
    referral: 'Ссылка',
    earnings: 'Доход',
    settings: 'Настройки',
  },
  retry: 'Повторить',
  startFailed: 'Не удалось запустить Реферальный компаньон',
  errorDetailsLabel: 'Подробности',
  errorNotRetryableHint: 'Повтор вряд ли поможет; если ошибка повторяется, обратитесь в поддержку Quantower.',
  bridgeMissing:
    'Связь компаньона с этим окном потеряна. Перезапустите Referral Companion и попробуйте снова.',
  errorTitles: {
    unavailable: 'Сервер аккаунтов недоступен. Проверьте подключение и повторите.',
    timeout: 'Сервер аккаунтов слишком долго не отвечает.',
    rejected: 'Сервер аккаунтов отклонил запрос.',
    'invalid-response': 'Сервер аккаунтов прислал ответ, который компаньон не понимает.',
    'invalid-input': 'Компаньон отправил недопустимый запрос.',
    'unknown-method': 'Эта часть компаньона недоступна в этой версии.',
    forbidden: 'Компаньон отклонил запрос из этого окна.',
    internal: 'Внутренняя ошибка компаньона.',
  },
} satisfies Messages<typeof en>;
