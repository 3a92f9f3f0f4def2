import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgramEvent } from '../../../shared/accounts-api.ts';
import type { Notice } from '../../../shared/bridge/live.ts';
import type { BridgeEventMessage } from '../../../shared/bridge.ts';
import { NotificationSettings } from '../../../shared/live-settings.ts';
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
      data: { enrich: async (o) => o, licenseInputs: async () => ({ licenses, catalog }) },
      sink: { deliver: (notice) => delivered.push(notice) },
      burstMs: 10_000,
      now: () => NOW,
      localMinutes: () => 12 * 60,
    });
    const balance = (available: number, earned: number) => ({
      availableCents: available,
      pendingCents: 0,
      reservedCents: 0,
      paidOutCents: 0,
      creditedCents: 0,
      cancelledCents: 0,
      earnedCents: earned,
      reversedCents: 0,
      asOf: '2026-11-21T12:00:00.000Z',
    });
    const program = (available: number, eligible: boolean) => ({
      status: 'active' as const,
      disqualifiedAt: null,
      disqualificationReason: null,
      rateBp: 1500,
      rateSource: 'terms' as const,
      termsVersion: 2,
      referralsCount: 3,
      withdrawal: { minPayoutCents: 5000, minReferrals: 3, availableCents: available, eligible },
    });
    // First look: below the minimum, and not enough to renew Crypto.
    await service.checkDerived({ program: program(4000, false), balance: balance(4000, 4000) });
    await service.flush();
    expect(delivered).toEqual([]);
    await service.checkDerived({ program: program(6000, true), balance: balance(6000, 6000) });
    await service.flush();
    expect(delivered[0]).toMatchObject({
      kind: 'summary',
      body: '1 withdrawal alert · 1 license expiring',
    });
    // Still eligible, same license: nothing new.
    await service.checkDerived({ program: program(6100, true), balance: balance(6100, 6100) });
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
