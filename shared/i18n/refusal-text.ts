// A refusal (or blocker) in words, from the catalog: the UI shows it in the user's language; core
// uses the English wording as the failure's log message.
import type { TFunction } from 'i18next';
import type { Refusal } from '../bridge/payouts.ts';
import { formatCents } from '../money-format.ts';

export function refusalText(refusal: Refusal, t: TFunction<'payouts'>, intlLocale: string): string {
  const money = (cents: number) => formatCents(cents, intlLocale);
  switch (refusal.code) {
    case 'disqualified':
      return refusal.reason
        ? t('blockers.disqualified', { reason: refusal.reason })
        : t('blockers.disqualifiedNoReason');
    case 'below-minimum':
      return t('blockers.below-minimum', {
        min: money(refusal.minCents),
        available: money(Math.max(0, refusal.availableCents)),
      });
    case 'not-enough-referrals':
      return t('blockers.not-enough-referrals', { min: refusal.minReferrals, count: refusal.referrals });
    case 'no-balance':
      return t('blockers.no-balance');
    case 'method-not-offered':
      return t('refusals.method-not-offered', { method: refusal.method });
    case 'destination':
      return t(`destinationProblems.${refusal.problem}`);
    case 'above-available':
      return t('refusals.above-available', { available: money(Math.max(0, refusal.availableCents)) });
    case 'amount-below-minimum':
      return t('refusals.amount-below-minimum', { min: money(refusal.minCents) });
    case 'draft-expired':
      return t('refusals.draft-expired');
    case 'unknown-license':
      return t('refusals.unknown-license', { sku: refusal.sku });
    case 'lifetime-license':
      return t('refusals.lifetime-license', { product: refusal.productName });
    case 'above-price':
      return t('refusals.above-price', { price: money(refusal.priceCents) });
  }
}
