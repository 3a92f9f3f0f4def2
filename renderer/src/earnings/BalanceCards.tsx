// The balance, bucket by bucket, exactly as the ledger sums them (see Balance in accounts-api.ts).
import { useTranslation } from 'react-i18next';
import type { Balance } from '../../../shared/accounts-api.ts';
import { useIntlLocale } from '../i18n/use-intl-locale.ts';
import { money } from './format.ts';

export function BalanceCards({ balance }: { balance: Balance }) {
  const { t } = useTranslation('earnings');
  const locale = useIntlLocale();
  const cards: Array<{ id: string; label: string; cents: number; hint?: string; main?: boolean }> = [
    { id: 'available', label: t('cards.available'), cents: balance.availableCents, main: true },
    ...(balance.pendingCents !== 0
      ? [
          {
            id: 'pending',
            label: t('cards.pending'),
            cents: balance.pendingCents,
            hint: t('cards.pendingHint'),
          },
        ]
      : []),
    ...(balance.reservedCents !== 0
      ? [{ id: 'reserved', label: t('cards.reserved'), cents: balance.reservedCents }]
      : []),
    { id: 'paid-out', label: t('cards.paidOut'), cents: balance.paidOutCents },
    { id: 'credited', label: t('cards.credited'), cents: balance.creditedCents },
    { id: 'cancelled', label: t('cards.cancelled'), cents: balance.cancelledCents },
    {
      id: 'total',
      label: t('cards.earned'),
      cents: balance.earnedCents - balance.reversedCents,
      hint: t('cards.earnedHint'),
    },
  ];
  return (
    <section aria-label={t('cards.label')}>
      <dl className="balance-cards">
        {cards.map((card) => (
          <div key={card.id} className={card.main ? 'balance-card main' : 'balance-card'} title={card.hint}>
            <dt>{card.label}</dt>
            <dd data-testid={`earnings-${card.id}`} data-cents={card.cents}>
              {money(card.cents, locale)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
