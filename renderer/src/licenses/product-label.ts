// A license's name for people: "Crypto, 3 months", never the SKU ("crypto-3m"). The catalog items
// the companion already has (each license's renewal options) name the product and its term; a
// SKU not among them is named from the product name the caller knows and the term the SKU ends
// with (the catalog's SKUs are "<product>-<term>"), and only a SKU that fits neither is shown as is.
import { useTranslation } from 'react-i18next';
import type { CatalogItem, LicenseTerm } from '../../../shared/accounts-api.ts';

// The schema's terms, listed here because the UI bundle does not import zod schemas.
const TERMS = ['1m', '3m', '6m', '1y', 'lifetime'] as const satisfies readonly LicenseTerm[];

/** The term a catalog SKU ends with ("crypto-3m" → "3m"), or null. */
export function termOfSku(sku: string): LicenseTerm | null {
  return TERMS.find((term) => sku.endsWith(`-${term}`)) ?? null;
}

/** (sku, productName?) → "Crypto, 3 months" in the UI language. */
export function useProductLabel(
  catalog: readonly CatalogItem[] = [],
): (sku: string, productName?: string | null) => string {
  const { t } = useTranslation('licenses');
  return (sku, productName) => {
    const item = catalog.find((candidate) => candidate.sku === sku);
    const product = item?.productName ?? productName ?? null;
    const term = item?.term ?? termOfSku(sku);
    if (!product) return sku;
    return term ? t('productTerm', { product, term: t(`terms.${term}`) }) : product;
  };
}
