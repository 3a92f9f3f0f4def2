import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgramEvent } from '../../../shared/accounts-api.ts';
import type { Notice } from '../../../shared/bridge/live.ts';
import type { BridgeEventMessage } from '../../../shared/bridge.ts';
import { NotificationSettings } from '../../../shared/live-settings.ts';
import { availableBalance, programStatus } from '../../../shared/testing/accounts-api-fixtures.ts';
import { createEventHub } from '../event-hub.ts';
import { createNotificationService } from './notification-service.ts';
import { openNotificationStateFile } from './state.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'notifier-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-11-21T12:00:00.000Z');

function earned(id: string, cents: number, eventId = id): ProgramEvent {
  return {
    id: eventId,
    at: '2026-11-21T12:00:00.000Z',
    type: 'commission.earned',
    data: { commissionId: `c${id}`, purchaseId: `p${id}`, referralId: 'r1', amountCents: cents },
  };
}

/** A notifier on the state file in `dir`, as one run of the app would have it. */
function run(options: { now?: () => number; settings?: NotificationSettings } = {}) {
  const events = createEventHub();
  const seen: BridgeEventMessage[] = [];
  events.subscribe((message) => seen.push(message));
  const delivered: Notice[] = [];
  const service = createNotificationService({
    store: openNotificationStateFile({ cwd: dir }),
    settings: () => options.settings ?? NotificationSettings.parse({}),
    language: () => 'en',
    events,
    sink: { deliver: (notice) => delivered.push(notice) },
    burstMs: 10_000, // flushed by hand
    now: options.now ?? (() => NOW),
    localMinutes: () => 12 * 60,
  });
  return { service, delivered, seen, events };
}

