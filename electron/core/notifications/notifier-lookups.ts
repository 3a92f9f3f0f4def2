// What the notifier looks up in the accounts API beyond the events: product and referral names for
// commission notices, and the licenses and catalog for "a license expires while the balance could
// renew it" (threshold-and-expiry.ts). Reads go through the accounts client (auth, retries,
// validation). Balance and program come from the earnings module's snapshot (earningsChanged), not
// from here.
import type { Catalog, Licenses } from '../../../shared/accounts-api.ts';
import type { AccountsClient } from '../accounts-client.ts';
import { maskName, type Occurrence } from './occurrences.ts';

export interface NotifierLookups {
  /** Adds product and masked referral names to commission and reversal occurrences (best effort). */
  enrich(occurrences: Occurrence[]): Promise<Occurrence[]>;
  /** The partner's licenses and the catalog, for "expiring while the balance could renew it". */
  licenseInputs(): Promise<{ licenses: Licenses; catalog: Catalog }>;
}

export function createNotifierLookups(accounts: Pick<AccountsClient, 'call'>): NotifierLookups {
  let catalog: Promise<Catalog> | undefined;
  const names = new Map<string, string>();
  const loadCatalog = () => {
    catalog ??= accounts.call('getCatalog').catch((error: unknown) => {
      catalog = undefined;
      throw error;
    });
    return catalog;
  };

  return {
    async enrich(occurrences) {
      const money = occurrences.filter((o) => o.detail.type === 'commission' || o.detail.type === 'reversal');
      if (money.length === 0) return occurrences;
      try {
        const missingNames = money.some((o) => 'referralId' in o.detail && !names.has(o.detail.referralId));
        const [page, items, referrals] = await Promise.all([
          accounts.call('listCommissions', { query: { limit: Math.min(500, money.length + 20) } }),
          loadCatalog(),
          missingNames ? accounts.call('listReferrals', { query: { limit: 100 } }) : undefined,
        ]);
        for (const referral of referrals?.items ?? []) names.set(referral.id, maskName(referral.displayName));
        const skus = new Map(page.items.map((c) => [c.id, c.purchase.sku]));
        const products = new Map(items.items.map((item) => [item.sku, item.productName]));
        return occurrences.map((o) => {
          const d = o.detail;
          if (d.type !== 'commission' && d.type !== 'reversal') return o;
          const commissionId = o.target.itemId ?? '';
          const sku = skus.get(commissionId);
          const product = sku ? (products.get(sku) ?? sku) : undefined;
          const referral = names.get(d.referralId);
          return {
            ...o,
            detail: { ...d, ...(product ? { product } : {}), ...(referral ? { referral } : {}) },
          };
        });
      } catch {
        // Names are a nicety: the notice still goes out, with the amount.
        return occurrences;
      }
    },
    async licenseInputs() {
      const [licenses, items] = await Promise.all([accounts.call('listLicenses'), loadCatalog()]);
      return { licenses, catalog: items };
    },
  };
}
