// Auto-apply: "use my balance for the next renewal of <license>". A pure decision over the
// licenses, the catalog, the balance and the user's settings at a given time (the clock is
// injected), so every rule is unit-tested without a server.
import type { CatalogItem, License } from '../../../shared/accounts-api.ts';
import type { CreditOffer } from '../../../shared/bridge/payouts.ts';
import type { LicenseAutoApply } from '../../../shared/settings.ts';

const DAY_MS = 86_400_000;

/** Whole days from `now` to `till`, rounded up (a license ending in 2 h has 1 day left). */
export function daysLeft(till: string, now: Date): number {
  return Math.ceil((Date.parse(till) - now.getTime()) / DAY_MS);
}

/** Identifies one renewal occasion: a renewal moves "available till", which makes a new occasion. */
export function occasionId(productId: string, availableTill: string): string {
  return `${productId}@${availableTill}`;
}

export interface AutoApplyInput {
  now: Date;
  settings: LicenseAutoApply;
  licenses: readonly License[];
  catalog: readonly CatalogItem[];
  availableCents: number;
  /** False when the balance may not be used at all (e.g. disqualified). */
  allowed: boolean;
  /** Products with a credit still open (awaiting payment, or unacknowledged in the outbox). */
  busyProducts: ReadonlySet<string>;
}

export interface AutoApplyDecision extends CreditOffer {
  occasion: string;
}

/**
 * The renewals to offer or apply now, in the order the user opted in. Each uses the balance left
 * by the ones before it, so together they never spend more than is available.
 */
export function decideAutoApply(input: AutoApplyInput): AutoApplyDecision[] {
  if (!input.allowed) return [];
  let available = input.availableCents;
  const decisions: AutoApplyDecision[] = [];
  for (const rule of input.settings.renewals) {
    const license = input.licenses.find((l) => l.productId === rule.productId);
    if (!license || license.lifetime || license.availableTill === null) continue;
    if (daysLeft(license.availableTill, input.now) > input.settings.withinDays) continue;
    if (input.busyProducts.has(rule.productId)) continue;
    const item = input.catalog.find((i) => i.sku === rule.sku && i.productId === rule.productId);
    if (!item) continue;
    // A price of 0 would make a credit of 0, skipped just below (skipping every price is caught by the offer tests).
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent where a price of 0 is let through.
    if (item.priceCents <= 0) continue;
    const creditCents = Math.min(available, item.priceCents);
    if (creditCents <= 0) continue;
    if (creditCents < item.priceCents && !input.settings.allowPartial) continue;
    available -= creditCents;
    decisions.push({
      occasion: occasionId(license.productId, license.availableTill),
      productId: license.productId,
      productName: license.productName,
      sku: item.sku,
      term: item.term,
      priceCents: item.priceCents,
      creditCents,
      remainderCents: item.priceCents - creditCents,
      availableTill: license.availableTill,
    });
  }
  return decisions;
}
