// The live connection against a real sandbox process: push with resume across a server restart,
// the polling fallback with conditional GETs, and pausing while offline.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramEvent } from '../../../shared/accounts-api.ts';
import type { LiveStatus } from '../../../shared/bridge/live.ts';
import { type SandboxDriver, sandboxDriver } from '../../../test/support/sandbox-driver.ts';
import { type SandboxProcess, spawnSandbox } from '../../../test/support/sandbox-process.ts';
import { sandboxTokens } from '../../../test/support/sandbox-sign-in.ts';
import type { AccountsAuth } from '../accounts-client.ts';
import { createLiveService, type LiveService, type LiveServiceOptions } from './live-service.ts';

let dir: string;
let port: number;
let sandbox: SandboxProcess;
let world: SandboxDriver;
let buyer: string;
const services: LiveService[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const start = () => spawnSandbox({ port, db: join(dir, 'world.sqlite'), mode: 'test' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'live-'));
  port = await freePort();
  sandbox = await start();
  const { accessToken } = await sandboxTokens(sandbox.url);
  world = sandboxDriver(sandbox.url, { authorization: `Bearer ${accessToken}` });
  buyer = await world.registerReferral('Buyer One');
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Bearer tokens from the sandbox, renewed by signing in again (as a refresh would). */
function auth(): AccountsAuth {
  let token: Promise<string> | undefined;
  const fresh = () => {
    token = sandboxTokens(sandbox.url).then((tokens) => tokens.accessToken);
    return token;
  };
  return {
    accessToken: () => token ?? fresh(),
    renew: () => fresh(),
    rejectedAgain: async (detail) => {
      throw new Error(`rejected again: ${detail}`);
    },
  };
}

function live(overrides: Partial<LiveServiceOptions> = {}) {
  const events: ProgramEvent[] = [];
  const statuses: LiveStatus['connection'][] = [];
  const refreshes: string[] = [];
  let cursor: string | undefined;
  const service = createLiveService({
    baseUrl: sandbox.url,
    auth: auth(),
    isSignedIn: () => true,
    cursor: { get: () => cursor, set: (id) => (cursor = id) },
    onEvents: (batch) => events.push(...batch),
    onRefresh: (reason) => refreshes.push(reason),
    onStatus: (status) => statuses.push(status.connection),
    timing: { backoffBaseMs: 100, backoffMaxMs: 500, failuresBeforePolling: 1_000, pollMs: 200 },
    log: () => {},
    ...overrides,
  });
  services.push(service);
  service.start();
  return { service, events, statuses, refreshes, cursor: () => cursor };
}

const earnedFor = (events: ProgramEvent[], purchaseId: string) =>
  events.filter((e) => e.type === 'commission.earned' && e.data.purchaseId === String(purchaseId));

describe('live updates against a real sandbox', () => {
  it('follows the stream, and after the server restarts resumes with what it missed, once', async () => {
    const l = live();
    await expect.poll(() => l.service.status().connection).toBe('push');
    const first = await world.purchase(buyer);
    await expect.poll(() => earnedFor(l.events, first.id).length).toBe(1);

    await sandbox.stop();
    await expect.poll(() => l.service.status().connection).not.toBe('push');
    sandbox = await start();
    // Made while the companion is (most likely) still disconnected: delivered by the resume.
    const missed = await world.purchase(buyer);
    await expect.poll(() => earnedFor(l.events, missed.id).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => l.service.status().connection).toBe('push');
    const after = await world.purchase(buyer);
    await expect.poll(() => earnedFor(l.events, after.id).length).toBe(1);

    const ids = l.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(l.cursor()).toBe(ids.at(-1));
    expect(l.statuses).toContain('connecting');
  });

  it('polls with conditional GETs when the server has no event stream', async () => {
    const seen: { path: string; status: number; conditional: boolean }[] = [];
    const noStream: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/events'))
        return new Response('{"error":"not-found","message":"x"}', { status: 404 });
      const response = await fetch(input, init);
      const headers = new Headers(init?.headers);
      seen.push({ path: url.pathname, status: response.status, conditional: headers.has('if-none-match') });
      return response;
    };
    const l = live({ fetch: noStream });
    await expect.poll(() => l.service.status().connection).toBe('polling');
    // A quiet round: every resource answers 304 to its ETag.
    await expect.poll(() => seen.filter((s) => s.status === 304).length).toBeGreaterThanOrEqual(5);
    expect(seen.filter((s) => s.status === 304).every((s) => s.conditional)).toBe(true);

    const bought = await world.purchase(buyer);
    await expect.poll(() => earnedFor(l.events, bought.id).length, { timeout: 5_000 }).toBe(1);
    // No stream position from polling: the cursor is left for the stream.
    expect(l.cursor()).toBeUndefined();
  });

  it('goes quiet while offline or asleep, and on return refreshes and catches up', async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const l = live({ fetch: counting });
    await expect.poll(() => l.service.status().connection).toBe('push');

    l.service.setOnline(false);
    await expect.poll(() => l.service.status().connection).toBe('offline');
    const before = requests;
    const missed = await world.purchase(buyer);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(requests).toBe(before);
    expect(earnedFor(l.events, missed.id)).toHaveLength(0);

    l.service.setOnline(true);
    await expect.poll(() => earnedFor(l.events, missed.id).length).toBe(1);
    expect(l.refreshes).toEqual(['online']);

    l.service.suspend();
    await expect.poll(() => l.service.status().connection).toBe('paused');
    l.service.resume();
    await expect.poll(() => l.service.status().connection).toBe('push');
    l.service.unlocked();
    expect(l.refreshes).toEqual(['online', 'resume', 'unlock']);
  });

  it('does nothing while signed out', async () => {
    let requests = 0;
    const l = live({
      isSignedIn: () => false,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    await expect.poll(() => l.service.status().connection).toBe('signed-out');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toBe(0);
  });
});
