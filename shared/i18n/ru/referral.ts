import type { referral as en } from '../en/referral.ts';
import type { Messages } from '../messages.ts';

export const referral = {
  loading: 'Загружаем вашу реферальную ссылку…',
  heading: 'Ваша реферальная ссылка',
  partnerLabel: 'Партнёр',
  codeLabel: 'Реферальный код',
  linkLabel: 'Реферальная ссылка',
  copy: 'Копировать',
  copyAccessibleName: 'Копировать реферальную ссылку',
  copied: 'Скопировано',
  copyFailed: 'Не удалось скопировать ссылку в буфер обмена.',
  qrCaption: 'Отсканируйте, чтобы открыть реферальную ссылку',
  qrAlt: 'QR-код вашей реферальной ссылки',
  qrLoading: 'Рисуем QR-код…',
  qrFailed: 'Не удалось нарисовать QR-код для этой ссылки.',
} satisfies Messages<typeof en>;
