import type { settings as en } from '../en/settings.ts';
import type { Messages } from '../messages.ts';

export const settings = {
  heading: 'Настройки',
  languageLabel: 'Язык',
  themeLabel: 'Оформление',
  languages: { system: 'Как в системе', en: 'English', ru: 'Русский' },
  themes: { system: 'Как в системе', light: 'Светлое', dark: 'Тёмное' },
  loadFailed: 'Не удалось загрузить или сохранить настройки.',
} satisfies Messages<typeof en>;
