import type { session as en } from '../en/session.ts';
import type { Messages } from '../messages.ts';

export const session = {
  heading: 'Вход в Quantower',
  intro:
    'Войдите с учётной записью Quantower, чтобы видеть реферальную ссылку и заработок. Страница входа Quantower откроется в вашем браузере; пароль компаньону не передаётся.',
  signIn: 'Войти через Quantower',
  starting: 'Открываем страницу входа…',
  waiting: 'Ждём, пока вы войдёте в браузере…',
  waitingHint: 'Завершите вход на странице, открывшейся в браузере, и вернитесь сюда.',
  reopen: 'Открыть страницу входа снова',
  openFailed: 'Не удалось открыть браузер.',
  cancel: 'Отмена',
  reasons: {
    denied: 'Вход отменён.',
    'timed-out': 'Время входа истекло. Начните снова, когда будете готовы.',
    unreachable: 'Сервер учётных записей Quantower недоступен. Проверьте подключение и попробуйте снова.',
    expired: 'Сеанс завершён. Войдите снова.',
    failed: 'Вход не завершён.',
  },
  notices: {
    'revocation-failed': 'Вы вышли на этом компьютере. Сервер не удалось уведомить; вход истечёт сам.',
  },
  /** Where the sign-in is kept when it is not the OS keychain (core's reason follows). */
  storage: {
    memory: 'Вход хранится только в памяти: после перезапуска компаньона потребуется войти снова.',
    safeStorage: 'Вход зашифрован средствами операционной системы, а не хранится в её связке ключей.',
  },
  accountMenu: 'Учётная запись',
  signedInAs: 'Вы вошли как',
  signOut: 'Выйти',
  signingOut: 'Выходим…',
} satisfies Messages<typeof en>;
