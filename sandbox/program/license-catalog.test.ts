import { describe, expect, it } from 'vitest';
import { LicenseTerm } from '../../shared/accounts-api.ts';
import { LICENSE_TERMS, PUBLIC_LICENSE_PRODUCTS } from '../../shared/license-catalog.ts';
import { catalog } from './licenses.ts';
import { createProgramTestBed } from './program-test-bed.ts';

describe('the public license catalog in shared/', () => {
  it('names the same products and terms as the sandbox catalog', () => {
    const world = createProgramTestBed();
    try {
      const items = catalog(world.ctx);
      const products = [
        ...new Map(
          items.map((i) => [i.productId, { id: i.productId, name: i.productName, kind: i.kind }]),
        ).values(),
      ];
      expect([...PUBLIC_LICENSE_PRODUCTS].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        products.sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect([...LICENSE_TERMS].sort()).toEqual([...new Set(items.map((i) => i.term))].sort());
      expect([...LICENSE_TERMS]).toEqual(LicenseTerm.options);
    } finally {
      world.close();
    }
  });
});
