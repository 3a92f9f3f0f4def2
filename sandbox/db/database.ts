// Opens the sandbox database (node:sqlite, built into Node 24 and Electron: nothing native to
// rebuild) and brings its schema up to date.
import { DatabaseSync } from 'node:sqlite';
import { migrations as allMigrations, type Migration } from './migrations.ts';

export type Database = DatabaseSync;

export function openSandboxDatabase(
  path = ':memory:',
  migrations: readonly Migration[] = allMigrations,
): Database {
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA foreign_keys = ON');
    // Another process (a second sandbox, an inspector) may hold the file briefly.
    db.exec('PRAGMA busy_timeout = 5000');
    if (path !== ':memory:' && path !== '') {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = NORMAL');
    }
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies, in order and each in its own transaction, the migrations not yet recorded. */
export function applyMigrations(db: Database, migrations: readonly Migration[]): number[] {
  checkOrder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => Number(row.version)),
  );
  const newest = Math.max(0, ...applied);
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    // A database written by a newer sandbox: refusing is safer than guessing.
    throw new Error(`The sandbox database has migrations this version does not know: ${unknown.join(', ')}.`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    if (migration.version < newest) {
      throw new Error(
        `Migration ${migration.version} is older than the applied ${newest}; append, never insert.`,
      );
    }
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(
        `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    done.push(migration.version);
  }
  return done;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isSafeInteger(m.version) || m.version < 1)
      throw new Error(`Bad migration version ${m.version}.`);
    const previous = migrations[i - 1];
    if (previous && previous.version >= m.version) {
      throw new Error(`Migrations must be in strictly increasing order (${previous.version}, ${m.version}).`);
    }
  });
}

/** Runs fn in one write transaction (BEGIN IMMEDIATE: takes the write lock up front). */
export function transaction<T>(db: Database, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