describe('the notifier', () => {
  it('tells one event once, also after a restart that replays it', async () => {
    const first = run();
    first.service.handleEvents([earned('1', 1260)]);
    await first.service.flush();
    expect(first.delivered.map((n) => n.title)).toEqual(['New commission +$12.60']);
    expect(first.seen.filter((m) => m.event === 'notification')).toHaveLength(1);

    // The next run resumes from an older position and gets the same event again, plus a new one.
    const second = run();
    second.service.handleEvents([earned('1', 1260), earned('2', 500)]);
    await second.service.flush();
    expect(second.delivered.map((n) => n.title)).toEqual(['New commission +$5.00']);
    expect(second.service.lastHeld()).toEqual([{ key: 'commission:c1', reason: 'duplicate' }]);
  });

  it('gathers a burst into one summary', async () => {
    const { service, delivered } = run();
    service.handleEvents([1000, 1500, 1300, 1200, 1300].map((cents, i) => earned(String(i), cents)));
    await service.flush();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ kind: 'summary', title: '5 new commissions, +$63.00', count: 5 });
  });

  it('holds notifications while paused and does not bring them back after', async () => {
    let now = NOW;
    const { service, delivered, seen } = run({ now: () => now });
    const pause = service.setPause('1h');
    expect(pause.pausedUntil).toBe('2026-11-21T13:00:00.000Z');
    expect(seen.at(-1)).toEqual({ event: 'notificationPauseChanged', payload: pause });
    service.handleEvents([earned('1', 100)]);
    await service.flush();
    expect(delivered).toEqual([]);
    expect(service.lastHeld()).toEqual([{ key: 'commission:c1', reason: 'paused' }]);
    // The tray still shows new earnings.
    expect(service.unseenEarnings()).toBe(true);

    now += 60 * 60 * 1000;
    expect(service.pause().pausedUntil).toBeNull();
    service.handleEvents([earned('1', 100), earned('2', 200)]);
    await service.flush();
    expect(delivered.map((n) => n.title)).toEqual(['New commission +$2.00']);
  });

  it('keeps the pause and the trading switch across restarts', () => {
    run().service.setTrading(true);
    expect(run().service.pause()).toEqual({ pausedUntil: null, trading: true });
  });

  it('opens the companion on the notified item and clears new earnings', async () => {
    const { service, delivered, seen } = run();
    service.handleEvents([earned('7', 300)]);
    await service.flush();
    const id = delivered[0]?.id ?? '';
    expect(service.open(id)).toEqual({ section: 'earnings', itemId: 'c7' });
    expect(seen.at(-1)).toEqual({ event: 'navigate', payload: { section: 'earnings', itemId: 'c7' } });
    expect(service.unseenEarnings()).toBe(false);
    expect(() => service.open('nope')).toThrow(/no longer available/);
  });

  it('delivers after the burst window on its own', async () => {
    const events = createEventHub();
    const delivered: Notice[] = [];
    const service = createNotificationService({
      store: openNotificationStateFile({ cwd: dir }),
      settings: () => NotificationSettings.parse({}),
      language: () => 'ru',
      events,
      sink: { deliver: (notice) => delivered.push(notice) },
      burstMs: 20,
    });
    service.handleEvents([earned('1', 100)]);
    service.handleEvents([earned('2', 250)]);
    await expect.poll(() => delivered.length).toBe(1);
    expect(delivered[0]?.title).toMatch(/^2 новые комиссии, \+3,50\s\$$/u);
  });

  it('tells when the balance crosses the withdrawal thresholds, once, and a license the balance could renew', async () => {
    const events = createEventHub();
    const delivered: Notice[] = [];
    const licenses = {
      items: [
        {
          productId: 'crypto',
          productName: 'Crypto',
          kind: 'platform' as const,
          lifetime: false,
          availableTill: '2026-11-25T00:00:00.000Z',
        },
        {
          productId: 'tpo',
          productName: 'TPO',
          kind: 'addon' as const,
          lifetime: false,
          availableTill: '2027-06-01T00:00:00.000Z',
        },
      ],
    };
    const catalog = {
      items: [
        {
          sku: 'crypto-1m',
          productId: 'crypto',
          productName: 'Crypto',
          kind: 'platform' as const,
          term: '1m' as const,
          priceCents: 5000,
        },
        {
          sku: 'tpo-1m',
          productId: 'tpo',
          productName: 'TPO',
          kind: 'addon' as const,
          term: '1m' as const,
          priceCents: 2000,
        },
      ],
    };
    const service = createNotificationService({
      store: openNotificationStateFile({ cwd: dir }),
      settings: () => NotificationSettings.parse({}),
      language: () => 'en',
      events,
      lookups: { enrich: async (o) => o, licenseInputs: async () => ({ licenses, catalog }) },
      sink: { deliver: (notice) => delivered.push(notice) },
      burstMs: 10_000,
      now: () => NOW,
      localMinutes: () => 12 * 60,
    });
    const balance = (available: number) => availableBalance(available, { asOf: '2026-11-21T12:00:00.000Z' });
    const program = (available: number, eligible: boolean) =>
      programStatus({ referralsCount: 3 }, { availableCents: available, eligible });
    // First look: below the minimum, and not enough to renew Crypto.
    await service.checkThresholdAndExpiry({ program: program(4000, false), balance: balance(4000) });
    await service.flush();
    expect(delivered).toEqual([]);
    await service.checkThresholdAndExpiry({ program: program(6000, true), balance: balance(6000) });
    await service.flush();
    expect(delivered[0]).toMatchObject({
      kind: 'summary',
      body: '1 withdrawal alert · 1 license expiring',
    });
    // Still eligible, same license: nothing new.
    await service.checkThresholdAndExpiry({ program: program(6100, true), balance: balance(6100) });
    await service.flush();
    expect(delivered).toHaveLength(1);
  });

  it('tells what auto-apply offered or did, once, also after a restart', async () => {
    const offer = {
      productId: 'crypto',
      productName: 'Crypto',
      sku: 'crypto-1m',
      term: '1m' as const,
      priceCents: 4999,
      creditCents: 3000,
      remainderCents: 1999,
      availableTill: '2026-11-25T00:00:00.000Z',
    };
    const credit = {
      id: 'cr1',
      sku: 'crypto-1m',
      priceCents: 4999,
      creditCents: 4999,
      remainderCents: 0,
      status: 'applied' as const,
      checkoutUrl: null,
      createdAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
    };
    const first = run();
    const { events } = first;
    events.emit('autoApplyNotice', { kind: 'offer', offer });
    await first.service.flush();
    expect(first.delivered).toMatchObject([
      {
        kind: 'license',
        title: 'Renew Crypto from your balance?',
        body: '$30.00 from your balance, $19.99 left to pay. Open to confirm.',
        target: { section: 'licenses', itemId: 'crypto' },
      },
    ]);
    events.emit('autoApplyNotice', { kind: 'applied', productName: 'Crypto', credit });
    await first.service.flush();
    expect(first.delivered[1]).toMatchObject({
      title: 'Crypto: $49.99 applied from your balance',
      body: 'The license is renewed.',
    });
    await first.service.close();

    // The same renewal seen again by the next run is not news.
    const second = run();
    second.events.emit('autoApplyNotice', { kind: 'applied', productName: 'Crypto', credit });
    await second.service.flush();
    expect(second.delivered).toEqual([]);
  });

  it('keeps auto-apply notices off when license notices are switched off', async () => {
    const settings = NotificationSettings.parse({});
    const { service, delivered, events } = run({
      settings: { ...settings, kinds: { ...settings.kinds, license: false } },
    });
    events.emit('autoApplyNotice', {
      kind: 'applied',
      productName: 'Crypto',
      credit: {
        id: 'cr2',
        sku: 'crypto-1m',
        priceCents: 4999,
        creditCents: 4999,
        remainderCents: 0,
        status: 'applied',
        checkoutUrl: null,
        createdAt: '2026-11-21T12:00:00.000Z',
        updatedAt: '2026-11-21T12:00:00.000Z',
      },
    });
    await service.flush();
    expect(delivered).toEqual([]);
  });
});

