// The demo partner's sign-in, seeded in demo and test mode with the demo partner itself; the
// sign-in page shows it only in demo mode.
import type { Database } from '../db/database.ts';
import { DEMO_PARTNER } from '../db/seed.ts';
import { ensurePassword } from './credentials.ts';

export const DEMO_CREDENTIALS = Object.freeze({ email: DEMO_PARTNER.email, password: 'demo-partner-2026' });

export async function seedDemoCredentials(db: Database, accountId: string): Promise<void> {
  await ensurePassword(db, accountId, DEMO_CREDENTIALS.password);
}
