import { describe, expect, it } from 'vitest';
import type { CatalogItem, License } from '../../../shared/accounts-api.ts';
import { LicenseAutoApply } from '../../../shared/settings.ts';
import { type AutoApplyInput, daysLeft, decideAutoApply } from './auto-apply.ts';

const now = new Date('2026-11-21T12:00:00.000Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

const crypto: License = {
  productId: 'crypto',
  productName: 'Crypto',
  kind: 'platform',
  lifetime: false,
  availableTill: inDays(5),
};
const tpo: License = {
  productId: 'tpo',
  productName: 'TPO',
  kind: 'addon',
  lifetime: false,
  availableTill: inDays(3),
};
const catalog: CatalogItem[] = [
  {
    sku: 'crypto-1m',
    productId: 'crypto',
    productName: 'Crypto',
    kind: 'platform',
    term: '1m',
    priceCents: 5_000,
  },
  {
    sku: 'crypto-1y',
    productId: 'crypto',
    productName: 'Crypto',
    kind: 'platform',
    term: '1y',
    priceCents: 45_000,
  },
  { sku: 'tpo-1m', productId: 'tpo', productName: 'TPO', kind: 'addon', term: '1m', priceCents: 2_000 },
];

function input(
  overrides: Omit<Partial<AutoApplyInput>, 'settings'> & { settings?: Partial<LicenseAutoApply> } = {},
): AutoApplyInput {
  const { settings, ...rest } = overrides;
  return {
    now,
    settings: LicenseAutoApply.parse({ renewals: [{ productId: 'crypto', sku: 'crypto-1m' }], ...settings }),
    licenses: [crypto, tpo],
    catalog,
    availableCents: 10_000,
    allowed: true,
    busyProducts: new Set(),
    ...rest,
  };
}

describe('auto-apply decisions', () => {
  it('renews an opted-in license within N days when the balance covers it', () => {
    expect(decideAutoApply(input())).toEqual([
      {
        occasion: `crypto@${crypto.availableTill}`,
        productId: 'crypto',
        productName: 'Crypto',
        sku: 'crypto-1m',
        term: '1m',
        priceCents: 5_000,
        creditCents: 5_000,
        remainderCents: 0,
        availableTill: crypto.availableTill,
      },
    ]);
  });

  it('waits until the license is within the set number of days of expiry (clock injected)', () => {
    expect(decideAutoApply(input({ settings: { withinDays: 4 } }))).toEqual([]);
    expect(
      decideAutoApply(input({ settings: { withinDays: 4 }, now: new Date(now.getTime() + 86_400_000) })),
    ).toHaveLength(1);
    // An expired license is still renewed.
    expect(decideAutoApply(input({ now: new Date(now.getTime() + 30 * 86_400_000) }))).toHaveLength(1);
  });

  it('counts days left rounded up', () => {
    expect(daysLeft(inDays(0.1), now)).toBe(1);
    expect(daysLeft(inDays(5), now)).toBe(5);
    expect(daysLeft(inDays(-1.5), now)).toBe(-1);
  });

  it('uses part of the balance only when the user allowed partial credits', () => {
    const yearly = { renewals: [{ productId: 'crypto', sku: 'crypto-1y' }] };
    expect(decideAutoApply(input({ settings: yearly }))).toEqual([]);
    expect(decideAutoApply(input({ settings: { ...yearly, allowPartial: true } }))).toMatchObject([
      { sku: 'crypto-1y', creditCents: 10_000, remainderCents: 35_000 },
    ]);
  });

  it('never spends more than the balance across several licenses', () => {
    const both = {
      renewals: [
        { productId: 'crypto', sku: 'crypto-1m' },
        { productId: 'tpo', sku: 'tpo-1m' },
      ],
    };
    expect(decideAutoApply(input({ settings: both, availableCents: 6_000 })).map((d) => d.sku)).toEqual([
      'crypto-1m',
    ]);
    expect(
      decideAutoApply(input({ settings: { ...both, allowPartial: true }, availableCents: 6_000 })).map(
        (d) => [d.sku, d.creditCents],
      ),
    ).toEqual([
      ['crypto-1m', 5_000],
      ['tpo-1m', 1_000],
    ]);
  });

  it('does nothing when not allowed, without balance, for busy, lifetime, unknown or unowned products', () => {
    expect(decideAutoApply(input({ allowed: false }))).toEqual([]);
    expect(decideAutoApply(input({ availableCents: 0 }))).toEqual([]);
    expect(decideAutoApply(input({ availableCents: -500, settings: { allowPartial: true } }))).toEqual([]);
    expect(decideAutoApply(input({ busyProducts: new Set(['crypto']) }))).toEqual([]);
    expect(
      decideAutoApply(input({ licenses: [{ ...crypto, lifetime: true, availableTill: null }] })),
    ).toEqual([]);
    expect(
      decideAutoApply(input({ settings: { renewals: [{ productId: 'crypto', sku: 'tpo-1m' }] } })),
    ).toEqual([]);
    expect(decideAutoApply(input({ licenses: [tpo] }))).toEqual([]);
  });

  it('spends nothing from a balance of 0, even when partial credits are allowed', () => {
    expect(decideAutoApply(input({ availableCents: 0, settings: { allowPartial: true } }))).toEqual([]);
    // One cent is a partial credit.
    expect(decideAutoApply(input({ availableCents: 1, settings: { allowPartial: true } }))).toMatchObject([
      { creditCents: 1, remainderCents: 4_999 },
    ]);
  });

  it('offers nothing for a license without an end date that is not lifetime', () => {
    expect(decideAutoApply(input({ licenses: [{ ...crypto, availableTill: null }] }))).toEqual([]);
  });

  it('makes a new occasion when the license was renewed', () => {
    const [before] = decideAutoApply(input());
    const [after] = decideAutoApply(input({ licenses: [{ ...crypto, availableTill: inDays(6) }] }));
    expect(before?.occasion).not.toBe(after?.occasion);
  });
});
