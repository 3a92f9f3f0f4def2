import { describe, expect, it } from 'vitest';
import { centsToInput, parseAmountToCents } from './amount.ts';

describe('amounts typed by the user', () => {
  it('become exact cents', () => {
    expect(parseAmountToCents('75')).toBe(7_500);
    expect(parseAmountToCents('75.5')).toBe(7_550);
    expect(parseAmountToCents(' 75,05 ')).toBe(7_505);
    expect(parseAmountToCents('1 234.56')).toBe(123_456);
    expect(parseAmountToCents('0.29')).toBe(29);
  });

  it('refuse anything else', () => {
    for (const text of ['', 'abc', '1.234', '-5', '1e3', '12.', '.5', '$10'])
      expect(parseAmountToCents(text), text).toBeNull();
  });

  it('round-trip through the field text', () => {
    expect(centsToInput(14_335)).toBe('143.35');
    expect(centsToInput(5)).toBe('0.05');
    expect(parseAmountToCents(centsToInput(14_335))).toBe(14_335);
  });
});
