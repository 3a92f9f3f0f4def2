import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EarningsSnapshot } from '../../../shared/bridge/earnings.ts';
import type { BridgeEventMessage } from '../../../shared/bridge.ts';
import { availableBalance, programStatus, termsInfo } from '../../../shared/testing/accounts-api-fixtures.ts';
import { AccountsError } from '../accounts-client.ts';
import { createEventHub } from '../event-hub.ts';
import type { EarningsApi } from './earnings-api.ts';
import { createEarningsService } from './earnings-service.ts';
import { createMemoryEarningsCache, EMPTY_EARNINGS_CACHE, openEarningsCacheFile } from './snapshot-cache.ts';

const balance = availableBalance(3_840);
const program = programStatus();
const terms = termsInfo();
const snapshotAt = (fetchedAt: string, availableCents = 3_840): EarningsSnapshot => ({
  balance: { ...balance, availableCents },
  program,
  terms,
  fetchedAt,
});

function fakeApi(overrides: Partial<EarningsApi> = {}): EarningsApi & { reads: number } {
  const api = {
    reads: 0,
    balance: async () => {
      api.reads++;
      return balance;
    },
    program: async () => program,
    terms: async () => terms,
    history: async () => ({ items: [], nextCursor: null }),
    series: async () => ({ bucket: 'day' as const, timeZone: 'UTC', points: [] }),
    referralStats: async () => ({ items: [], nextCursor: null }),
    ...overrides,
  };
  return api;
}

function setup(
  options: {
    api?: EarningsApi;
    owner?: () => string;
    cache?: ReturnType<typeof createMemoryEarningsCache>;
  } = {},
) {
  const events = createEventHub();
  const seen: BridgeEventMessage[] = [];
  events.subscribe((message) => seen.push(message));
  const cache = options.cache ?? createMemoryEarningsCache();
  const service = createEarningsService({
    api: options.api ?? fakeApi(),
    events,
    cache,
    owner: options.owner ?? (() => 'demo|partner@example.com'),
    now: () => new Date('2026-11-21T06:30:00.000Z'),
    log: () => {},
  });
  return { service, cache, seen };
}

describe('the earnings snapshot', () => {
  it('shows the cached snapshot at once, before any network call', () => {
    const cache = createMemoryEarningsCache({
      owner: 'demo|partner@example.com',
      snapshot: snapshotAt('2026-11-20T10:00:00.000Z'),
    });
    const api = fakeApi();
    const { service } = setup({ cache, api });
    expect(service.view()).toEqual({
      snapshot: snapshotAt('2026-11-20T10:00:00.000Z'),
      refreshing: false,
      error: null,
    });
    expect(api.reads).toBe(0);
  });

  it('never shows another account’s snapshot', () => {
    const cache = createMemoryEarningsCache({
      owner: 'demo|someone@example.com',
      snapshot: snapshotAt('2026-11-20T10:00:00.000Z'),
    });
    expect(setup({ cache }).service.view().snapshot).toBeNull();
  });

  it('refreshes: announces the start and the end, keeps the new snapshot for this account', async () => {
    const { service, cache, seen } = setup();
    const view = await service.refresh();
    expect(view).toEqual({
      snapshot: snapshotAt('2026-11-21T06:30:00.000Z'),
      refreshing: false,
      error: null,
    });
    expect(cache.read()).toEqual({ owner: 'demo|partner@example.com', snapshot: view.snapshot });
    expect(
      seen.map((message) => [message.event, (message.payload as { refreshing: boolean }).refreshing]),
    ).toEqual([
      ['earningsChanged', true],
      ['earningsChanged', false],
    ]);
  });

  it('shares one refresh between concurrent calls', async () => {
    const api = fakeApi();
    const { service } = setup({ api });
    await Promise.all([service.refresh(), service.refresh(), service.refresh()]);
    expect(api.reads).toBe(1);
  });

  it('keeps the last snapshot when a refresh fails, marked stale with the reason; a later success clears it', async () => {
    const cache = createMemoryEarningsCache({
      owner: 'demo|partner@example.com',
      snapshot: snapshotAt('2026-11-20T10:00:00.000Z'),
    });
    let down = true;
    const api = fakeApi({
      balance: async () => {
        if (down)
          throw new AccountsError('network', 'The accounts server cannot be reached (GET /api/v1/balance).');
        return balance;
      },
    });
    const { service } = setup({ cache, api });
    const failed = await service.refresh();
    expect(failed.snapshot?.fetchedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(failed.error).toEqual({
      code: 'unavailable',
      message: 'The accounts server cannot be reached (GET /api/v1/balance).',
    });
    down = false;
    const recovered = await service.refresh();
    expect(recovered.error).toBeNull();
    expect(recovered.snapshot?.fetchedAt).toBe('2026-11-21T06:30:00.000Z');
  });

  it('says "signed-out" when the server no longer accepts the sign-in', async () => {
    const api = fakeApi({
      program: async () => Promise.reject(new AccountsError('http', 'Sign in again.', 401)),
    });
    expect((await setup({ api }).service.refresh()).error?.code).toBe('signed-out');
  });

  it('drops answers that arrive after the account changed', async () => {
    let owner = 'demo|a@example.com';
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = fakeApi({
      balance: async () => {
        await gate;
        return balance;
      },
    });
    const { service, cache } = setup({ api, owner: () => owner });
    const refreshing = service.refresh();
    owner = 'demo|b@example.com';
    release();
    await refreshing;
    expect(cache.read()).toEqual(EMPTY_EARNINGS_CACHE);
    expect(service.view().snapshot).toBeNull();
  });
});

describe('the snapshot cache file', () => {
  it('survives a restart', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'earnings-cache-'));
    const value = { owner: 'demo|partner@example.com', snapshot: snapshotAt('2026-11-21T06:30:00.000Z') };
    openEarningsCacheFile({ cwd }).write(value);
    expect(openEarningsCacheFile({ cwd }).read()).toEqual(value);
  });

  it.each([
    ['not JSON', '{"owner": '],
    [
      'off-schema (an amount in dollars)',
      JSON.stringify({
        owner: 'x',
        snapshot: {
          ...snapshotAt('2026-11-21T06:30:00.000Z'),
          balance: { ...balance, availableCents: 38.4 },
        },
      }),
    ],
  ])('sets a damaged file aside (%s) and starts empty, never crashing', (_what, text) => {
    const cwd = mkdtempSync(join(tmpdir(), 'earnings-cache-'));
    writeFileSync(join(cwd, 'earnings-cache.json'), text);
    const file = openEarningsCacheFile({ cwd, log: () => {} });
    expect(file.read()).toEqual(EMPTY_EARNINGS_CACHE);
    expect(file.setAside).toMatch(/earnings-cache\.json\..+\.invalid$/u);
    expect(readdirSync(cwd).filter((name) => name.endsWith('.invalid'))).toHaveLength(1);
  });
});
