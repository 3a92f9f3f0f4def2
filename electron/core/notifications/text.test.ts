// Notification texts in Russian: every kind of occurrence, the burst and quiet-hours summaries with
// Russian plural forms, and a scan of all of them for any word of the English catalog.
import { describe, expect, it } from 'vitest';
import { type NotificationKind, NotificationSettings } from '../../../shared/live-settings.ts';
import { englishWordsIn } from '../../../test/support/english-words.ts';
import type { Occurrence, OccurrenceDetail } from './occurrences.ts';
import { compose, composeQuietCatchUp } from './policy.ts';
import { countedPart, describeOccurrence, quietHoursTitle, updatesTitle } from './text.ts';

const AT = '2026-11-21T12:00:00.000Z';
const occurrence = (kind: NotificationKind, detail: OccurrenceDetail, amountCents?: number): Occurrence => ({
  key: `${detail.type}:1`,
  kind,
  at: AT,
  ...(amountCents === undefined ? {} : { amountCents }),
  target: { section: 'referral' },
  detail,
});

/** One occurrence of every detail type, with data as the program sends it. */
const EVERY_KIND: Occurrence[] = [
  occurrence(
    'commission',
    {
      type: 'commission',
      amountCents: 1450,
      referralId: 'r1',
      product: 'Quantower Pro',
      referral: 'B*** 1***',
    },
    1450,
  ),
  occurrence('reversal', { type: 'reversal', amountCents: -1450, referralId: 'r1' }, -1450),
  occurrence(
    'reversal',
    {
      type: 'reversal',
      amountCents: -300,
      referralId: 'r1',
      product: 'Quantower Pro',
      referral: 'B*** 1***',
    },
    -300,
  ),
  occurrence('referral', { type: 'referral', referral: 'B*** 1***' }),
  ...(['processing', 'paid', 'rejected'] as const).map((status) =>
    occurrence('payout', { type: 'payout', amountCents: 7550, status, reason: null }, 7550),
  ),
  occurrence('threshold', { type: 'threshold', availableCents: 14335, minPayoutCents: 5000 }),
  occurrence('license', {
    type: 'license',
    productName: 'Quantower Pro',
    availableTill: '2026-12-01T00:00:00.000Z',
    renewalCents: 4900,
  }),
  occurrence('license', {
    type: 'renewal-offer',
    productName: 'Quantower Pro',
    creditCents: 3000,
    remainderCents: 1900,
  }),
  occurrence('license', {
    type: 'renewal-offer',
    productName: 'Quantower Pro',
    creditCents: 4900,
    remainderCents: 0,
  }),
  occurrence('license', {
    type: 'renewal-applied',
    productName: 'Quantower Pro',
    creditCents: 3000,
    remainderCents: 1900,
  }),
  occurrence('license', {
    type: 'renewal-applied',
    productName: 'Quantower Pro',
    creditCents: 4900,
    remainderCents: 0,
  }),
  occurrence('terms', {
    type: 'terms',
    version: 3,
    rateBp: 1250,
    minPayoutCents: 5000,
    minReferrals: 3,
    holdDays: 30,
  }),
  occurrence('terms', {
    type: 'terms',
    version: 4,
    rateBp: 2000,
    minPayoutCents: 2500,
    minReferrals: 0,
    holdDays: 0,
  }),
  occurrence(
    'disqualified',
    { type: 'disqualified', reason: 'Самореферальство', cancelledCents: 1000 },
    -1000,
  ),
];
const KINDS: NotificationKind[] = [
  'commission',
  'referral',
  'reversal',
  'payout',
  'threshold',
  'license',
  'terms',
  'disqualified',
];

describe('notification texts in Russian', () => {
  it('word every kind of occurrence from the Russian catalog', () => {
    // Intl writes no-break spaces before "$" and "%"; compared here as plain spaces.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');
    const texts = EVERY_KIND.map((item) => {
      const { title, body } = describeOccurrence(item, 'ru');
      return { title: plain(title), body: plain(body) };
    });
    expect(texts[0]).toEqual({ title: 'Новая комиссия +14,50 $', body: 'Quantower Pro · B*** 1***' });
    expect(texts[1]).toEqual({ title: 'Комиссия отменена −14,50 $', body: 'Покупка возвращена' });
    expect(texts[5]?.title).toBe('Выплата 75,50 $ выплачена');
    expect(texts[7]?.body).toBe('Доступно 143,35 $, минимум 50,00 $');
    expect(texts[8]?.body).toBe('До 2026-12-01. Баланса хватает на продление (49,00 $).');
    expect(texts[9]?.body).toBe('С баланса: 30,00 $, доплатить 19,00 $. Откройте, чтобы подтвердить.');
    // The terms summary is built from the terms' fields, not the server's English sentence.
    expect(texts[13]).toEqual({
      title: 'Новые условия программы (v3)',
      body: '12,5 % с каждой покупки; вывод от 50,00 $ при 3 рефералах и более; доступно через 30 дней после покупки.',
    });
    expect(texts[14]?.body).toBe('20 % с каждой покупки; вывод от 25,00 $; доступно сразу.');
  });

  it('and the same occurrences in English', () => {
    expect(describeOccurrence(EVERY_KIND[0] as Occurrence, 'en').title).toBe('New commission +$14.50');
    expect(describeOccurrence(EVERY_KIND[13] as Occurrence, 'en').body).toBe(
      '12.5% of each purchase; withdrawals from $50.00 with at least 3 referrals; available 30 days after the purchase.',
    );
  });

  it('count with the Russian plural forms (1, 2–4, 5–20, 21, 22, 111)', () => {
    const forms = [1, 2, 5, 11, 21, 22, 111].map((n) => countedPart('commission', n, 100 * n, 'ru'));
    expect(forms.map((text) => text.replace(/,.*$/u, ''))).toEqual([
      '1 новая комиссия',
      '2 новые комиссии',
      '5 новых комиссий',
      '11 новых комиссий',
      '21 новая комиссия',
      '22 новые комиссии',
      '111 новых комиссий',
    ]);
    expect(countedPart('referral', 3, 0, 'ru')).toBe('3 новых реферала');
    expect([1, 3, 7].map((n) => updatesTitle(n, 'ru'))).toEqual(['1 событие', '3 события', '7 событий']);
    expect(quietHoursTitle('ru')).toBe('Пока действовали тихие часы');
  });

  it('contain no word of the English catalog: every occurrence, every summary part, both summaries', () => {
    const texts = EVERY_KIND.flatMap((item) => Object.values(describeOccurrence(item, 'ru')));
    for (const kind of KINDS) for (const n of [1, 2, 5, 21]) texts.push(countedPart(kind, n, -250 * n, 'ru'));
    const burst = compose(EVERY_KIND, 'ru', 'n1', AT);
    texts.push(burst.title, burst.body);
    const catchUp = composeQuietCatchUp(
      KINDS.map((kind) => ({ kind, count: 2, amountCents: 500, section: 'referral' as const })),
      NotificationSettings.parse({}),
      'ru',
      'q',
      AT,
    );
    texts.push(catchUp?.title ?? '', catchUp?.body ?? '');
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((text) => englishWordsIn(text).length > 0)).toEqual([]);
  });

  it('the scan does find English (the check can fail)', () => {
    const english = EVERY_KIND.flatMap((item) => Object.values(describeOccurrence(item, 'en')));
    expect(english.filter((text) => englishWordsIn(text).length > 0).length).toBeGreaterThan(10);
  });
});
