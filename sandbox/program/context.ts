// What every domain operation needs: the database, the clock, and the event notifier.
import type { Database } from '../db/database.ts';
import { transaction } from '../db/database.ts';

export interface ProgramContext {
  readonly db: Database;
  /** The sandbox's clock (injected so tests can move time for hold periods). */
  now(): Date;
  /** The server's public base URL, e.g. for checkout links ('' before it listens). */
  baseUrl(): string;
  /** Called after a committed write that appended events. */
  onEvents(): void;
}

const dirty = new WeakSet<ProgramContext>();

export function markEvents(ctx: ProgramContext): void {
  dirty.add(ctx);
}

/** One atomic write: BEGIN IMMEDIATE … COMMIT, then wake the event streams if needed. */
export function write<T>(ctx: ProgramContext, fn: () => T): T {
  const outermost = !ctx.db.isTransaction;
  const result = transaction(ctx.db, fn);
  if (outermost && dirty.has(ctx)) {
    dirty.delete(ctx);
    ctx.onEvents();
  }
  return result;
}

export function nowIso(ctx: ProgramContext): string {
  return ctx.now().toISOString();
}
