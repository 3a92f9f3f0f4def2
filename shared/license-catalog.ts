// The public license catalog (PRODUCT.md: Crypto, Multi-Asset, All-in-One and the add-ons; terms of
// 1, 3, 6 months, 1 year, lifetime), for asking support to apply the balance to a license when no
// accounts API answers a catalog. Ids and names are those of the sandbox's catalog
// (sandbox/db/migrations.ts, checked by sandbox/program/license-catalog.test.ts); no prices: they
// are not public, so support quotes them. Zod-free so the renderer can use it.

export const LICENSE_TERMS = ['1m', '3m', '6m', '1y', 'lifetime'] as const;
export type PublicLicenseTerm = (typeof LICENSE_TERMS)[number];

export interface PublicLicenseProduct {
  id: string;
  name: string;
  kind: 'platform' | 'addon';
}

export const PUBLIC_LICENSE_PRODUCTS = Object.freeze([
  { id: 'crypto', name: 'Crypto', kind: 'platform' },
  { id: 'multi-asset', name: 'Multi-Asset', kind: 'platform' },
  { id: 'all-in-one', name: 'All-in-One', kind: 'platform' },
  { id: 'tpo', name: 'TPO add-on', kind: 'addon' },
  { id: 'dom-surface', name: 'DOM Surface add-on', kind: 'addon' },
  { id: 'power-trades', name: 'Power Trades add-on', kind: 'addon' },
  { id: 'option-analytics', name: 'Option Analytics add-on', kind: 'addon' },
] as const) satisfies readonly PublicLicenseProduct[];
export type LicenseProductId = (typeof PUBLIC_LICENSE_PRODUCTS)[number]['id'];

export function publicLicenseProduct(
  id: string,
): (PublicLicenseProduct & { id: LicenseProductId }) | undefined {
  return PUBLIC_LICENSE_PRODUCTS.find((product) => product.id === id);
}

export function isLicenseProductId(id: string): id is LicenseProductId {
  return publicLicenseProduct(id) !== undefined;
}

export function isLicenseTerm(term: string): term is PublicLicenseTerm {
  return (LICENSE_TERMS as readonly string[]).includes(term);
}
