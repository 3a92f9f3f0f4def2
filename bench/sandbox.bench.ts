// Sandbox benchmarks (figures printed, not asserted): `npx node bench/sandbox.bench.ts`.
//  1. purchases recorded with their commission per second, one transaction each (target ≥ 10,000/s);
//  2. balance and first page of commissions for a partner with 1,000,000 ledger rows (target ≤ 5 ms).
// Options: --rows N (default 1,000,000), --purchases N (default 20,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSandboxDatabase } from '../sandbox/db/database.ts';
import { seedDemoPartner } from '../sandbox/db/seed.ts';
import type { ProgramContext } from '../sandbox/program/context.ts';
import { seedHistory } from '../sandbox/program/history.ts';
import { balanceOf, listCommissions } from '../sandbox/program/ledger.ts';
import { recordPurchase } from '../sandbox/program/purchases.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, purchases: { type: 'string', default: '20000' } },
});
const ROWS = Number(values.rows);
const PURCHASES = Number(values.purchases);

function world(path: string): { ctx: ProgramContext; partnerId: string } {
  const db = openSandboxDatabase(path);
  const partnerId = seedDemoPartner(db);
  return {
    ctx: { db, now: () => new Date(), baseUrl: () => 'http://127.0.0.1/', onEvents: () => {} },
    partnerId,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function timeIt(runs: number, fn: () => void): { median: number; p95: number; max: number } {
  for (let i = 0; i < 5; i++) fn(); // warm the statement cache and the page cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? Number.NaN };
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

function benchPurchases(label: string, path: string): void {
  const { ctx, partnerId } = world(path);
  seedHistory(ctx, { partnerId, referrals: 1_000, purchases: 0 });
  const buyers = ctx.db
    .prepare('SELECT id FROM accounts WHERE referred_by = ?')
    .all(partnerId)
    .map((r) => String(r.id));
  const skus = ['crypto-1m', 'multi-asset-3m', 'all-in-one-1y', 'tpo-1m'];
  const start = performance.now();
  for (let i = 0; i < PURCHASES; i++) {
    recordPurchase(ctx, {
      buyerId: buyers[i % buyers.length] as string,
      sku: skus[i % skus.length] as string,
      discountCents: i % 500,
    });
  }
  const seconds = (performance.now() - start) / 1000;
  const rows = Number(ctx.db.prepare("SELECT count(*) AS n FROM ledger WHERE kind = 'commission'").get()?.n);
  if (rows !== PURCHASES) throw new Error(`expected ${PURCHASES} commissions, found ${rows}`);
  console.log(
    `purchases with commission (${label}, one transaction each): ${Math.round(PURCHASES / seconds).toLocaleString('en-US')}/s` +
      `  [${PURCHASES.toLocaleString('en-US')} in ${seconds.toFixed(2)} s; target ≥ 10,000/s]`,
  );
  ctx.db.close();
}

function benchLargeLedger(path: string): void {
  const { ctx, partnerId } = world(path);
  const start = performance.now();
  seedHistory(ctx, { partnerId, referrals: 10_000, purchases: ROWS });
  const rows = Number(
    ctx.db.prepare('SELECT count(*) AS n FROM ledger WHERE partner_id = ?').get(partnerId)?.n,
  );
  console.log(
    `seeded ${rows.toLocaleString('en-US')} ledger rows for one partner in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  const balance = timeIt(200, () => balanceOf(ctx, partnerId));
  console.log(
    `balance at ${rows.toLocaleString('en-US')} rows: median ${ms(balance.median)}, p95 ${ms(balance.p95)}, max ${ms(balance.max)}  [target ≤ 5 ms]`,
  );
  const page = timeIt(200, () => listCommissions(ctx, partnerId, { limit: 50 }));
  console.log(
    `first page of 50 commissions: median ${ms(page.median)}, p95 ${ms(page.p95)}, max ${ms(page.max)}  [target ≤ 5 ms]`,
  );
  const first = listCommissions(ctx, partnerId, { limit: 50 });
  const deep = timeIt(200, () =>
    listCommissions(ctx, partnerId, { limit: 50, cursor: first.nextCursor as string }),
  );
  console.log(`next page by cursor: median ${ms(deep.median)}, p95 ${ms(deep.p95)}`);
  ctx.db.close();
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
try {
  console.log(`# sandbox benchmarks (node ${process.version}, node:sqlite)`);
  benchPurchases('in memory', ':memory:');
  benchPurchases('file, WAL', join(dir, 'purchases.sqlite'));
  benchLargeLedger(join(dir, 'ledger.sqlite'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
