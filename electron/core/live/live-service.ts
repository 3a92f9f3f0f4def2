// Follows the accounts server live: the event stream while it is available (resuming after a drop
// with Last-Event-ID, reconnecting with backoff and jitter), conditional polling when it is not
// (trying the stream again now and then), nothing while offline, asleep or signed out, and a
// refresh at once when the computer wakes, the screen unlocks or the network returns.

import type { ProgramEvent } from '../../../shared/accounts-api.ts';
import { accountsOperations } from '../../../shared/accounts-contract.ts';
import type { LiveStatus } from '../../../shared/bridge/live.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import type { AccountsAuth } from '../accounts-client.ts';
import { consoleWarn } from '../logging/logger.ts';
import { backoffDelay, jittered } from './backoff.ts';
import { createConditionalGetter } from './conditional-get.ts';
import { readEventStream, StreamFailure } from './event-stream.ts';
import { createPollWatcher } from './poll-watch.ts';

export interface LiveTiming {
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Polling period while the stream is unavailable. */
  pollMs: number;
  /** While polling, how often to try the stream again. */
  pushRetryMs: number;
  /** Stream failures in a row before trying a poll instead. */
  failuresBeforePolling: number;
}

export const DEFAULT_LIVE_TIMING: LiveTiming = {
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  pollMs: 60_000,
  pushRetryMs: 5 * 60_000,
  failuresBeforePolling: 3,
};

export type RefreshReason = 'resume' | 'unlock' | 'online';

export interface LiveServiceOptions {
  /** The accounts API base URL. */
  baseUrl: string;
  fetch?: typeof fetch;
  auth?: AccountsAuth | undefined;
  isSignedIn(): boolean;
  /** The last stream event handled; persisted, so a restart resumes where the last run stopped. */
  cursor: { get(): string | undefined; set(id: string): void };
  /** New program events (from the stream, or synthesized by polling), oldest first. */
  onEvents(events: ProgramEvent[]): void;
  /** Refresh the data now (woke up, unlocked, back online). */
  onRefresh(reason: RefreshReason): void;
  onStatus(status: LiveStatus): void;
  timing?: Partial<LiveTiming>;
  now?: () => number;
  random?: () => number;
  log?: (message: string) => void;
}

export interface LiveService {
  start(): void;
  stop(): Promise<void>;
  status(): LiveStatus;
  /** The network went away or came back (the shell watches it). */
  setOnline(online: boolean): void;
  /** The computer goes to sleep. */
  suspend(): void;
  /** The computer woke up. */
  resume(): void;
  /** The screen was unlocked. */
  unlocked(): void;
  /** Signed in or out: reconnect as the new partner, or stop. */
  sessionChanged(): void;
}