describe('the catch-up after quiet hours', () => {
  /** Local midnight of the test's day (the injected local clock is UTC here). */
  const DAY = Date.parse('2026-11-21T00:00:00.000Z');
  const at = (hhmm: string, day = 0) => {
    const [h, m] = hhmm.split(':').map(Number);
    return DAY + day * 86_400_000 + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
  };
  const QUIET = NotificationSettings.parse({ quietHours: { enabled: true, from: '22:00', to: '07:00' } });

  function referral(id: string): ProgramEvent {
    return {
      id: `e${id}`,
      at: '2026-11-21T23:00:00.000Z',
      type: 'referral.registered',
      data: { id, displayName: 'Jane Doe', registeredAt: '2026-11-21T23:00:00.000Z' },
    };
  }
  function reversed(id: string, cents: number): ProgramEvent {
    return {
      id: `x${id}`,
      at: '2026-11-21T23:00:00.000Z',
      type: 'commission.reversed',
      data: { commissionId: `c${id}`, purchaseId: `p${id}`, referralId: 'r1', amountCents: cents },
    };
  }

  /** The timer the service arms, driven by hand: `tick()` is a minute passing on the check. */
  function handTicker() {
    const ticks = new Set<() => void>();
    const periods: number[] = [];
    return {
      every(ms: number, tick: () => void) {
        periods.push(ms);
        const entry = () => tick();
        ticks.add(entry);
        return () => ticks.delete(entry);
      },
      get armed() {
        return ticks.size;
      },
      periods,
      tick() {
        for (const tick of [...ticks]) tick();
      },
    };
  }

  /** One run of the app on the state file in `dir`, at a clock the test moves. */
  function quietRun(
    clock: { now: number },
    options: { settings?: () => NotificationSettings; language?: 'en' | 'ru' } = {},
  ) {
    const events = createEventHub();
    const seen: BridgeEventMessage[] = [];
    events.subscribe((message) => seen.push(message));
    const delivered: Notice[] = [];
    const ticker = handTicker();
    let ids = 0;
    const service = createNotificationService({
      store: openNotificationStateFile({ cwd: dir }),
      settings: options.settings ?? (() => QUIET),
      language: () => options.language ?? 'en',
      events,
      sink: { deliver: (notice) => delivered.push(notice) },
      burstMs: 10_000, // flushed by hand
      now: () => clock.now,
      localMinutes: (ms) => Math.floor((ms - DAY) / 60_000) % 1440,
      newId: () => `n${++ids}`,
      every: ticker.every,
      catchUpCheckMs: 60_000,
    });
    /** A check of the timer, and whatever it set going. */
    const tick = async () => {
      ticker.tick();
      await service.catchUp();
    };
    return { service, delivered, seen, ticker, tick };
  }

  it('tells what quiet hours held, across midnight, in one summary when they end, once', async () => {
    const clock = { now: at('23:30') };
    const { service, delivered, seen, ticker, tick } = quietRun(clock);
    expect(ticker.armed).toBe(0);
    service.handleEvents([earned('1', 1000), earned('2', 130), referral('r9')]);
    await service.flush();
    expect(delivered).toEqual([]);
    expect(service.lastHeld().map((h) => h.reason)).toEqual(['quiet-hours', 'quiet-hours', 'quiet-hours']);
    expect(ticker.armed).toBe(1);
    expect(ticker.periods).toEqual([60_000]);

    // Past midnight, still quiet: one more, and nothing is told.
    clock.now = at('02:10', 1);
    service.handleEvents([earned('3', 100)]);
    await service.flush();
    clock.now = at('06:59', 1);
    await tick();
    expect(delivered).toEqual([]);

    clock.now = at('07:00', 1);
    await tick();
    expect(delivered).toEqual([
      {
        id: 'n1',
        kind: 'summary',
        title: 'While quiet hours were on',
        body: '3 new commissions, +$12.30 · 1 new referral',
        at: '2026-11-22T07:00:00.000Z',
        count: 4,
        amountCents: 1230,
        target: { section: 'earnings' },
      },
    ]);
    expect(seen.filter((m) => m.event === 'notification')).toHaveLength(1);
    expect(service.recent()[0]?.id).toBe('n1');
    // Told: the timer stops, and nothing brings it back.
    expect(ticker.armed).toBe(0);
    clock.now = at('07:01', 1);
    await tick();
    await service.flush();
    expect(delivered).toHaveLength(1);

    // Clickable like any notice: opens earnings and clears "new earnings".
    expect(service.unseenEarnings()).toBe(true);
    expect(service.open('n1')).toEqual({ section: 'earnings' });
    expect(seen.at(-1)).toEqual({ event: 'navigate', payload: { section: 'earnings' } });
    expect(service.unseenEarnings()).toBe(false);
  });

  it('speaks Russian', async () => {
    const clock = { now: at('23:00') };
    const { service, delivered, tick } = quietRun(clock, { language: 'ru' });
    service.handleEvents([earned('1', 1000), earned('2', 130), earned('3', 100), referral('r9')]);
    await service.flush();
    clock.now = at('07:00', 1);
    await tick();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.title).toBe('Пока действовали тихие часы');
    expect(delivered[0]?.body).toMatch(/^3 новые комиссии, \+12,30\s\$ · 1 новый реферал$/u);
  });

  it('counts only what quiet hours held: not duplicates, not kinds switched off', async () => {
    const settings = NotificationSettings.parse({
      quietHours: QUIET.quietHours,
      kinds: { referral: false },
    });
    const clock = { now: at('21:00') };
    const { service, delivered, tick } = quietRun(clock, { settings: () => settings });
    service.handleEvents([earned('1', 1000)]);
    await service.flush();
    expect(delivered.map((n) => n.title)).toEqual(['New commission +$10.00']);

    clock.now = at('23:00');
    // c1 again (told before), c2 twice in one batch, a referral whose kind is off, a reversal.
    service.handleEvents([earned('1', 1000), earned('2', 500), earned('2', 500), referral('r9')]);
    await service.flush();
    expect(service.lastHeld()).toEqual([
      { key: 'commission:c1', reason: 'duplicate' },
      { key: 'commission:c2', reason: 'quiet-hours' },
      { key: 'commission:c2', reason: 'duplicate' },
      { key: 'referral:r9', reason: 'kind-off' },
    ]);
    // c2 again in a later batch (a poll or a replay) is still one.
    service.handleEvents([earned('2', 500), reversed('1', -200)]);
    await service.flush();

    clock.now = at('07:00', 1);
    await tick();
    expect(delivered).toHaveLength(2);
    expect(delivered[1]).toMatchObject({
      title: 'While quiet hours were on',
      body: '1 new commission, +$5.00 · 1 commission reversed, −$2.00',
      count: 2,
      amountCents: 300,
      target: { section: 'earnings' },
    });
  });

  it('keeps it across a restart in the middle of quiet hours, and tells it once after', async () => {
    const clock = { now: at('23:00') };
    const first = quietRun(clock);
    first.service.handleEvents([earned('1', 700), earned('2', 300)]);
    await first.service.flush();
    await first.service.close();
    expect(first.ticker.armed).toBe(0);

    // The companion is restarted at 03:00: the waiting summary arms the check at once.
    clock.now = at('03:00', 1);
    const second = quietRun(clock);
    expect(second.ticker.armed).toBe(1);
    second.service.handleEvents([earned('2', 300), earned('3', 50)]);
    await second.service.flush();
    await second.tick();
    expect(second.delivered).toEqual([]);
    await second.service.close();

    // Next start is after quiet hours ended (the app was closed at 07:00): the first check tells it.
    clock.now = at('08:15', 1);
    const third = quietRun(clock);
    expect(third.delivered).toEqual([]);
    await third.tick();
    expect(third.delivered).toMatchObject([
      { body: '3 new commissions, +$10.50', count: 3, amountCents: 1050 },
    ]);
    await third.service.close();

    // And never again.
    const fourth = quietRun(clock);
    expect(fourth.ticker.armed).toBe(0);
    await fourth.tick();
    await fourth.service.flush();
    expect(fourth.delivered).toEqual([]);
  });

  it('loads a state file written before the catch-up existed', async () => {
    writeFileSync(
      join(dir, 'notifications.json'),
      JSON.stringify({
        v: 1,
        scope: 'demo:default',
        lastEventId: '42',
        notified: ['commission:c1'],
        pausedUntil: null,
        trading: false,
        unseenEarnings: true,
        eligible: true,
      }),
    );
    const store = openNotificationStateFile({ cwd: dir });
    expect(store.setAside).toBeUndefined();
    expect(store.read()).toMatchObject({ lastEventId: '42', notified: ['commission:c1'], quietHeld: [] });
    const clock = { now: at('08:00') };
    const { ticker, tick, delivered } = quietRun(clock);
    expect(ticker.armed).toBe(0);
    await tick();
    expect(delivered).toEqual([]);
  });

  it('tells nothing when nothing was held, and arms no timer', async () => {
    const clock = { now: at('21:30') };
    const { service, delivered, ticker, tick } = quietRun(clock);
    service.handleEvents([earned('1', 100)]);
    await service.flush();
    expect(delivered.map((n) => n.title)).toEqual(['New commission +$1.00']);
    clock.now = at('23:00');
    await tick();
    clock.now = at('07:00', 1);
    await tick();
    await service.flush();
    expect(delivered).toHaveLength(1);
    expect(ticker.armed).toBe(0);
    expect(ticker.periods).toEqual([]);
  });

  it('waits for a pause that outlasts quiet hours, then tells it', async () => {
    const clock = { now: at('23:00') };
    const { service, delivered, tick } = quietRun(clock);
    service.handleEvents([earned('1', 400)]);
    await service.flush();
    clock.now = at('06:30', 1);
    expect(service.setPause('1h').pausedUntil).toBe('2026-11-22T07:30:00.000Z');
    clock.now = at('07:00', 1);
    await tick();
    // Held while paused (after quiet hours): not part of the summary, and not told later either.
    service.handleEvents([earned('2', 900)]);
    await service.flush();
    expect(service.lastHeld()).toEqual([{ key: 'commission:c2', reason: 'paused' }]);
    clock.now = at('07:29', 1);
    await tick();
    expect(delivered).toEqual([]);

    clock.now = at('07:30', 1);
    await tick();
    expect(delivered).toMatchObject([
      { title: 'While quiet hours were on', body: '1 new commission, +$4.00', count: 1 },
    ]);
  });

  it('waits for "I\'m trading" to be switched off, and tells it at once then', async () => {
    const clock = { now: at('23:00') };
    const { service, delivered, tick } = quietRun(clock);
    service.handleEvents([earned('1', 400)]);
    await service.flush();
    clock.now = at('06:00', 1);
    service.setTrading(true);
    clock.now = at('07:00', 1);
    await tick();
    clock.now = at('11:00', 1);
    await tick();
    expect(delivered).toEqual([]);

    service.setTrading(false);
    await expect.poll(() => delivered.length).toBe(1);
    expect(delivered[0]).toMatchObject({ body: '1 new commission, +$4.00' });
    await tick();
    expect(delivered).toHaveLength(1);
  });

  it('tells the summary before news that arrives after quiet hours end', async () => {
    const clock = { now: at('23:00') };
    const { service, delivered } = quietRun(clock);
    service.handleEvents([earned('1', 400)]);
    await service.flush();
    clock.now = at('07:00', 1);
    service.handleEvents([earned('2', 250)]);
    await service.flush();
    expect(delivered.map((n) => n.title)).toEqual(['While quiet hours were on', 'New commission +$2.50']);
  });

  it('tells it when quiet hours are switched off, without the kinds switched off since', async () => {
    let settings = QUIET;
    const clock = { now: at('23:00') };
    const { service, delivered, ticker, tick } = quietRun(clock, { settings: () => settings });
    service.handleEvents([earned('1', 400), referral('r9')]);
    await service.flush();
    settings = NotificationSettings.parse({
      quietHours: { ...QUIET.quietHours, enabled: false },
      kinds: { commission: false },
    });
    await tick();
    expect(delivered).toMatchObject([
      {
        title: 'While quiet hours were on',
        body: '1 new referral',
        count: 1,
        target: { section: 'referrals' },
      },
    ]);
    expect(delivered[0]?.amountCents).toBeUndefined();
    expect(ticker.armed).toBe(0);
  });

  it('drops it silently when every kind in it was switched off since', async () => {
    let settings = QUIET;
    const clock = { now: at('23:00') };
    const { service, delivered, ticker, tick } = quietRun(clock, { settings: () => settings });
    service.handleEvents([earned('1', 400)]);
    await service.flush();
    settings = NotificationSettings.parse({ quietHours: QUIET.quietHours, kinds: { commission: false } });
    clock.now = at('07:00', 1);
    await tick();
    expect(delivered).toEqual([]);
    expect(ticker.armed).toBe(0);
    expect(openNotificationStateFile({ cwd: dir }).read().quietHeld).toEqual([]);
  });
});
