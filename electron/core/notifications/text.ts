// The words of notifications, from the one catalog (shared/i18n/*/notices.ts) through core's
// i18next instance. Core writes them because notifications are drawn by the OS, not the renderer.

import { INTL_LOCALES } from '../../../shared/i18n/locale.ts';
import type { UiLocale } from '../../../shared/i18n/resources.ts';
import { termsSummary } from '../../../shared/i18n/terms-summary.ts';
import type { NotificationKind } from '../../../shared/live-settings.ts';
import { money, wordsIn } from '../i18n.ts';
import type { Occurrence } from './occurrences.ts';

/** The language core words things in: one of the UI's languages. */
export type CoreLanguage = UiLocale;

/** Title and body of one occurrence. */
export function describeOccurrence(
  occurrence: Occurrence,
  language: CoreLanguage,
): { title: string; body: string } {
  const t = wordsIn(language, 'notices');
  const d = occurrence.detail;
  switch (d.type) {
    case 'commission':
      return {
        title: t('commission.title', { amount: money(d.amountCents, language, true) }),
        body: [d.product, d.referral].filter(Boolean).join(' · '),
      };
    case 'reversal': {
      const what = [d.product, d.referral].filter(Boolean).join(' · ');
      return {
        title: t('reversal.title', { amount: money(d.amountCents, language, true) }),
        body: what ? t('reversal.body', { what }) : t('reversal.bodyUnknown'),
      };
    }
    case 'referral':
      return {
        title: t('referral.title'),
        body: t('referral.body', { referral: d.referral }),
      };
    case 'payout':
      return {
        title: t(`payout.${d.status}`, { amount: money(d.amountCents, language) }),
        // The reason is the support team's own words, passed on as written.
        body: d.reason ?? '',
      };
    case 'threshold':
      return {
        title: t('threshold.title'),
        body: t('threshold.body', {
          available: money(d.availableCents, language),
          minimum: money(d.minPayoutCents, language),
        }),
      };
    case 'license':
      return {
        title: t('license.title', { product: d.productName }),
        body: t('license.body', {
          date: d.availableTill.slice(0, 10),
          price: money(d.renewalCents, language),
        }),
      };
    case 'renewal-offer': {
      const credit = money(d.creditCents, language);
      return {
        title: t('renewalOffer.title', { product: d.productName }),
        body:
          d.remainderCents > 0
            ? t('renewalOffer.bodyWithRest', { credit, rest: money(d.remainderCents, language) })
            : t('renewalOffer.body', { credit }),
      };
    }
    case 'renewal-applied':
      return {
        title: t('renewalApplied.title', {
          product: d.productName,
          credit: money(d.creditCents, language),
        }),
        body:
          d.remainderCents > 0
            ? t('renewalApplied.bodyRest', { rest: money(d.remainderCents, language) })
            : t('renewalApplied.bodyDone'),
      };
    case 'terms':
      return {
        title: t('terms.title', { version: d.version }),
        body: termsSummary(d, wordsIn(language, 'earnings'), INTL_LOCALES[language]),
      };
    case 'disqualified':
      return {
        title: t('disqualified.title'),
        // The program's own reason, passed on as written.
        body: d.reason,
      };
    case 'support-reminder': {
      const words = wordsIn(language, 'supportRequests');
      const amount = d.amountCents === null ? words('wholeBalance') : money(d.amountCents, language);
      return {
        title: words(d.requestKind === 'payout' ? 'notification.payoutTitle' : 'notification.licenseTitle'),
        body: words('notification.body', { count: d.days, amount }),
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
  const t = wordsIn(language, 'notices');
  const part = t(`counted.${kind}`, { count });
  if (kind === 'commission' || kind === 'reversal')
    return t('countedWithAmount', { part, amount: money(amountCents, language, true) });
  return part;
}

/** The title of the one summary told when quiet hours end (its body lists the parts). */
export function quietHoursTitle(language: CoreLanguage): string {
  return wordsIn(language, 'notices')('quietHoursTitle');
}

export function updatesTitle(count: number, language: CoreLanguage): string {
  return wordsIn(language, 'notices')('updates', { count });
}
