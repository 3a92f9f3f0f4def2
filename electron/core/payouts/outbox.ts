// The request outbox: payout requests and license credits that this machine files. Each entry
// carries the Idempotency-Key core created for it and is written to durable storage BEFORE the
// HTTP call, so whatever happens next (a double click, a timeout and retry, a crash) the same key
// is sent again and the accounts server answers the one request that key filed. An entry leaves
// the outbox when the server acknowledged it; an entry the server refused stays, marked failed,
// until the user has seen why (dismiss). On start, entries still `sending` are resent and
// reconciled (flush).

import { z } from 'zod';
import { IdempotencyKey, IsoDateTime, PositiveCents } from '../../../shared/accounts-api.ts';
import { type OutboxItem, OutboxProblem } from '../../../shared/bridge/payouts.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import { AccountsError } from '../accounts-client.ts';
import { toFailure } from '../bridge-dispatch.ts';
import { consoleWarn, type Logger } from '../logging/logger.ts';
import { createMemoryValidated } from '../validated-json-file.ts';

export const RequestKind = z.enum(['payout', 'credit']);
export type RequestKind = z.infer<typeof RequestKind>;

export const OutboxEntry = z
  .object({
    key: IdempotencyKey,
    kind: RequestKind,
    /** Who filed it (accounts server + account): resent only while that account is signed in. */
    owner: z.string().max(1_000),
    /** The exact body first sent: a resend with the key must repeat it byte for byte in meaning. */
    body: z.record(z.string(), z.unknown()),
    amountCents: PositiveCents,
    label: z.string().max(200),
    createdAt: IsoDateTime,
    state: z.enum(['sending', 'failed']),
    attempts: z.number().int().min(0),
    problem: z.string().max(2_000).nullable(),
    /** Older files have none: the UI then shows the problem as written. */
    problemCode: OutboxProblem.nullable().default(null),
  })
  .strict();
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The durable state: the outbox, and which auto-apply offers were already made or acted on. */
export const RequestsState = z
  .object({
    entries: z.array(OutboxEntry).max(1_000).default([]),
    /** `productId@availableTill` of auto-apply decisions already taken (asked, applied, dismissed). */
    autoApply: z
      .object({
        asked: z.array(z.string().max(300)).max(1_000).default([]),
        applied: z.array(z.string().max(300)).max(1_000).default([]),
        dismissed: z.array(z.string().max(300)).max(1_000).default([]),
      })
      .strict()
      .default({ asked: [], applied: [], dismissed: [] }),
  })
  .strict();
export type RequestsState = z.output<typeof RequestsState>;
export const EMPTY_REQUESTS_STATE: RequestsState = RequestsState.parse({});

/** The port: read the state, write a complete state (the file adapter writes atomically). */
export interface RequestsStorage {
  read(): RequestsState;
  write(state: RequestsState): void;
}

export function createMemoryRequestsStorage(initial: RequestsState = EMPTY_REQUESTS_STATE): RequestsStorage {
  return createMemoryValidated(RequestsState, initial);
}

export interface NewRequest {
  key: string;
  kind: RequestKind;
  owner: string;
  body: Record<string, unknown>;
  amountCents: number;
  label: string;
}

export interface OutboxOptions {
  storage: RequestsStorage;
  /** Sends one request with its key; resolves with the server's answer. */
  send(kind: RequestKind, body: Record<string, unknown>, key: string): Promise<unknown>;
  now?: () => Date;
  /** Something in the outbox changed (an entry added, acknowledged, failed or dismissed). */
  onChange?: (kind: RequestKind) => void;
  /**
   * TEST ONLY: runs after the server answered and before the acknowledgement is recorded, so an
   * end-to-end test can kill the process exactly there (see COMPANION_TEST_CRASH_AFTER_SEND).
   */
  afterSend?: (kind: RequestKind) => void;
  log?: (message: string) => void;
  /** Each request filed and acknowledged (the logger scrubs destinations). */
  logger?: Logger;
}

export interface Outbox {
  /**
   * Files a request: persists it with its key, then sends it. A key already in flight joins that
   * attempt; a key already in the outbox is resent with it (the server answers the first result).
   * Throws the server's refusal (the entry is dropped: the user sees why at once) or a transient
   * failure (the entry stays and is resent later).
   */
  file(request: NewRequest): Promise<unknown>;
  /** Resends every entry of `owner` still sending; answers how many were acknowledged. */
  flush(owner: string): Promise<number>;
  items(kind: RequestKind, owner: string): OutboxItem[];
  /** Has `owner` anything still waiting to be acknowledged? */
  pending(owner: string): boolean;
  dismiss(key: string): boolean;
}

