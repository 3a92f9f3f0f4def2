import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { destinationProblemCode, payoutDestinationProblem } from './payout-destination.ts';

describe('payout destinations', () => {
  it('accepts what each method takes', () => {
    expect(destinationProblemCode('paypal', 'demo.partner@example.com')).toBeNull();
    expect(destinationProblemCode('usdt-trc20', 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL')).toBeNull();
    expect(destinationProblemCode('wire', 'DE89 3704 0044 0532 0130 00')).toBeNull();
    expect(destinationProblemCode('wire', 'gb82west12345698765432')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(destinationProblemCode('paypal', 'not-an-email')).toBe('email');
    expect(destinationProblemCode('usdt-trc20', 'T0000')).toBe('tron-address');
    // 0, O, I and l are not base58.
    expect(destinationProblemCode('usdt-trc20', 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqe0')).toBe('tron-address');
    expect(destinationProblemCode('wire', 'me@example.com')).toBe('iban-format');
    expect(destinationProblemCode('wire', 'DE88 3704 0044 0532 0130 00')).toBe('iban-check');
    expect(payoutDestinationProblem('wire', 'DE88 3704 0044 0532 0130 00')).toBe(
      'The IBAN check digits are wrong.',
    );
  });

  it('agrees with zod on e-mail addresses', () => {
    for (const text of [
      'a@b.co',
      'a.b+c@d-e.example.org',
      '.a@b.co',
      'a..b@c.co',
      'a@b',
      'a b@c.co',
      'a@-b.co',
    ])
      expect(destinationProblemCode('paypal', text) === null, text).toBe(z.email().safeParse(text).success);
  });
});
