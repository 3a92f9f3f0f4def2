import { describe, expect, it } from 'vitest';
import { assertCents, centsToDecimalString, formatCents, parseAmountToCents } from './money.ts';

describe('money in integer cents', () => {
  it('renders the exact decimal of any amount', () => {
    expect(centsToDecimalString(0)).toBe('0.00');
    expect(centsToDecimalString(5)).toBe('0.05');
    expect(centsToDecimalString(4999)).toBe('49.99');
    expect(centsToDecimalString(-12345)).toBe('-123.45');
    expect(centsToDecimalString(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('refuses anything that is not a whole number of cents', () => {
    expect(assertCents(-42)).toBe(-42);
    expect(assertCents(0)).toBe(0);
    expect(() => assertCents(0.1)).toThrow('Not an amount in whole cents: 0.1');
    expect(() => assertCents(Number.NaN)).toThrow(RangeError);
    expect(() => centsToDecimalString(2 ** 60)).toThrow(RangeError);
  });

  it('formats for the chosen language without float drift', () => {
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(-5)).toBe('-$0.05');
    // 0.1 + 0.2 style drift would show here if floats were involved.
    expect(formatCents(30)).toBe('$0.30');
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
    expect(formatCents(123456, 'ru-RU').replace(/\s/gu, ' ')).toBe('1 234,56 $');
    expect(formatCents(0)).toBe('$0.00');
  });

  it('keeps each language and currency to its own format, whatever was formatted before', () => {
    expect(formatCents(100, 'en-US', 'USD')).toBe('$1.00');
    expect(formatCents(100, 'en-US', 'EUR')).toBe('€1.00');
    expect(formatCents(100, 'de-DE', 'USD').replace(/\s/gu, ' ')).toBe('1,00 $');
    expect(formatCents(100, 'en-US', 'USD')).toBe('$1.00');
  });
});

describe('an amount typed by the user, to cents', () => {
  it('reads whole dollars, one or two decimals with a point or a comma, and spaced thousands', () => {
    expect(parseAmountToCents('75')).toBe(7_500);
    expect(parseAmountToCents('75.5')).toBe(7_550);
    expect(parseAmountToCents('75,50')).toBe(7_550);
    expect(parseAmountToCents(' 1 234.56 ')).toBe(123_456);
    expect(parseAmountToCents('1\u00a0234,05')).toBe(123_405);
    expect(parseAmountToCents('0')).toBe(0);
  });

  it('refuses what is not dollars and cents', () => {
    for (const text of ['', 'abc', '1.234', '12.', '.5', '-5', '1e3', '$5', '1234567890'])
      expect(parseAmountToCents(text), text).toBeNull();
  });
});
