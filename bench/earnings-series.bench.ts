// The earnings series in the user's time zone (figures printed, not asserted):
// `npx node bench/earnings-series.bench.ts [--purchases N] [--days N]`. Seeds N commissions
// (default 100,000 over 365 days, 1,000 referrals) and times the series per bucket and zone,
// beside the plain UTC grouping in SQL it replaced (the floor: SQLite reading every row once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSandboxDatabase } from '../sandbox/db/database.ts';
import { seedDemoPartner } from '../sandbox/db/seed.ts';
import { earningsSeries } from '../sandbox/program/earnings.ts';
import { seedHistory } from '../sandbox/program/history.ts';

const { values } = parseArgs({
  options: { purchases: { type: 'string', default: '100000' }, days: { type: 'string', default: '365' } },
});
const dir = mkdtempSync(join(tmpdir(), 'series-bench-'));
try {
  const db = openSandboxDatabase(join(dir, 'bench.sqlite'));
  const partnerId = seedDemoPartner(db);
  const ctx = { db, now: () => new Date(), baseUrl: () => 'http://127.0.0.1/', onEvents: () => {} };
  seedHistory(ctx, {
    partnerId,
    referrals: 1_000,
    purchases: Number(values.purchases),
    days: Number(values.days),
  });
  const commissions = db
    .prepare("SELECT COUNT(*) AS n FROM ledger WHERE partner_id = ? AND kind = 'commission'")
    .get(partnerId)?.n;
  console.log(`${commissions} commissions over ${values.days} days`);

  const time = (fn: () => unknown) => {
    for (let i = 0; i < 3; i++) fn();
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return `median ${times[7]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`;
  };
  const occurred = "(CASE l.kind WHEN 'commission' THEN l.purchased_at ELSE l.created_at END)";
  const oldDaySql = db.prepare(
    `SELECT substr(${occurred}, 1, 10) AS start,
       SUM(CASE l.kind WHEN 'commission' THEN l.amount_cents ELSE 0 END) AS earned,
       0 - SUM(CASE l.kind WHEN 'reversal' THEN l.amount_cents ELSE 0 END) AS reversed
     FROM ledger l WHERE l.partner_id = ? AND l.kind IN ('commission', 'reversal') GROUP BY start ORDER BY start`,
  );
  const quarterSql = `SELECT unixepoch(CASE l.kind WHEN 'commission' THEN l.purchased_at ELSE l.created_at END) / 900 AS quarter, SUM(CASE l.kind WHEN 'commission' THEN l.amount_cents ELSE 0 END) AS earned, 0 - SUM(CASE l.kind WHEN 'reversal' THEN l.amount_cents ELSE 0 END) AS reversed FROM ledger l WHERE l.partner_id = ? AND l.kind IN ('commission', 'reversal', 'cancellation', 'payout', 'credit') AND l.kind IN ('commission', 'reversal') GROUP BY quarter ORDER BY quarter`;
  console.log(
    db
      .prepare(`EXPLAIN QUERY PLAN ${quarterSql}`)
      .all(partnerId)
      .map((r) => r.detail)
      .join(' | '),
  );
  const q = db.prepare(quarterSql);
  console.log(`quarters SQL only: ${q.all(partnerId).length} rows, ${time(() => q.all(partnerId))}`);
  console.log(`baseline: UTC days grouped in SQL (before): ${time(() => oldDaySql.all(partnerId))}`);
  for (const tz of ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'])
    for (const bucket of ['day', 'week', 'month'] as const) {
      const points = earningsSeries(ctx, partnerId, { bucket, tz }).points.length;
      console.log(
        `${tz.padEnd(20)} ${bucket.padEnd(5)} ${String(points).padStart(4)} points: ${time(() => earningsSeries(ctx, partnerId, { bucket, tz }))}`,
      );
    }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
