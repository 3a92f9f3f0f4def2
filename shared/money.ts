// Money is integer cents (USD) end to end. Floats never carry an amount; they only
// appear at the very edge, inside Intl formatting, fed from an exact decimal string.
import { z } from 'zod';

export const Cents = z.number().int().safe().describe('An amount in integer cents (USD).');
export type Cents = z.infer<typeof Cents>;

export function assertCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not an amount in whole cents: ${value}`);
  return value;
}

/** Exact decimal text of an amount, e.g. -12345 → "-123.45". */
export function centsToDecimalString(cents: Cents): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "$1,234.50" in en, "1 234,50 $" in ru: localized, but always exactly the cents given. */
export function formatCents(cents: Cents, locale = 'en-US', currency = 'USD'): string {
  const text = centsToDecimalString(cents);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // Intl formats a decimal string exactly (no binary float in between).
  return format.format(text as unknown as number);
}
