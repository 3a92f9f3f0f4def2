// Accounts: every customer is an account, and every account can be a partner.
import type { Profile } from '../../shared/accounts-api.ts';
import type { Database } from '../db/database.ts';

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  referralCode: string;
  createdAt: string;
}

export class UnknownAccountError extends Error {
  override name = 'UnknownAccountError';
}

export function findAccount(db: Database, id: string): AccountRow | undefined {
  const row = db
    .prepare(
      `SELECT id, email, display_name AS displayName, referral_code AS referralCode, created_at AS createdAt
       FROM accounts WHERE id = ?`,
    )
    .get(id);
  return row as AccountRow | undefined;
}

export function getAccount(db: Database, id: string): AccountRow {
  const account = findAccount(db, id);
  if (!account) throw new UnknownAccountError(`No account ${id}.`);
  return account;
}

export function toProfile(account: AccountRow): Profile {
  return { partnerId: account.id, email: account.email, displayName: account.displayName };
}