export function createLiveService(options: LiveServiceOptions): LiveService {
  const timing = { ...DEFAULT_LIVE_TIMING, ...options.timing };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const log = options.log ?? consoleWarn;
  const fetchFn = options.fetch ?? fetch;
  const eventsUrl = new URL(
    accountsOperations.streamEvents.path.slice(1),
    options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
  ).href;
  const watcher = createPollWatcher(
    createConditionalGetter({ baseUrl: options.baseUrl, auth: options.auth, fetch: fetchFn }),
  );

  let status: LiveStatus = { connection: 'connecting', lastEventAt: null, since: iso(now()) };
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let online = true;
  let suspended = false;
  let failures = 0;
  /** While set, the stream is given up until this time and the server is polled. */
  let pollingUntil: number | undefined;
  let connection: AbortController | undefined;
  let wakeUp: (() => void) | undefined;

  function setConnection(connectionState: LiveStatus['connection']) {
    if (status.connection === connectionState) return;
    status = { ...status, connection: connectionState, since: iso(now()) };
    options.onStatus(status);
  }

  function deliver(events: ProgramEvent[]) {
    if (events.length === 0) return;
    status = { ...status, lastEventAt: iso(now()) };
    options.onEvents(events);
  }

  /** Ends the current wait or connection so the loop looks at the state again. */
  function poke() {
    connection?.abort();
    wakeUp?.();
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function token(): Promise<string | undefined> {
    return options.auth ? options.auth.accessToken() : undefined;
  }

  async function stream(): Promise<void> {
    const controller = new AbortController();
    connection = controller;
    let access = await token();
    let openedAt: number | undefined;
    for (let renewed = false; ; renewed = true) {
      try {
        await readEventStream({
          url: eventsUrl,
          fetch: fetchFn,
          token: access,
          lastEventId: options.cursor.get(),
          signal: controller.signal,
          onOpen: () => {
            openedAt = now();
            pollingUntil = undefined;
            setConnection('push');
          },
          onReady: (id) => {
            // First run: remember the server's position so the next connection resumes from here.
            if (options.cursor.get() === undefined) options.cursor.set(id);
          },
          onEvent: (event) => {
            deliver([event]);
            options.cursor.set(event.id);
          },
          onInvalid: (detail, id) => {
            log(`live: skipped an off-contract event: ${detail}`);
            if (id) options.cursor.set(id);
          },
        });
        break;
      } catch (error) {
        if (
          !(error instanceof StreamFailure) ||
          error.kind !== 'unauthorized' ||
          !options.auth ||
          !access ||
          renewed
        ) {
          throw error;
        }
        // One renewal after a 401, as every accounts call does.
        access = await options.auth.renew(access);
      }
    }
    if (controller.signal.aborted) return;
    // The server closed the stream: a stream that lived a while counts as a fresh start.
    if (openedAt !== undefined && now() - openedAt > 30_000) failures = 0;
    throw new StreamFailure('network', 'The server closed the event stream.');
  }

  async function loop(): Promise<void> {
    while (running) {
      if (!options.isSignedIn()) {
        setConnection('signed-out');
        await sleep(2 ** 31 - 1);
        continue;
      }
      if (!online || suspended) {
        setConnection(suspended ? 'paused' : 'offline');
        await sleep(2 ** 31 - 1);
        continue;
      }
      if (pollingUntil === undefined || now() >= pollingUntil) {
        if (status.connection !== 'polling') setConnection('connecting');
        try {
          await stream();
          continue; // aborted on purpose: look at the state again
        } catch (error) {
          if (!running) return;
          failures += 1;
          const kind = error instanceof StreamFailure ? error.kind : 'network';
          if (kind === 'unsupported' || failures >= timing.failuresBeforePolling) {
            pollingUntil = now() + timing.pushRetryMs;
          } else {
            if (failures >= 2) setConnection('offline');
            await sleep(
              backoffDelay(failures - 1, {
                baseMs: timing.backoffBaseMs,
                maxMs: timing.backoffMaxMs,
                random,
              }),
            );
            continue;
          }
        }
      }
      try {
        deliver(await watcher.poll());
        failures = 0;
        setConnection('polling');
        await sleep(Math.min(jittered(timing.pollMs, 0.1, random), Math.max(0, (pollingUntil ?? 0) - now())));
      } catch (error) {
        if (!running) return;
        failures += 1;
        setConnection('offline');
        log(`live: polling failed: ${errorMessage(error)}`);
        await sleep(
          backoffDelay(failures - 1, { baseMs: timing.backoffBaseMs, maxMs: timing.backoffMaxMs, random }),
        );
      }
    }
  }

  function wakeAndRefresh(reason: RefreshReason) {
    failures = 0;
    pollingUntil = undefined;
    if (running && options.isSignedIn() && online && !suspended) options.onRefresh(reason);
    poke();
  }

  return {
    start() {
      if (running) return;
      running = true;
      loopDone = loop().catch((error: unknown) =>
        log(`live: stopped on an unexpected error: ${String(error)}`),
      );
    },
    async stop() {
      running = false;
      poke();
      await loopDone;
    },
    status: () => status,
    setOnline(value) {
      if (online === value) return;
      online = value;
      if (value) wakeAndRefresh('online');
      else poke();
    },
    suspend() {
      suspended = true;
      poke();
    },
    resume() {
      if (!suspended) return wakeAndRefresh('resume');
      suspended = false;
      wakeAndRefresh('resume');
    },
    unlocked: () => wakeAndRefresh('unlock'),
    sessionChanged() {
      watcher.reset();
      failures = 0;
      pollingUntil = undefined;
      poke();
    },
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
