// Amounts typed by the user, turned into integer cents without ever going through a float.

// The parser lives in shared/ (the support-request form and its tests use it too).
export { parseAmountToCents } from '../../../shared/money-format.ts';

/** Cents as the plain decimal the amount field shows, e.g. 14335 → "143.35". */
export function centsToInput(cents: number): string {
  const abs = Math.max(0, cents);
  return `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