/** A refusal that a resend with the same key would only repeat (bad input, rules, key reuse). */
export function isFinalRefusal(error: unknown): boolean {
  if (!(error instanceof AccountsError) || error.kind !== 'http') return false;
  const status = error.status ?? 500;
  // 401: signed out or expired, 408/429: try later; 5xx: the server's trouble.
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

/** The kind of trouble a send met, as the bridge would name it (the UI words the code). */
function problemCodeOf(error: unknown): OutboxProblem {
  const code = toFailure(error, 'outbox', () => undefined).code;
  return OutboxProblem.safeParse(code).data ?? 'internal';
}

export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleWarn;
  const inFlight = new Map<string, Promise<unknown>>();

  const entries = () => options.storage.read().entries;
  const update = (change: (entries: OutboxEntry[]) => OutboxEntry[]) => {
    const state = options.storage.read();
    options.storage.write({ ...state, entries: change(state.entries) });
  };
  const patch = (key: string, fields: Partial<OutboxEntry>) =>
    update((list) => list.map((entry) => (entry.key === key ? { ...entry, ...fields } : entry)));

  function attempt(entry: OutboxEntry, mode: 'file' | 'flush'): Promise<unknown> {
    const running = inFlight.get(entry.key);
    if (running) return running;
    const run = (async () => {
      patch(entry.key, { attempts: entry.attempts + 1 });
      let answer: unknown;
      try {
        answer = await options.send(entry.kind, entry.body, entry.key);
      } catch (error) {
        const problem = errorMessage(error);
        const problemCode = problemCodeOf(error);
        if (isFinalRefusal(error)) {
          if (mode === 'file') update((list) => list.filter((e) => e.key !== entry.key));
          else patch(entry.key, { state: 'failed', problem, problemCode });
        } else {
          patch(entry.key, { problem, problemCode });
        }
        options.onChange?.(entry.kind);
        throw error;
      }
      options.afterSend?.(entry.kind);
      options.logger?.info(`${entry.kind} ${entry.key} acknowledged by the server`);
      update((list) => list.filter((e) => e.key !== entry.key));
      options.onChange?.(entry.kind);
      return answer;
    })().finally(() => inFlight.delete(entry.key));
    inFlight.set(entry.key, run);
    return run;
  }

  return {
    file(request) {
      const running = inFlight.get(request.key);
      // Before the disk: a click that lands as the attempt is acknowledged must not file it again.
      if (running) return running;
      let entry = entries().find((e) => e.key === request.key);
      if (!entry) {
        entry = OutboxEntry.parse({
          ...request,
          createdAt: now().toISOString(),
          state: 'sending',
          attempts: 0,
          problem: null,
          problemCode: null,
        });
        const added = entry;
        // Written before the request leaves: a crash from here on is resent with this key.
        update((list) => [...list, added]);
        options.logger?.info(`${added.kind} ${added.key} kept in the outbox, sending`);
        options.logger?.debug(`${added.kind} ${added.key} request`, added.body);
        options.onChange?.(request.kind);
      } else if (entry.state === 'failed') {
        patch(entry.key, { state: 'sending', problem: null, problemCode: null });
      }
      return attempt(entry, 'file');
    },
    async flush(owner) {
      const due = entries().filter((e) => e.owner === owner && e.state === 'sending');
      let acknowledged = 0;
      for (const entry of due) {
        try {
          // Stryker disable next-line StringLiteral: equivalent — attempt() only tells 'file' apart from anything else.
          await attempt(entry, 'flush');
          acknowledged += 1;
        } catch (error) {
          log(`Outbox: ${entry.kind} ${entry.key} not acknowledged yet: ${(error as Error).message}`);
        }
      }
      return acknowledged;
    },
    items(kind, owner) {
      return entries()
        .filter((e) => e.kind === kind && e.owner === owner)
        .map((e) => ({
          key: e.key,
          kind: e.kind,
          state: e.state,
          amountCents: e.amountCents,
          label: e.label,
          createdAt: e.createdAt,
          problem: e.problem,
          problemCode: e.problemCode,
        }));
    },
    pending: (owner) => entries().some((e) => e.owner === owner && e.state === 'sending'),
    dismiss(key) {
      const entry = entries().find((e) => e.key === key);
      // Only a refused request can be dismissed: one still sending may already have been filed.
      if (entry?.state !== 'failed') return false;
      update((list) => list.filter((e) => e.key !== key));
      options.onChange?.(entry.kind);
      return true;
    },
  };
}
