import { describe, expect, it } from 'vitest';
import { commissionCents, reversedTotalCents } from './rounding.ts';

describe('commission rounding: nearest cent, halves up', () => {
  it.each([
    // [paid cents, rate bp, expected cents]
    [1, 1500, 0], // 0.15 ¢
    [1, 2000, 0], // 0.2 ¢
    [4_999, 1500, 750], // 749.85 ¢
    [4_999, 2000, 1000], // 999.8 ¢
    [10, 1500, 2], // 1.5 ¢: the half goes up
    [30, 1500, 5], // 4.5 ¢
    [3, 1500, 0], // 0.45 ¢
    [3, 2000, 1], // 0.6 ¢
    [13, 1500, 2], // 1.95 ¢
    [5_000, 1500, 750], // exact
    [0, 1500, 0],
    [5_000, 0, 0], // a rate of 0 bp earns nothing, and is a valid rate
    [5_000, 1, 1], // 0.5 ¢: the half goes up
    [4_999, 1, 0], // 0.4999 ¢
    [5_001, 1, 1], // 0.5001 ¢
    [5_000, 10_000, 5_000], // 100 %
    [100_000_000_00, 10_000, 100_000_000_00],
  ])('%i ¢ at %i bp → %i ¢', (paid, rate, expected) => {
    expect(commissionCents(paid, rate)).toBe(expected);
  });

  it('rejects fractional or negative inputs', () => {
    expect(() => commissionCents(1.5, 1500)).toThrow(RangeError);
    // The error names the value that was wrong.
    expect(() => commissionCents(-1, 1500)).toThrow('Bad paid amount -1');
    expect(() => commissionCents(100, 10_001)).toThrow('Bad rate 10001');
    expect(() => commissionCents(100, 1500.5)).toThrow(RangeError);
    expect(() => commissionCents(100, 10_001)).toThrow(RangeError);
    expect(() => commissionCents(100, -1)).toThrow(RangeError);
    expect(() => commissionCents(2 ** 53, 1500)).toThrow(RangeError);
    expect(() => commissionCents(Number.NaN, 1500)).toThrow(RangeError);
  });
});

describe('reversal of a commission by refunds', () => {
  it('a full refund reverses exactly the commission', () => {
    expect(reversedTotalCents(750, 4_999, 4_999)).toBe(750);
  });

  it('partial refunds add up to the whole commission without drift', () => {
    const paid = 4_999;
    const commission = commissionCents(paid, 1500);
    let refunded = 0;
    let reversed = 0;
    for (const part of [1, 333, 1_000, 7, 3_658]) {
      refunded += part;
      const total = reversedTotalCents(commission, paid, refunded);
      expect(total).toBeGreaterThanOrEqual(reversed);
      reversed = total;
    }
    expect(refunded).toBe(paid);
    expect(reversed).toBe(commission);
  });

  it('refuses a refund above the paid amount, or below zero', () => {
    expect(() => reversedTotalCents(750, 4_999, 5_000)).toThrow(RangeError);
    expect(() => reversedTotalCents(750, 4_999, -1)).toThrow('Refund outside the paid amount.');
  });

  it('a refund of 0 reverses nothing; a purchase paid 0 has nothing to reverse', () => {
    expect(reversedTotalCents(750, 4_999, 0)).toBe(0);
    expect(reversedTotalCents(0, 0, 0)).toBe(0);
    expect(reversedTotalCents(0, 5_000, 5_000)).toBe(0);
  });

  it('rounds each reversed total to the nearest cent, halves up', () => {
    expect(reversedTotalCents(1, 2, 1)).toBe(1); // 0.5 ¢
    expect(reversedTotalCents(3, 4, 1)).toBe(1); // 0.75 ¢
    expect(reversedTotalCents(1, 3, 1)).toBe(0); // 0.33 ¢
    expect(reversedTotalCents(750, 4_999, 1_000)).toBe(150); // 150.03 ¢
    expect(reversedTotalCents(750, 5_000, 2_500)).toBe(375); // exactly half
  });
});
