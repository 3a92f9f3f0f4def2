// The terms in one sentence, in the user's language, from the terms' fields (the accounts server's
// own `summary` is an English sentence): the terms panel and core's "terms changed" notice.
import type { TFunction } from 'i18next';
import type { Terms } from '../accounts-api.ts';
import { formatCents } from '../money-format.ts';

export function termsSummary(
  terms: Pick<Terms, 'rateBp' | 'minPayoutCents' | 'minReferrals' | 'holdDays'>,
  t: TFunction<'earnings'>,
  intlLocale: string,
): string {
  // Exact from the integer basis points, as the terms panel shows rates.
  const exact = `${Math.trunc(terms.rateBp / 10_000)}.${String(terms.rateBp % 10_000).padStart(4, '0')}`;
  const rate = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 2 }).format(
    exact as unknown as number,
  );
  const min = formatCents(terms.minPayoutCents, intlLocale);
  const parts = [
    t('terms.summary.rate', { rate }),
    terms.minReferrals > 0
      ? t('terms.summary.minPayoutReferrals', { min, count: terms.minReferrals })
      : t('terms.summary.minPayout', { min }),
    terms.holdDays > 0 ? t('terms.summary.hold', { count: terms.holdDays }) : t('terms.summary.noHold'),
  ];
  return `${parts.join('; ')}.`;
}
