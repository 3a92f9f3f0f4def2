// Partners' sign-in credentials: e-mail + scrypt password hash.
import type { Database } from '../db/database.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

export async function setPassword(
  db: Database,
  accountId: string,
  password: string,
  now = new Date(),
): Promise<void> {
  const hash = await hashPassword(password);
  db.prepare(
    `INSERT INTO account_credentials (account_id, password_hash, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
  ).run(accountId, hash, now.toISOString());
}

/** Sets the password only when the account has none yet (seeding is idempotent). */
export async function ensurePassword(db: Database, accountId: string, password: string): Promise<void> {
  const existing = db.prepare('SELECT 1 AS x FROM account_credentials WHERE account_id = ?').get(accountId);
  if (!existing) await setPassword(db, accountId, password);
}

/** The account id when e-mail and password match, else null; the same work either way. */
export async function checkCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<string | null> {
  const row = db
    .prepare(
      `SELECT a.id AS id, c.password_hash AS hash FROM accounts a
       JOIN account_credentials c ON c.account_id = a.id WHERE a.email = ?`,
    )
    .get(email.trim()) as { id: string; hash: string } | undefined;
  const matches = await verifyPassword(password, row?.hash ?? (await dummyHash()));
  return row && matches ? row.id : null;
}
