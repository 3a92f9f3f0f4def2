// A real in-memory sandbox database with a hand-moved clock, for the domain tests.
import { openSandboxDatabase } from '../db/database.ts';
import { DEMO_PARTNER, seedDemoPartner } from '../db/seed.ts';
import { registerAccount } from './accounts.ts';
import type { ProgramContext } from './context.ts';

export interface ProgramTestBed {
  ctx: ProgramContext;
  partnerId: string;
  /** Moves the clock forward (or sets it). */
  advance(ms: number): void;
  setNow(iso: string): void;
  eventsRung: () => number;
  /** Registers `count` referrals of `partnerId` through its code. */
  referrals(count: number, partnerId?: string): string[];
  close(): void;
}

export function createProgramTestBed(startIso = '2026-01-15T12:00:00.000Z'): ProgramTestBed {
  const db = openSandboxDatabase(':memory:');
  const partnerId = seedDemoPartner(db, new Date('2020-01-01T00:00:00.000Z'));
  let now = Date.parse(startIso);
  let rung = 0;
  const ctx: ProgramContext = {
    db,
    now: () => new Date(now),
    baseUrl: () => 'http://127.0.0.1:9/',
    onEvents: () => {
      rung++;
    },
  };
  let serial = 0;
  return {
    ctx,
    partnerId,
    advance: (ms) => {
      now += ms;
    },
    setNow: (iso) => {
      now = Date.parse(iso);
    },
    eventsRung: () => rung,
    referrals(count, owner = partnerId) {
      const code = String(db.prepare('SELECT referral_code AS c FROM accounts WHERE id = ?').get(owner)?.c);
      return Array.from({ length: count }, () => {
        serial++;
        return registerAccount(ctx, {
          email: `referral${serial}@example.com`,
          displayName: `Referral ${serial}`,
          referralCode: code,
        }).id;
      });
    },
    close: () => db.close(),
  };
}

export { DEMO_PARTNER };
