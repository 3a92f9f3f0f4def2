// Accounts: every customer is an account, and every account can be a partner (R6: anyone).
// R1: an account's referrer is taken from the code it registered with, once, and never changes.
import { randomBytes, randomUUID } from 'node:crypto';
import type { PageQuery, Profile, Referral, ReferralPage } from '../../shared/accounts-api.ts';
import { referralCodeProblem } from '../../shared/referral-link.ts';
import type { Database } from '../db/database.ts';
import { nowIso, type ProgramContext, write } from './context.ts';
import { decodeCursor, TimeIdCursor, toPage } from './cursor.ts';
import { ProgramError } from './errors.ts';
import { appendEvent } from './events.ts';
import { statement } from './statements.ts';

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  referralCode: string;
  createdAt: string;
  referredBy: string | null;
  disqualifiedAt: string | null;
  disqualificationReason: string | null;
}

const SELECT_ACCOUNT = `SELECT id, email, display_name AS displayName, referral_code AS referralCode,
  created_at AS createdAt, referred_by AS referredBy, disqualified_at AS disqualifiedAt,
  disqualification_reason AS disqualificationReason FROM accounts`;

export function findAccount(db: Database, id: string): AccountRow | undefined {
  return statement(db, `${SELECT_ACCOUNT} WHERE id = ?`).get(id) as AccountRow | undefined;
}

export function getAccount(db: Database, id: string): AccountRow {
  const account = findAccount(db, id);
  if (!account) throw new ProgramError('not-found', 'unknown-account', `No account ${id}.`);
  return account;
}

export function findAccountByCode(db: Database, code: string): AccountRow | undefined {
  return statement(db, `${SELECT_ACCOUNT} WHERE referral_code = ?`).get(code) as AccountRow | undefined;
}

export function toProfile(account: AccountRow): Profile {
  return { partnerId: account.id, email: account.email, displayName: account.displayName };
}

export function toReferral(account: Pick<AccountRow, 'id' | 'displayName' | 'createdAt'>): Referral {
  return { id: account.id, displayName: account.displayName, registeredAt: account.createdAt };
}

export interface Registration {
  email: string;
  displayName: string;
  /** The code from the link the person registered through, if any. */
  referralCode?: string | undefined;
}

/** Registers a new account; with a code, the code's owner becomes its referrer for good. */
export function registerAccount(ctx: ProgramContext, input: Registration): AccountRow {
  return write(ctx, () => {
    let referrer: AccountRow | undefined;
    if (input.referralCode !== undefined) {
      referrer = findAccountByCode(ctx.db, input.referralCode);
      if (!referrer) {
        throw new ProgramError(
          'unprocessable',
          'unknown-referral-code',
          'No partner has this referral code.',
        );
      }
    }
    if (statement(ctx.db, 'SELECT 1 FROM accounts WHERE email = ?').get(input.email)) {
      throw new ProgramError('conflict', 'email-taken', 'An account with this e-mail already exists.');
    }
    const id = `acc_${randomUUID()}`;
    const createdAt = nowIso(ctx);
    statement(
      ctx.db,
      `INSERT INTO accounts (id, email, display_name, referral_code, created_at, referred_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, input.email, input.displayName, newReferralCode(ctx.db), createdAt, referrer?.id ?? null);
    const account = getAccount(ctx.db, id);
    if (referrer) appendEvent(ctx, referrer.id, 'referral.registered', toReferral(account));
    return account;
  });
}

/** Changing the e-mail never touches attribution (the schema forbids it anyway). */
export function changeEmail(ctx: ProgramContext, accountId: string, email: string): AccountRow {
  return write(ctx, () => {
    getAccount(ctx.db, accountId);
    const other = statement(ctx.db, 'SELECT id FROM accounts WHERE email = ?').get(email);
    if (other && other.id !== accountId) {
      throw new ProgramError('conflict', 'email-taken', 'An account with this e-mail already exists.');
    }
    statement(ctx.db, 'UPDATE accounts SET email = ? WHERE id = ?').run(email, accountId);
    return getAccount(ctx.db, accountId);
  });
}

/** Codes look like the public ones: short base64, so they often carry '+', '/' or '='. */
export function newReferralCode(db: Database): string {
  for (;;) {
    const code = randomBytes(7).toString('base64');
    if (referralCodeProblem(code) === null && !findAccountByCode(db, code)) return code;
  }
}

export function referralsCount(db: Database, partnerId: string): number {
  const row = statement(db, 'SELECT count(*) AS n FROM accounts WHERE referred_by = ?').get(partnerId);
  return Number(row?.n ?? 0);
}

/** Newest first; R6: no cap, keyset pagination stays fast however many there are. */
export function listReferrals(ctx: ProgramContext, partnerId: string, query: PageQuery): ReferralPage {
  const after = decodeCursor(query.cursor, TimeIdCursor);
  const rows = (after
    ? statement(
        ctx.db,
        `SELECT id, display_name AS displayName, created_at AS createdAt FROM accounts
           WHERE referred_by = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?`,
      ).all(partnerId, after[0], after[1], query.limit + 1)
    : statement(
        ctx.db,
        `SELECT id, display_name AS displayName, created_at AS createdAt FROM accounts
           WHERE referred_by = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
      ).all(partnerId, query.limit + 1)) as unknown as Array<
    Pick<AccountRow, 'id' | 'displayName' | 'createdAt'>
  >;
  return toPage(rows, query.limit, toReferral, (row) => [row.createdAt, row.id]);
}
