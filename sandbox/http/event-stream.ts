// GET /api/v1/events: Server-Sent Events. Each event's `id` is its position in the event log,
// so a client reconnecting with Last-Event-ID gets exactly what it missed.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ProgramContext } from '../program/context.ts';
import { eventsAfter, latestEventId } from '../program/events.ts';
import type { PartnerEnv } from './current-partner.ts';
import { ApiProblem } from './errors.ts';

export interface EventBell {
  /** Resolves true at the next ring, false after `ms` or on abort. */
  wait(ms: number, signal: AbortSignal): Promise<boolean>;
  ring(): void;
}

export function createEventBell(): EventBell {
  const waiters = new Set<() => void>();
  return {
    wait(ms, signal) {
      return new Promise((resolve) => {
        const finish = (rang: boolean) => {
          clearTimeout(timer);
          waiters.delete(ring);
          signal.removeEventListener('abort', quiet);
          resolve(rang);
        };
        const ring = () => finish(true);
        const quiet = () => finish(false);
        const timer = setTimeout(quiet, ms);
        waiters.add(ring);
        signal.addEventListener('abort', quiet, { once: true });
      });
    },
    ring() {
      for (const wake of [...waiters]) wake();
    },
  };
}

const KEEPALIVE_MS = 15_000;

/** The answer to the contract's streamEvents operation (sandbox/http/partner-routes.ts). */
export function eventStream(c: Context<PartnerEnv>, ctx: ProgramContext, bell: EventBell): Response {
  const partnerId = c.var.partnerId;
  const resumeFrom = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (resumeFrom !== undefined && !/^\d{1,15}$/u.test(resumeFrom)) {
    throw new ApiProblem(400, 'invalid-last-event-id', 'Last-Event-ID must be an id this stream sent.');
  }
  // Without Last-Event-ID a client gets what happens from now on.
  let cursor = resumeFrom === undefined ? latestEventId(ctx) : Number(resumeFrom);
  const signal = c.req.raw.signal;
  return streamSSE(c, async (stream) => {
    const aborted = new AbortController();
    stream.onAbort(() => aborted.abort());
    signal.addEventListener('abort', () => aborted.abort(), { once: true });
    await stream.writeSSE({
      event: 'ready',
      data: JSON.stringify({ lastEventId: String(cursor) }),
      retry: 2_000,
    });
    while (!aborted.signal.aborted && ctx.db.isOpen) {
      const batch = eventsAfter(ctx, partnerId, cursor);
      for (const event of batch) {
        await stream.writeSSE({ id: event.id, event: event.type, data: JSON.stringify(event) });
        cursor = Number(event.id);
      }
      if (batch.length > 0) continue;
      const rang = await bell.wait(KEEPALIVE_MS, aborted.signal);
      // A comment line keeps proxies and idle timers from closing a quiet stream.
      if (!rang && !aborted.signal.aborted) await stream.write(': keepalive\n\n');
    }
  });
}
