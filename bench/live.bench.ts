// Live updates' cost while nothing happens, and how fast an earning becomes a notification
// (printed, not asserted): `npx node bench/live.bench.ts [--window-s 35] [--purchases 10]`.
//  1. Idle: the companion's live connection (the sandbox's event stream, one keep-alive comment every
//     15 s) vs. naive polling of the full dashboard every 30 s (balance, program, terms, commissions,
//     referrals, payouts, licenses; no ETags). Every outgoing socket's bytes are counted, so the bytes are
//     what crosses the wire (headers included); measured over a window, extrapolated to an hour.
//     Target: push ≤ 1/20 of naive polling, in bytes and in requests.
//  2. Latency: operator purchase → notice delivered by core's notifier over push, against the least
//     it can be: the purchase request's own round trip to the same sandbox, measured each time, plus
//     the notifier's burst window (400 ms, a notice waits that long for the rest of a burst).
//     Target ≤ 5x that floor (was ≤ 2 s).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { createEventHub } from '../electron/core/event-hub.ts';
import { createConditionalGetter } from '../electron/core/live/conditional-get.ts';
import { createLiveService, DEFAULT_LIVE_TIMING } from '../electron/core/live/live-service.ts';
import { createPollWatcher } from '../electron/core/live/poll-watch.ts';
import { createNotificationService } from '../electron/core/notifications/notification-service.ts';
import { createMemoryNotificationStateStore } from '../electron/core/notifications/state.ts';
import { startSandbox } from '../sandbox/server.ts';
import { accountsPaths, type ProgramEvent } from '../shared/accounts-api.ts';
import type { Notice } from '../shared/bridge/live.ts';
import { NotificationSettings } from '../shared/live-settings.ts';
import { sandboxDriver } from '../test/support/sandbox-driver.ts';
import { sandboxTokens } from '../test/support/sandbox-sign-in.ts';
import { finish, part, waitUntil, withLimit } from './support/limits.ts';
import { kB, median, ms } from './support/stats.ts';
import { fractionTarget, ratioTarget } from './support/targets.ts';

const { values } = parseArgs({
  options: { 'window-s': { type: 'string', default: '35' }, purchases: { type: 'string', default: '10' } },
});
const WINDOW_MS = Number(values['window-s']) * 1000;
const PURCHASES = Number(values.purchases);
const HOUR = 3_600_000;
const NAIVE_PERIOD_MS = 30_000;
/** The notifier's burst window (its default, used here): the first event waits this long for more. */
const BURST_MS = 400;

/**
 * Counts every byte both ways and every connection of this process's outgoing TCP sockets (what
 * fetch opens), through Node's `net.client.socket` diagnostics channel. No wire in between, so the
 * requests reach the sandbox with its own Host (a wire on another port is refused with 421 by the
 * sandbox's DNS-rebinding check). The sandbox runs in this process, but its sockets are server-side.
 */
function byteCounter() {
  const open = new Set<Socket>();
  let closedBytes = 0;
  let connections = 0;
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    connections += 1;
    open.add(socket);
    socket.once('close', () => {
      closedBytes += socket.bytesRead + socket.bytesWritten;
      open.delete(socket);
    });
  };
  subscribe('net.client.socket', onSocket);
  const total = () => closedBytes + [...open].reduce((sum, s) => sum + s.bytesRead + s.bytesWritten, 0);
  let baseBytes = 0;
  let baseConnections = 0;
  return {
    counters: {
      get bytes() {
        return total() - baseBytes;
      },
      get connections() {
        return connections - baseConnections;
      },
    },
    reset() {
      baseBytes = total();
      baseConnections = connections;
    },
    close() {
      unsubscribe('net.client.socket', onSocket);
    },
  };
}

const sandbox = await startSandbox({ mode: 'demo' });
const wire = byteCounter();
const { accessToken } = await withLimit('sign in to the sandbox', 60_000, () => sandboxTokens(sandbox.url));
const headers = { authorization: `Bearer ${accessToken}` };
const world = sandboxDriver(sandbox.url, headers);

// Every request the companion sends is counted here (the wire counter counts bytes).
let requests = 0;
const countingFetch: typeof fetch = (input, init) => {
  requests += 1;
  return fetch(input, init);
};

// The companion's live service and notifier, as core runs them.
const events = createEventHub();
const delivered: { at: number; notice: Notice }[] = [];
const notifier = createNotificationService({
  store: createMemoryNotificationStateStore(),
  settings: () => NotificationSettings.parse({}),
  language: () => 'en',
  events,
  burstMs: BURST_MS,
  sink: { deliver: (notice) => delivered.push({ at: performance.now(), notice }) },
});
const received: ProgramEvent[] = [];
const live = createLiveService({
  baseUrl: sandbox.url,
  fetch: countingFetch,
  auth: {
    accessToken: async () => accessToken,
    renew: async () => accessToken,
    rejectedAgain: async (detail) => {
      throw new Error(detail);
    },
  },
  isSignedIn: () => true,
  cursor: { get: () => undefined, set: () => {} },
  onEvents: (batch) => {
    received.push(...batch);
    notifier.handleEvents(batch);
  },
  onRefresh: () => {},
  onStatus: () => {},
});
live.start();
await waitUntil('the live connection reaches push', () => live.status().connection === 'push');

