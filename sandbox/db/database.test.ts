import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, openSandboxDatabase } from './database.ts';
import { migrations } from './migrations.ts';
import { DEMO_PARTNER, seedDemoPartner } from './seed.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
  dirs.push(dir);
  return join(dir, 'sandbox.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('apply once, in order, and a reopen applies nothing', () => {
    const path = tempFile();
    const db = openSandboxDatabase(path);
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();

    const reopened = openSandboxDatabase(path);
    expect(applyMigrations(reopened, migrations)).toEqual([]);
    expect(reopened.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: migrations.length,
    });
    reopened.close();
  });

  it('applies only the new migrations on an older database', () => {
    const path = tempFile();
    const first = migrations[0];
    if (!first) throw new Error('no migrations');
    openSandboxDatabase(path, [first]).close();
    const db = openSandboxDatabase(path, [
      first,
      { version: 999, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER) STRICT' },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toEqual({
      name: 'extra',
    });
    db.close();
  });

  it('upgrades a walking-skeleton (v1) database with its demo partner to the referral program', () => {
    const path = tempFile();
    const first = migrations[0];
    if (!first) throw new Error('no migrations');
    const old = openSandboxDatabase(path, [first]);
    seedDemoPartner(old);
    old.close();
    const db = openSandboxDatabase(path);
    expect(db.prepare('SELECT referred_by AS r, disqualified_at AS d FROM accounts').get()).toEqual({
      r: null,
      d: null,
    });
    expect(db.prepare('SELECT version, rate_bp AS rate FROM terms ORDER BY version').all()).toEqual([
      { version: 1, rate: 2000 },
      { version: 2, rate: 1500 },
    ]);
    db.close();
  });

  it('rolls a failing migration back entirely and records nothing', () => {
    const db = openSandboxDatabase(':memory:', []);
    expect(() =>
      applyMigrations(db, [{ version: 1, name: 'broken', sql: 'CREATE TABLE a (x INTEGER); NOT SQL' }]),
    ).toThrow(/Migration 1 \(broken\) failed/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer sandbox', () => {
    const path = tempFile();
    openSandboxDatabase(path, [...migrations, { version: 10_000, name: 'future', sql: 'SELECT 1' }]).close();
    expect(() => openSandboxDatabase(path)).toThrow(/does not know: 10000/);
  });

  it('refuses out-of-order migration lists', () => {
    const db = openSandboxDatabase(':memory:', []);
    expect(() =>
      applyMigrations(db, [
        { version: 2, name: 'b', sql: 'SELECT 1' },
        { version: 1, name: 'a', sql: 'SELECT 1' },
      ]),
    ).toThrow(/increasing order/);
    db.close();
  });
});

describe('demo seed', () => {
  it('is idempotent, also across reopen', () => {
    const path = tempFile();
    const db = openSandboxDatabase(path);
    expect(seedDemoPartner(db)).toBe(DEMO_PARTNER.id);
    expect(seedDemoPartner(db)).toBe(DEMO_PARTNER.id);
    db.close();
    const again = openSandboxDatabase(path);
    seedDemoPartner(again);
    expect(again.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    expect(again.prepare('SELECT referral_code AS code FROM accounts').get()).toEqual({
      code: DEMO_PARTNER.referralCode,
    });
    again.close();
  });

  it('gives the demo partner a code with reserved characters', () => {
    expect(DEMO_PARTNER.referralCode).toMatch(/\+/);
    expect(DEMO_PARTNER.referralCode).toMatch(/[/=]/);
  });
});
