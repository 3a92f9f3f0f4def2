import { describe, expect, it } from 'vitest';
import { NotificationSettings } from '../../../shared/live-settings.ts';
import type { Occurrence } from './occurrences.ts';
import { maskName, occurrenceOf } from './occurrences.ts';
import {
  addQuietHeld,
  compose,
  composeQuietCatchUp,
  decide,
  inQuietHours,
  nextLocalMidnight,
  type PolicyInput,
  silence,
} from './policy.ts';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');

function commission(id: string, cents: number): Occurrence {
  const occurrence = occurrenceOf({
    id: '1',
    at: '2026-11-21T12:00:00.000Z',
    type: 'commission.earned',
    data: { commissionId: id, purchaseId: `p${id}`, referralId: 'r1', amountCents: cents },
  });
  if (!occurrence) throw new Error('expected an occurrence');
  return occurrence;
}

function input(overrides: Partial<PolicyInput> = {}): PolicyInput {
  return {
    settings: NotificationSettings.parse({}),
    pause: { pausedUntil: null, trading: false },
    now: NOW,
    localMinutes: 12 * 60,
    alreadyNotified: () => false,
    ...overrides,
  };
}

describe('the notification policy', () => {
  it('shows what is new and holds what was told before, also twice in one batch', () => {
    const told = new Set(['commission:c1']);
    const decision = decide(
      [commission('c1', 100), commission('c2', 200), commission('c2', 200)],
      input({
        alreadyNotified: (key) => told.has(key),
      }),
    );
    expect(decision.show.map((o) => o.key)).toEqual(['commission:c2']);
    expect(decision.held.map((h) => [h.occurrence.key, h.reason])).toEqual([
      ['commission:c1', 'duplicate'],
      ['commission:c2', 'duplicate'],
    ]);
  });

  it('holds a kind that is switched off, and only that kind', () => {
    const settings = NotificationSettings.parse({ kinds: { commission: false } });
    const referral = occurrenceOf({
      id: '2',
      at: '2026-11-21T12:00:00.000Z',
      type: 'referral.registered',
      data: { id: 'r9', displayName: 'Jane Doe', registeredAt: '2026-11-21T12:00:00.000Z' },
    }) as Occurrence;
    const decision = decide([commission('c1', 100), referral], input({ settings }));
    expect(decision.show.map((o) => o.kind)).toEqual(['referral']);
    expect(decision.held[0]?.reason).toBe('kind-off');
  });

  it('holds everything while paused, until the pause ends', () => {
    const pause = { pausedUntil: NOW + 60_000, trading: false };
    expect(decide([commission('c1', 1)], input({ pause })).held[0]?.reason).toBe('paused');
    expect(decide([commission('c1', 1)], input({ pause, now: NOW + 60_000 })).show).toHaveLength(1);
  });

  it('holds everything while the "I\'m trading" switch is on', () => {
    const decision = decide([commission('c1', 1)], input({ pause: { pausedUntil: null, trading: true } }));
    expect(decision.held[0]?.reason).toBe('trading');
  });

  it('holds during quiet hours, which may wrap past midnight', () => {
    const quiet = { enabled: true, from: '22:00', to: '07:00' };
    expect(inQuietHours(quiet, 23 * 60)).toBe(true);
    expect(inQuietHours(quiet, 0)).toBe(true);
    expect(inQuietHours(quiet, 6 * 60 + 59)).toBe(true);
    expect(inQuietHours(quiet, 7 * 60)).toBe(false);
    expect(inQuietHours(quiet, 21 * 60 + 59)).toBe(false);
    expect(inQuietHours({ enabled: true, from: '13:00', to: '14:00' }, 13 * 60 + 30)).toBe(true);
    expect(inQuietHours({ enabled: true, from: '13:00', to: '14:00' }, 14 * 60)).toBe(false);
    expect(inQuietHours({ ...quiet, enabled: false }, 23 * 60)).toBe(false);
    const settings = NotificationSettings.parse({ quietHours: quiet });
    expect(decide([commission('c1', 1)], input({ settings, localMinutes: 23 * 60 })).held[0]?.reason).toBe(
      'quiet-hours',
    );
    expect(decide([commission('c1', 1)], input({ settings, localMinutes: 12 * 60 })).show).toHaveLength(1);
  });

  it('tells one commission with its amount', () => {
    const notice = compose([commission('c1', 1260)], 'en', 'n1', '2026-11-21T12:00:00.000Z');
    expect(notice).toMatchObject({
      kind: 'commission',
      title: 'New commission +$12.60',
      count: 1,
      amountCents: 1260,
      target: { section: 'earnings', itemId: 'c1' },
    });
  });

  it('turns a burst into one summary with the total', () => {
    const burst = [1000, 1500, 1300, 1200, 1300].map((cents, i) => commission(`c${i}`, cents));
    const notice = compose(burst, 'en', 'n1', '2026-11-21T12:00:00.000Z');
    expect(notice).toMatchObject({
      kind: 'summary',
      title: '5 new commissions, +$63.00',
      count: 5,
      amountCents: 6300,
      target: { section: 'earnings' },
    });
    expect(compose(burst, 'ru', 'n1', '2026-11-21T12:00:00.000Z').title).toMatch(
      /^5 новых комиссий, \+63,00\s\$$/u,
    );
  });

  it('summarises mixed kinds part by part', () => {
    const referral = occurrenceOf({
      id: '2',
      at: '2026-11-21T12:00:00.000Z',
      type: 'referral.registered',
      data: { id: 'r9', displayName: 'Jane Doe', registeredAt: '2026-11-21T12:00:00.000Z' },
    }) as Occurrence;
    const notice = compose([commission('a', 500), commission('b', 250), referral], 'en', 'n', NOW.toString());
    expect(notice.title).toBe('3 updates');
    expect(notice.body).toBe('2 new commissions, +$7.50 · 1 new referral');
    expect(notice.amountCents).toBe(750);
  });

  it('masks referral names and ignores what the user did themselves', () => {
    expect(maskName('Jane  Doe')).toBe('J*** D***');
    expect(maskName('Ёжик')).toBe('Ё***');
    const payout = {
      id: 'p1',
      amountCents: 5000,
      method: 'paypal' as const,
      destination: 'a@b.example',
      status: 'requested' as const,
      reason: null,
      termsVersion: 2,
      requestedAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
    };
    expect(
      occurrenceOf({ id: '3', at: payout.updatedAt, type: 'payout.status', data: payout }),
    ).toBeUndefined();
    expect(
      occurrenceOf({
        id: '4',
        at: payout.updatedAt,
        type: 'payout.status',
        data: { ...payout, status: 'paid' },
      })?.key,
    ).toBe('payout:p1:paid');
  });

  it('pauses "until tomorrow" to the next local midnight', () => {
    const evening = new Date(2026, 10, 21, 23, 30);
    expect(new Date(nextLocalMidnight(evening))).toEqual(new Date(2026, 10, 22, 0, 0));
  });

  it('counts what quiet hours held per kind, with the net money of commissions and reversals only', () => {
    const referral = occurrenceOf({
      id: '2',
      at: '2026-11-21T12:00:00.000Z',
      type: 'referral.registered',
      data: { id: 'r9', displayName: 'Jane Doe', registeredAt: '2026-11-21T12:00:00.000Z' },
    }) as Occurrence;
    const payout = occurrenceOf({
      id: '3',
      at: '2026-11-21T12:00:00.000Z',
      type: 'payout.status',
      data: {
        id: 'po1',
        amountCents: 5000,
        method: 'usdt-trc20',
        destination: 'T***',
        status: 'paid',
        reason: null,
        termsVersion: 2,
        requestedAt: '2026-11-21T12:00:00.000Z',
        updatedAt: '2026-11-21T12:00:00.000Z',
      },
    }) as Occurrence;
    const parts = addQuietHeld(addQuietHeld([], [referral, commission('a', 500)]), [
      commission('b', 730),
      payout,
    ]);
    expect(parts).toEqual([
      { kind: 'referral', count: 1, amountCents: 0, section: 'referrals' },
      { kind: 'commission', count: 2, amountCents: 1230, section: 'earnings' },
      { kind: 'payout', count: 1, amountCents: 0, section: 'payouts' },
    ]);
    const settings = NotificationSettings.parse({});
    const notice = composeQuietCatchUp(parts, settings, 'en', 'q', '2026-11-22T07:00:00.000Z');
    expect(notice).toEqual({
      id: 'q',
      kind: 'summary',
      title: 'While quiet hours were on',
      // In the kinds' usual order, whatever order they came in.
      body: '2 new commissions, +$12.30 · 1 new referral · 1 payout update',
      at: '2026-11-22T07:00:00.000Z',
      count: 4,
      amountCents: 1230,
      target: { section: 'earnings' },
    });
    const ru = composeQuietCatchUp(parts, settings, 'ru', 'q', '2026-11-22T07:00:00.000Z');
    expect(ru?.title).toBe('Пока действовали тихие часы');
    expect(ru?.body).toMatch(/^2 новые комиссии, \+12,30\s\$ · 1 новый реферал · 1 изменение выплаты$/u);
    // Without money it opens the first kind's section; with every kind switched off, nothing.
    const noMoney = { ...settings, kinds: { ...settings.kinds, commission: false } };
    expect(composeQuietCatchUp(parts, noMoney, 'en', 'q', NOW.toString())?.target).toEqual({
      section: 'referrals',
    });
    const none = Object.fromEntries(Object.keys(settings.kinds).map((k) => [k, false]));
    expect(
      composeQuietCatchUp(parts, { ...settings, kinds: none as typeof settings.kinds }, 'en', 'q', 'x'),
    ).toBeUndefined();
  });

  it('names the hold in force at a moment, the catch-up waiting on any of them', () => {
    const quiet = NotificationSettings.parse({ quietHours: { enabled: true, from: '22:00', to: '07:00' } });
    const at = (localMinutes: number, pause = { pausedUntil: null as number | null, trading: false }) =>
      silence({ settings: quiet, pause, now: NOW, localMinutes });
    expect(at(23 * 60)).toBe('quiet-hours');
    expect(at(6 * 60 + 59)).toBe('quiet-hours');
    expect(at(7 * 60)).toBeUndefined();
    expect(at(7 * 60, { pausedUntil: NOW + 1, trading: false })).toBe('paused');
    expect(at(7 * 60, { pausedUntil: NOW, trading: false })).toBeUndefined();
    expect(at(7 * 60, { pausedUntil: null, trading: true })).toBe('trading');
  });
});
