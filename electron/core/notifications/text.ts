// The words of notifications and the tray, in English and Russian. Core writes them because the
// notification and the tray menu are drawn by the OS, not by the renderer.

import { resources } from '../../../shared/i18n/resources.ts';
import type { NotificationKind } from '../../../shared/live-settings.ts';
import { formatCents } from '../../../shared/money.ts';
import type { Occurrence } from './occurrences.ts';

export type CoreLanguage = 'en' | 'ru';

const LOCALES: Record<CoreLanguage, string> = { en: 'en-US', ru: 'ru-RU' };

export function money(cents: number, language: CoreLanguage, signed = false): string {
  const text = formatCents(Math.abs(cents), LOCALES[language]);
  if (!signed) return cents < 0 ? `-${text}` : text;
  return `${cents < 0 ? '−' : '+'}${text}`;
}

function plural(
  language: CoreLanguage,
  n: number,
  forms: { en: [string, string]; ru: [string, string, string] },
): string {
  if (language === 'en') return n === 1 ? forms.en[0] : forms.en[1];
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms.ru[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms.ru[1];
  return forms.ru[2];
}

const COUNTED: Record<NotificationKind, { en: [string, string]; ru: [string, string, string] }> = {
  commission: {
    en: ['new commission', 'new commissions'],
    ru: ['новая комиссия', 'новые комиссии', 'новых комиссий'],
  },
  referral: {
    en: ['new referral', 'new referrals'],
    ru: ['новый реферал', 'новых реферала', 'новых рефералов'],
  },
  reversal: {
    en: ['commission reversed', 'commissions reversed'],
    ru: ['комиссия отменена', 'комиссии отменены', 'комиссий отменено'],
  },
  payout: {
    en: ['payout update', 'payout updates'],
    ru: ['изменение выплаты', 'изменения выплат', 'изменений выплат'],
  },
  threshold: {
    en: ['withdrawal alert', 'withdrawal alerts'],
    ru: ['уведомление о выводе', 'уведомления о выводе', 'уведомлений о выводе'],
  },
  license: {
    en: ['license expiring', 'licenses expiring'],
    ru: ['лицензия истекает', 'лицензии истекают', 'лицензий истекает'],
  },
  terms: {
    en: ['terms update', 'terms updates'],
    ru: ['изменение условий', 'изменения условий', 'изменений условий'],
  },
  disqualified: {
    en: ['account notice', 'account notices'],
    ru: ['уведомление', 'уведомления', 'уведомлений'],
  },
};

const PAYOUT_STATUS = {
  en: { processing: 'is being processed', paid: 'was paid', rejected: 'was rejected' },
  ru: { processing: 'обрабатывается', paid: 'выплачена', rejected: 'отклонена' },
} as const;

/** Title and body of one occurrence. */
export function describeOccurrence(
  occurrence: Occurrence,
  language: CoreLanguage,
): { title: string; body: string } {
  const ru = language === 'ru';
  const d = occurrence.detail;
  switch (d.type) {
    case 'commission': {
      const parts = [d.product, d.referral].filter(Boolean).join(' · ');
      return {
        title: `${ru ? 'Новая комиссия' : 'New commission'} ${money(d.amountCents, language, true)}`,
        body: parts,
      };
    }
    case 'reversal': {
      const parts = [d.product, d.referral].filter(Boolean).join(' · ');
      return {
        title: `${ru ? 'Комиссия отменена' : 'Commission reversed'} ${money(d.amountCents, language, true)}`,
        body: parts
          ? `${ru ? 'Возврат' : 'Refund'}: ${parts}`
          : ru
            ? 'Покупка возвращена'
            : 'A purchase was refunded',
      };
    }
    case 'referral':
      return {
        title: ru ? 'Новый реферал' : 'New referral',
        body: ru
          ? `${d.referral} зарегистрировался по вашей ссылке`
          : `${d.referral} registered through your link`,
      };
    case 'payout':
      return {
        title: `${ru ? 'Выплата' : 'Payout'} ${money(d.amountCents, language)} ${PAYOUT_STATUS[language][d.status]}`,
        body: d.reason ?? '',
      };
    case 'threshold':
      return {
        title: ru ? 'Можно вывести средства' : 'You can withdraw now',
        body: ru
          ? `Доступно ${money(d.availableCents, language)}, минимум ${money(d.minPayoutCents, language)}`
          : `${money(d.availableCents, language)} available, minimum ${money(d.minPayoutCents, language)}`,
      };
    case 'license':
      return {
        title: ru ? `Лицензия ${d.productName} скоро истекает` : `${d.productName} license expires soon`,
        body: ru
          ? `До ${d.availableTill.slice(0, 10)}. Баланса хватает на продление (${money(d.renewalCents, language)}).`
          : `Until ${d.availableTill.slice(0, 10)}. Your balance covers a renewal (${money(d.renewalCents, language)}).`,
      };
    case 'renewal-offer': {
      const rest = d.remainderCents > 0;
      return {
        title: ru ? `Продлить ${d.productName} с баланса?` : `Renew ${d.productName} from your balance?`,
        body: ru
          ? `С баланса: ${money(d.creditCents, language)}${rest ? `, доплатить ${money(d.remainderCents, language)}` : ''}. Откройте, чтобы подтвердить.`
          : `${money(d.creditCents, language)} from your balance${rest ? `, ${money(d.remainderCents, language)} left to pay` : ''}. Open to confirm.`,
      };
    }
    case 'renewal-applied': {
      const rest = d.remainderCents > 0;
      return {
        title: ru
          ? `${d.productName}: применено ${money(d.creditCents, language)} с баланса`
          : `${d.productName}: ${money(d.creditCents, language)} applied from your balance`,
        body: rest
          ? ru
            ? `Осталось оплатить ${money(d.remainderCents, language)}: откройте, чтобы перейти к оплате.`
            : `${money(d.remainderCents, language)} left to pay: open to check out.`
          : ru
            ? 'Лицензия продлена.'
            : 'The license is renewed.',
      };
    }
    case 'terms':
      return {
        title: ru ? `Новые условия программы (v${d.version})` : `Program terms changed (v${d.version})`,
        body: d.summary,
      };
    case 'disqualified':
      return {
        title: ru ? 'Участие в программе прекращено' : 'You were disqualified from the program',
        body: d.reason,
      };
    case 'support-reminder': {
      // Words from the one catalog (shared/i18n), plural form by the language's own rules.
      const words = resources[language].supportRequests;
      const form = new Intl.PluralRules(LOCALES[language]).select(d.days);
      const bodies = words.notification as Record<string, string>;
      const body = bodies[`body_${form}`] ?? words.notification.body_other;
      const amount = d.amountCents === null ? words.wholeBalance : money(d.amountCents, language);
      return {
        title: d.requestKind === 'payout' ? words.notification.payoutTitle : words.notification.licenseTitle,
        body: body.replace('{{count}}', String(d.days)).replace('{{amount}}', () => amount),
      };
    }
  }
}

/** "5 new commissions, +$63.00" — one part per kind in a summary. */
export function summaryPart(kind: NotificationKind, items: Occurrence[], language: CoreLanguage): string {
  const sum = items.reduce((total, item) => total + (item.amountCents ?? 0), 0);
  return countedPart(kind, items.length, sum, language);
}

/** "3 new commissions, +$12.30", "1 new referral": a count of one kind, with its net money if it has any. */
export function countedPart(
  kind: NotificationKind,
  count: number,
  amountCents: number,
  language: CoreLanguage,
): string {
  const label = `${count} ${plural(language, count, COUNTED[kind])}`;
  if (kind === 'commission' || kind === 'reversal') return `${label}, ${money(amountCents, language, true)}`;
  return label;
}

/** The title of the one summary told when quiet hours end (its body lists the parts). */
export function quietHoursTitle(language: CoreLanguage): string {
  return language === 'ru' ? 'Пока действовали тихие часы' : 'While quiet hours were on';
}

export function updatesTitle(count: number, language: CoreLanguage): string {
  return `${count} ${plural(language, count, { en: ['update', 'updates'], ru: ['событие', 'события', 'событий'] })}`;
}
