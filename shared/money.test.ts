import { describe, expect, it } from 'vitest';
import { assertCents, centsToDecimalString, formatCents } from './money.ts';

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
