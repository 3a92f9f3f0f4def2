// Core refuses payout and credit requests with a code and its data; the words come from the
// catalog. Every refusal code, in Russian, reads without a word of the English catalog.
import { describe, expect, it } from 'vitest';
import type { Refusal } from '../../../shared/bridge/payouts.ts';
import { BridgeError } from '../../../shared/bridge.ts';
import { INTL_LOCALES } from '../../../shared/i18n/locale.ts';
import { refusalText } from '../../../shared/i18n/refusal-text.ts';
import { englishWordsIn } from '../../../test/support/english-words.ts';
import { wordsIn } from '../i18n.ts';
import { refuse } from './drafts.ts';

// One of each code: the Record makes a code added to the contract a compile error here.
const EVERY_REFUSAL: Record<Refusal['code'], Refusal> = {
  disqualified: { code: 'disqualified', reason: null },
  'below-minimum': { code: 'below-minimum', minCents: 5000, availableCents: 1250 },
  'not-enough-referrals': { code: 'not-enough-referrals', minReferrals: 3, referrals: 1 },
  'no-balance': { code: 'no-balance', availableCents: 0 },
  'method-not-offered': { code: 'method-not-offered', method: 'wire' },
  destination: { code: 'destination', problem: 'iban-check' },
  'above-available': { code: 'above-available', availableCents: 14335 },
  'amount-below-minimum': { code: 'amount-below-minimum', minCents: 5000 },
  'draft-expired': { code: 'draft-expired' },
  'unknown-license': { code: 'unknown-license', sku: 'crypto-3m' },
  'lifetime-license': { code: 'lifetime-license', productName: 'Quantower Crypto' },
  'above-price': { code: 'above-price', priceCents: 4900 },
};
const ru = (refusal: Refusal) => refusalText(refusal, wordsIn('ru', 'payouts'), INTL_LOCALES.ru);

describe('refusals', () => {
  it('travel as a code and data, with the English wording as the log message', () => {
    const thrown = (() => {
      try {
        refuse({ code: 'above-available', availableCents: 14335 });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(BridgeError);
    expect(thrown).toMatchObject({
      code: 'rejected',
      retryable: false,
      refusal: { code: 'above-available', availableCents: 14335 },
      message: 'Only $143.35 are available.',
    });
  });

  it('read in Russian for every code, without a word of the English catalog', () => {
    // The refusals' data (a method id, a SKU) are identifiers, not the catalog's English words.
    const data = (text: string) => text.replace(/\bwire\b|\bcrypto-3m\b/gu, ' ');
    const texts = Object.values(EVERY_REFUSAL).map(ru).map(data);
    expect(texts.filter((text) => englishWordsIn(text).length > 0)).toEqual([]);
    expect(ru(EVERY_REFUSAL['above-available']).replace(/\u00a0/gu, ' ')).toBe('Доступно только 143,35 $.');
    expect(ru(EVERY_REFUSAL.destination)).toBe('В IBAN опечатка: контрольные цифры не совпадают.');
  });
});
