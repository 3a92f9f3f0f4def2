// Notifications that no event carries, derived from the data: the balance crossing the withdrawal
// thresholds, and a license about to expire while the balance could renew it.
import type { Balance, Catalog, Licenses, ProgramStatus } from '../../../shared/accounts-api.ts';
import type { Occurrence } from './occurrences.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How early a license expiry is worth telling. */
export const LICENSE_NOTICE_DAYS = 7;

/** Told on the move from not eligible to eligible only (not on every start while eligible). */
export function thresholdOccurrence(
  wasEligible: boolean | null,
  program: ProgramStatus,
  balance: Balance,
): Occurrence | undefined {
  const { withdrawal } = program;
  if (!withdrawal.eligible || wasEligible !== false || program.status !== 'active') return undefined;
  return {
    // Lifetime earnings only grow between crossings, so they name this crossing.
    key: `threshold:${balance.earnedCents}:${balance.reversedCents}`,
    kind: 'threshold',
    at: balance.asOf,
    amountCents: withdrawal.availableCents,
    target: { section: 'payouts' },
    detail: {
      type: 'threshold',
      availableCents: withdrawal.availableCents,
      minPayoutCents: withdrawal.minPayoutCents,
    },
  };
}

export function licenseOccurrences(
  licenses: Licenses,
  catalog: Catalog,
  availableCents: number,
  now: number,
): Occurrence[] {
  const found: Occurrence[] = [];
  for (const license of licenses.items) {
    if (license.lifetime || license.availableTill === null) continue;
    const till = Date.parse(license.availableTill);
    if (till <= now || till - now > LICENSE_NOTICE_DAYS * DAY_MS) continue;
    // The cheapest renewal of the same product (terms other than lifetime).
    const prices = catalog.items
      .filter((item) => item.productId === license.productId && item.term !== 'lifetime')
      .map((item) => item.priceCents);
    if (prices.length === 0) continue;
    const renewalCents = Math.min(...prices);
    if (availableCents < renewalCents) continue;
    found.push({
      key: `license:${license.productId}:${license.availableTill}`,
      kind: 'license',
      at: new Date(now).toISOString(),
      target: { section: 'licenses', itemId: license.productId },
      detail: {
        type: 'license',
        productName: license.productName,
        availableTill: license.availableTill,
        renewalCents,
      },
    });
  }
  return found;
}
