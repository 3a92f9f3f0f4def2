import type { layout as en } from '../en/layout.ts';
import type { Messages } from '../messages.ts';

export const layout = {
  details: 'Подробнее',
  showDetails: 'Показать подробности',
  hideDetails: 'Скрыть подробности',
} satisfies Messages<typeof en>;
