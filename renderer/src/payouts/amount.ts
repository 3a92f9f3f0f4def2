// Amounts typed by the user, turned into integer cents without ever going through a float.

/** "75", "75.5", "75,50", "1 234.56" → cents; null when it is not an amount of dollars and cents. */
export function parseAmountToCents(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/gu, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/u.exec(compact);
  if (!match) return null;
  const dollars = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return dollars * 100 + cents;
}

/** Cents as the plain decimal the amount field shows, e.g. 14335 → "143.35". */
export function centsToInput(cents: number): string {
  const abs = Math.max(0, cents);
  return `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