/** 1. Idle: push, then naive polling and the polling fallback, per hour. */
async function idle(): Promise<void> {
  wire.reset();
  requests = 0;
  console.log(`Idle window: ${WINDOW_MS / 1000} s (the stream sends a keep-alive every 15 s)…`);
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  const push = { bytes: wire.counters.bytes, requests, connections: wire.counters.connections };

  // ---- 1. idle: naive polling of the dashboard ------------------------------------------------
  const dashboard = [
    accountsPaths.balance,
    accountsPaths.program,
    accountsPaths.terms,
    `${accountsPaths.commissions}?limit=50`,
    `${accountsPaths.referrals}?limit=50`,
    `${accountsPaths.payouts}?limit=50`,
    accountsPaths.licenses,
  ];
  wire.reset();
  for (const path of dashboard) {
    const response = await fetch(new URL(path.slice(1), sandbox.url), { headers });
    await response.arrayBuffer();
  }
  const naiveRound = { bytes: wire.counters.bytes, requests: dashboard.length };

  // ---- 1. idle: the polling fallback (conditional GETs, once a minute, when push is unavailable) ----
  const watcher = createPollWatcher(
    createConditionalGetter({
      baseUrl: sandbox.url,
      fetch,
      auth: {
        accessToken: async () => accessToken,
        renew: async () => accessToken,
        rejectedAgain: async () => {
          throw new Error('401');
        },
      },
    }),
  );
  await watcher.poll(); // learns the state and the ETags
  wire.reset();
  await watcher.poll(); // a quiet round: 304s
  const pollRound = { bytes: wire.counters.bytes, requests: 5 };
  const pollBytesHour = pollRound.bytes * (HOUR / DEFAULT_LIVE_TIMING.pollMs);
  const pollRequestsHour = pollRound.requests * (HOUR / DEFAULT_LIVE_TIMING.pollMs);

  const perHour = (value: number, windowMs: number) => (value * HOUR) / windowMs;
  const pushBytesHour = perHour(push.bytes, WINDOW_MS);
  const pushRequestsHour = perHour(push.requests, WINDOW_MS);
  const naiveBytesHour = naiveRound.bytes * (HOUR / NAIVE_PERIOD_MS);
  const naiveRequestsHour = naiveRound.requests * (HOUR / NAIVE_PERIOD_MS);

  console.log('\nIdle cost per hour (extrapolated)');
  console.log(
    `  push (event stream)       ${kB(pushBytesHour).padStart(10)}  ${pushRequestsHour.toFixed(1).padStart(6)} requests`,
  );
  console.log(
    `    measured: ${push.bytes} bytes, ${push.requests} requests, ${push.connections} connections in ${WINDOW_MS / 1000} s`,
  );
  console.log(
    `  naive polling every 30 s  ${kB(naiveBytesHour).padStart(10)}  ${naiveRequestsHour.toFixed(1).padStart(6)} requests`,
  );
  console.log(`    measured: one round = ${naiveRound.bytes} bytes in ${naiveRound.requests} requests`);
  console.log(
    `  fallback: 304 polling/min  ${kB(pollBytesHour).padStart(10)}  ${pollRequestsHour.toFixed(1).padStart(6)} requests`,
  );
  console.log(
    `    measured: one quiet round = ${pollRound.bytes} bytes in ${pollRound.requests} conditional requests`,
  );
  const fraction = (part: number, whole: number) =>
    part === 0 ? '0 (none in the window)' : `1/${Math.round(whole / part)}`;
  console.log(
    `  fallback / naive: bytes ${fraction(pollBytesHour, naiveBytesHour)}, requests ${fraction(pollRequestsHour, naiveRequestsHour)} (the degraded mode, no target)`,
  );
  fractionTarget('Idle: push / naive polling, bytes', pushBytesHour, naiveBytesHour, 20);
  fractionTarget(
    'Idle: push / naive polling, requests',
    pushRequestsHour,
    naiveRequestsHour,
    20,
    "(0: the stream's one request stays open)",
  );
}

/** 2. Earning → notification over push. */
async function latency(): Promise<void> {
  const buyer = await world.registerReferral('Bench Buyer');
  await new Promise((resolve) => setTimeout(resolve, 800));
  await notifier.flush();
  const latencies: number[] = [];
  const roundTrips: number[] = [];
  for (let i = 0; i < PURCHASES; i++) {
    const before = delivered.length;
    const started = performance.now();
    await world.purchase(buyer);
    roundTrips.push(performance.now() - started);
    await waitUntil('the purchase becomes a notification', () => delivered.length > before, { everyMs: 2 });
    latencies.push((delivered.at(-1)?.at ?? started) - started);
    // Let the burst window close so each purchase is its own notice.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`\nEarning → notification over push (${PURCHASES} purchases, 400 ms burst window included)`);
  const floor = median(roundTrips) + BURST_MS;
  ratioTarget(
    'Earning → notification',
    median(latencies),
    floor,
    5,
    `(median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))} vs ${ms(floor)}: the purchase's round trip ${ms(median(roundTrips))} + the ${BURST_MS} ms burst window; was ≤ 2,000 ms)`,
  );
}

await part('Idle traffic', 180_000, idle);
await part('Earning → notification', 120_000, latency);
await withLimit('close the live service, the notifier and the sandbox', 30_000, async () => {
  await live.stop();
  await notifier.close();
  wire.close();
  await sandbox.close();
});
finish();
