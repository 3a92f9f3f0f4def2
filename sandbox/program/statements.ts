// Prepared statements cached per database: preparing costs more than running for the hot paths
// (recording a purchase, reading a balance).
import type { StatementSync } from 'node:sqlite';
import type { Database } from '../db/database.ts';

const caches = new WeakMap<Database, Map<string, StatementSync>>();

export function statement(db: Database, sql: string): StatementSync {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
