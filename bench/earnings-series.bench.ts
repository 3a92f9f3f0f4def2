// The earnings series in the user's time zone (figures printed, not asserted):
// `npx node bench/earnings-series.bench.ts [--purchases N] [--days N]`. Seeds N commissions
// (default 100,000 over 365 days, 1,000 referrals) and times the series per bucket and zone, each
// in turn with the plain UTC grouping by day in SQL it replaced (the floor: SQLite reading every
// row once). Target: every zone and bucket together ≤ 1.5x that floor (time zones cost at most
// half again what UTC days did).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSandboxDatabase } from '../sandbox/db/database.ts';
import { seedDemoPartner } from '../sandbox/db/seed.ts';
import { earningsSeries } from '../sandbox/program/earnings.ts';
import { seedHistory } from '../sandbox/program/history.ts';
import { finish, part } from './support/limits.ts';
import { type Timing, timeInTurn } from './support/stats.ts';
import { detail, ratioTarget } from './support/targets.ts';

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

  const RUNS = 9;
  const WARMUP = 2;
  const timing = (t: Timing) => `median ${t.median.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`;
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
  const floor = () => oldDaySql.all(partnerId);
  const quarters = timeInTurn(RUNS, WARMUP, { quarters: () => q.all(partnerId), floor });
  detail(
    'UTC days grouped in SQL (before; the floor)',
    `${timing(quarters.floor)}  (measured in turn with each figure below)`,
  );
  detail(
    "quarter hours in SQL (the series' own query)",
    `${(quarters.quarters.median / quarters.floor.median).toFixed(2)}x  (${q.all(partnerId).length} rows, ${timing(quarters.quarters)})`,
  );
  let slowest = { label: '', ratio: 0 };
  // Medians added up over every zone and bucket: one figure, less at the mercy of one noisy run.
  const total = { series: 0, floor: 0 };
  const measured = await part('series per zone and bucket', 300_000, () => {
    for (const tz of ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'])
      for (const bucket of ['day', 'week', 'month'] as const) {
        const points = earningsSeries(ctx, partnerId, { bucket, tz }).points.length;
        const times = timeInTurn(RUNS, WARMUP, {
          series: () => earningsSeries(ctx, partnerId, { bucket, tz }),
          floor,
        });
        const ratio = times.series.median / times.floor.median;
        const label = `${tz} ${bucket}`;
        detail(
          `${tz.padEnd(20)} ${bucket.padEnd(5)} ${String(points).padStart(4)} points`,
          `${ratio.toFixed(2)}x  (${timing(times.series)} vs ${times.floor.median.toFixed(1)} ms)`,
        );
        if (ratio > slowest.ratio) slowest = { label, ratio };
        total.series += times.series.median;
        total.floor += times.floor.median;
      }
  });
  if (measured)
    ratioTarget(
      'Series, every zone and bucket',
      total.series,
      total.floor,
      1.5,
      `(medians added up: ${total.series.toFixed(0)} ms vs ${total.floor.toFixed(0)} ms for UTC days in SQL; the slowest, ${slowest.label}: ${slowest.ratio.toFixed(2)}x)`,
    );
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
finish();
