// The demo partner, seeded in demo and test mode only. Its code carries '+', '/' and '=' on
// purpose: every place that builds a link must percent-encode it.
import type { Database } from './database.ts';

export const DEMO_PARTNER = Object.freeze({
  id: 'demo-partner',
  email: 'demo.partner@example.com',
  displayName: 'Demo Partner',
  referralCode: 'QT+DEMO/42=',
});

/** Idempotent: a second call changes nothing. Returns the demo partner's id. */
export function seedDemoPartner(db: Database, now: Date = new Date()): string {
  db.prepare(
    `INSERT INTO accounts (id, email, display_name, referral_code, created_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  ).run(
    DEMO_PARTNER.id,
    DEMO_PARTNER.email,
    DEMO_PARTNER.displayName,
    DEMO_PARTNER.referralCode,
    now.toISOString(),
  );
  return DEMO_PARTNER.id;
}
