// The catalog (sandbox data modelled on the public one) and each account's licenses. Buying or
// renewing a license type extends its "available till" from the later of now and the current end.
import type { CatalogItem, License, LicenseTerm } from '../../shared/accounts-api.ts';
import type { ProgramContext } from './context.ts';
import { ProgramError } from './errors.ts';
import { statement } from './statements.ts';

const SELECT_ITEMS = `SELECT c.sku, c.product_id AS productId, p.name AS productName, p.kind, c.term,
  c.price_cents AS priceCents FROM catalog_items c JOIN products p ON p.id = c.product_id`;

export function catalog(ctx: ProgramContext): CatalogItem[] {
  return statement(ctx.db, `${SELECT_ITEMS} ORDER BY p.kind DESC, p.rowid, c.price_cents`)
    .all()
    .map((row) => ({ ...row }) as unknown as CatalogItem);
}

export function catalogItem(ctx: ProgramContext, sku: string): CatalogItem {
  const row = statement(ctx.db, `${SELECT_ITEMS} WHERE c.sku = ?`).get(sku);
  if (!row) throw new ProgramError('not-found', 'unknown-sku', `No catalog item ${sku}.`);
  return { ...row } as unknown as CatalogItem;
}

export function licensesOf(ctx: ProgramContext, accountId: string): License[] {
  return statement(
    ctx.db,
    `SELECT l.product_id AS productId, p.name AS productName, p.kind, l.lifetime, l.available_till AS availableTill
     FROM licenses l JOIN products p ON p.id = l.product_id WHERE l.account_id = ? ORDER BY p.rowid`,
  )
    .all(accountId)
    .map((row) => ({
      productId: String(row.productId),
      productName: String(row.productName),
      kind: row.kind as License['kind'],
      lifetime: row.lifetime === 1,
      availableTill: row.lifetime === 1 ? null : (row.availableTill as string),
    }));
}

export function licenseOf(ctx: ProgramContext, accountId: string, productId: string): License | undefined {
  return licensesOf(ctx, accountId).find((l) => l.productId === productId);
}

/** Extends (or grants) the license for item's product by item's term, as of `at`. */
export function extendLicense(
  ctx: ProgramContext,
  accountId: string,
  item: CatalogItem,
  at: string,
): License {
  // One row by key: this is on the hot path of every purchase.
  const current = statement(
    ctx.db,
    'SELECT lifetime, available_till AS availableTill FROM licenses WHERE account_id = ? AND product_id = ?',
  ).get(accountId, item.productId) as { lifetime: number; availableTill: string | null } | undefined;
  if (current?.lifetime === 1) {
    throw new ProgramError(
      'conflict',
      'already-lifetime',
      `${item.productName} is already a lifetime license.`,
    );
  }
  const lifetime = item.term === 'lifetime';
  const from = current?.availableTill && current.availableTill > at ? current.availableTill : at;
  const till = item.term === 'lifetime' ? null : addTerm(new Date(from), item.term).toISOString();
  statement(
    ctx.db,
    `INSERT INTO licenses (account_id, product_id, lifetime, available_till, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id, product_id) DO UPDATE SET lifetime = excluded.lifetime,
       available_till = excluded.available_till, updated_at = excluded.updated_at`,
  ).run(accountId, item.productId, lifetime ? 1 : 0, till, at);
  return {
    productId: item.productId,
    productName: item.productName,
    kind: item.kind,
    lifetime,
    availableTill: till,
  };
}

const MONTHS: Record<Exclude<LicenseTerm, 'lifetime'>, number> = { '1m': 1, '3m': 3, '6m': 6, '1y': 12 };

/** Calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addTerm(from: Date, term: Exclude<LicenseTerm, 'lifetime'>): Date {
  const months = MONTHS[term];
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
