// The event log behind the Server-Sent Events stream: appended in the same transaction as the
// change it reports, so a client resuming with Last-Event-ID never misses or invents one.
import { type EventType, ProgramEvent } from '../../shared/accounts-api.ts';
import { markEvents, nowIso, type ProgramContext } from './context.ts';
import { statement } from './statements.ts';

/** partnerId null: for every partner (e.g. terms published). */
export function appendEvent(
  ctx: ProgramContext,
  partnerId: string | null,
  type: EventType,
  data: unknown,
): void {
  statement(ctx.db, 'INSERT INTO events (partner_id, type, data, at) VALUES (?, ?, ?, ?)').run(
    partnerId,
    type,
    JSON.stringify(data),
    nowIso(ctx),
  );
  markEvents(ctx);
}

export function eventsAfter(
  ctx: ProgramContext,
  partnerId: string,
  afterId: number,
  limit = 500,
): ProgramEvent[] {
  const rows = statement(
    ctx.db,
    `SELECT id, type, data, at FROM events
     WHERE id > ? AND (partner_id = ? OR partner_id IS NULL) ORDER BY id LIMIT ?`,
  ).all(afterId, partnerId, limit);
  return rows.map((row) =>
    ProgramEvent.parse({
      id: String(row.id),
      type: row.type,
      at: row.at,
      data: JSON.parse(String(row.data)),
    }),
  );
}

export function latestEventId(ctx: ProgramContext): number {
  const row = statement(ctx.db, 'SELECT COALESCE(MAX(id), 0) AS id FROM events').get();
  return Number(row?.id ?? 0);
}
