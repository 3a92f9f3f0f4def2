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

  it('takes IBANs from the shortest (Norway, 15 characters) to long ones (Saint Lucia, 32), none over 34', () => {
    expect(destinationProblemCode('wire', 'NO93 8601 1117 947')).toBeNull();
    expect(destinationProblemCode('wire', 'NO93 8601 1117 94')).toBe('iban-format');
    expect(destinationProblemCode('wire', 'LC55 HEMM 0001 0001 0012 0012 0002 3015')).toBeNull();
    // 35 characters: too long, whatever the check digits.
    expect(destinationProblemCode('wire', `GB82WEST1234569876543${'0'.repeat(14)}`)).toBe('iban-format');
    // Only spaces are layout: other characters make it no IBAN.
    expect(destinationProblemCode('wire', 'DE89-3704-0044-0532-0130-00')).toBe('iban-format');
    expect(destinationProblemCode('wire', '1E89 3704 0044 0532 0130 00')).toBe('iban-format');
    expect(destinationProblemCode('wire', 'DEX9 3704 0044 0532 0130 00')).toBe('iban-format');
    expect(destinationProblemCode('wire', 'xDE89 3704 0044 0532 0130 00')).toBe('iban-format');
    expect(destinationProblemCode('wire', 'DE89 3704 0044 0532 0130 00!')).toBe('iban-format');
  });

  it('takes a TRON address of exactly 34 characters starting with T', () => {
    const address = 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL';
    expect(destinationProblemCode('usdt-trc20', `${address}L`)).toBe('tron-address');
    expect(destinationProblemCode('usdt-trc20', address.slice(0, 33))).toBe('tron-address');
    expect(destinationProblemCode('usdt-trc20', `A${address.slice(1)}`)).toBe('tron-address');
    expect(destinationProblemCode('usdt-trc20', ` ${address}`)).toBe('tron-address');
  });

  it('explains each problem in words', () => {
    expect(payoutDestinationProblem('paypal', 'me@example.com')).toBeNull();
    expect(payoutDestinationProblem('paypal', 'me')).toBe('A PayPal destination is an e-mail address.');
    expect(payoutDestinationProblem('usdt-trc20', 'T1')).toMatch(
      /^A USDT \(TRC-20\) destination is a TRON address/u,
    );
    expect(payoutDestinationProblem('wire', 'me')).toBe('A wire destination is an IBAN.');
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
