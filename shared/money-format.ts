// Formatting of integer cents, without zod: the UI imports this (shared/money.ts re-exports it
// beside the Cents schema, which would pull zod into the renderer bundle).

export function assertCents(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not an amount in whole cents: ${value}`);
  return value;
}

/** Exact decimal text of an amount, e.g. -12345 → "-123.45". */
export function centsToDecimalString(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// One formatter per locale and currency: building an Intl.NumberFormat costs far more than using
// one, and long lists format thousands of amounts.
const formatters = new Map<string, Intl.NumberFormat>();

/** "$1,234.50" in en, "1 234,50 $" in ru: localized, but always exactly the cents given. */
export function formatCents(cents: number, locale = 'en-US', currency = 'USD'): string {
  const text = centsToDecimalString(cents);
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  // Building a formatter anew gives the same text, only slower; never building one crashes at once and is caught.
  // Stryker disable next-line ConditionalExpression: equivalent where the cache is skipped.
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    // Stryker disable next-line CallExpression: equivalent — without the cache each call builds its own formatter.
    formatters.set(key, format);
  }
  // Intl formats a decimal string exactly (no binary float in between).
  return format.format(text as unknown as number);
}

/** "75", "75.5", "75,50", "1 234.56" → cents; null when it is not an amount of dollars and cents. */
export function parseAmountToCents(text: string): number | null {
  // Typed amounts become integer cents without ever going through a float.
  // Every space goes (thousands separators too), so no trim is needed.
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/u.exec(compact);
  if (!match) return null;
  const dollars = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return dollars * 100 + cents;
}
