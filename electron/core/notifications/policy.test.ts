import { describe, expect, it } from 'vitest';
import { NotificationSettings } from '../../../shared/live-settings.ts';
import { payout } from '../../../shared/testing/accounts-api-fixtures.ts';
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

function reversal(id: string, cents: number): Occurrence {
  const occurrence = occurrenceOf({
    id: '5',
    at: '2026-11-21T12:00:00.000Z',
    type: 'commission.reversed',
    data: { commissionId: id, purchaseId: `p${id}`, referralId: 'r1', amountCents: cents },
  });
  if (!occurrence) throw new Error('expected an occurrence');
  return occurrence;
}

function referral(id: string): Occurrence {
  return occurrenceOf({
    id: '2',
    at: '2026-11-21T12:00:00.000Z',
    type: 'referral.registered',
    data: { id, displayName: 'Jane Doe', registeredAt: '2026-11-21T12:00:00.000Z' },
  }) as Occurrence;
}

function payoutUpdate(
  id: string,
  cents: number,
  status: 'processing' | 'paid' | 'rejected' = 'paid',
): Occurrence {
  return occurrenceOf({
    id: '3',
    at: '2026-11-21T12:00:00.000Z',
    type: 'payout.status',
    data: payout({
      id,
      amountCents: cents,
      destination: 'a***@b.example',
      status,
      requestedAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
    }),
  }) as Occurrence;
}

/** Minutes since midnight of "HH:MM". */
const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

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

  it('reads quiet hours to the minute, at both edges, across midnight', () => {
    // 22:30 → 07:15: quiet from 22:30 sharp, loud again at 07:15 sharp.
    const quiet = { enabled: true, from: '22:30', to: '07:15' };
    const quietAt = (time: string) => inQuietHours(quiet, at(time));
    expect(['21:30', '22:00', '22:29', '07:15', '07:16', '12:00'].filter(quietAt)).toEqual([]);
    expect(['22:30', '22:31', '23:59', '00:00', '06:15', '07:00', '07:14'].every(quietAt)).toBe(true);
  });

  it('reads a quiet window within one day (lunch, 12:00–13:00), edges included and excluded', () => {
    const lunch = { enabled: true, from: '12:00', to: '13:00' };
    const quietAt = (time: string) => inQuietHours(lunch, at(time));
    expect(['12:00', '12:01', '12:30', '12:59'].every(quietAt)).toBe(true);
    expect(['00:00', '11:00', '11:59', '13:00', '13:01', '23:59'].filter(quietAt)).toEqual([]);
    // With minutes at both ends.
    const short = { enabled: true, from: '08:45', to: '09:10' };
    expect(['08:44', '08:45', '09:09', '09:10'].map((time) => inQuietHours(short, at(time)))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('treats the same From and To as no quiet hours at all (Settings says so)', () => {
    for (const time of ['00:00', '07:00', '21:59', '22:00', '22:01', '23:59'])
      expect([time, inQuietHours({ enabled: true, from: '22:00', to: '22:00' }, at(time))]).toEqual([
        time,
        false,
      ]);
    expect(inQuietHours({ enabled: true, from: '00:00', to: '00:00' }, 0)).toBe(false);
    // Through the path a notice takes: nothing is held.
    const settings = NotificationSettings.parse({
      quietHours: { enabled: true, from: '22:00', to: '22:00' },
    });
    expect(decide([commission('c1', 1)], input({ settings, localMinutes: at('22:00') })).show).toHaveLength(
      1,
    );
  });

  it('holds a notice at 22:30 in quiet hours from 22:30, not at 22:29', () => {
    const settings = NotificationSettings.parse({
      quietHours: { enabled: true, from: '22:30', to: '07:00' },
    });
    expect(decide([commission('c1', 1)], input({ settings, localMinutes: at('22:29') })).show).toHaveLength(
      1,
    );
    expect(decide([commission('c1', 1)], input({ settings, localMinutes: at('22:30') })).held).toEqual([
      { occurrence: commission('c1', 1), reason: 'quiet-hours' },
    ]);
  });

  it('names trading before a pause and a pause before quiet hours', () => {
    const settings = NotificationSettings.parse({
      quietHours: { enabled: true, from: '22:00', to: '07:00' },
    });
    const night = at('23:00');
    expect(
      silence({ settings, pause: { pausedUntil: NOW + 1, trading: true }, now: NOW, localMinutes: night }),
    ).toBe('trading');
    expect(
      silence({ settings, pause: { pausedUntil: NOW + 1, trading: false }, now: NOW, localMinutes: night }),
    ).toBe('paused');
    // A pause that has ended holds nothing.
    expect(
      silence({
        settings,
        pause: { pausedUntil: NOW - 1, trading: false },
        now: NOW,
        localMinutes: at('12:00'),
      }),
    ).toBe(undefined);
  });

  it('holds a duplicate as a duplicate, even of a kind switched off or while silenced', () => {
    const settings = NotificationSettings.parse({ kinds: { commission: false } });
    const decision = decide(
      [commission('c1', 1), commission('c1', 1)],
      input({ settings, pause: { pausedUntil: null, trading: true } }),
    );
    expect(decision.held.map((h) => h.reason)).toEqual(['kind-off', 'duplicate']);
    expect(decide([commission('c2', 1)], input({ alreadyNotified: () => true })).held[0]?.reason).toBe(
      'duplicate',
    );
  });

  it('tells one occurrence without money with no amount', () => {
    const notice = compose([referral('r9')], 'en', 'n1', '2026-11-21T12:00:00.000Z');
    expect(notice).toEqual({
      id: 'n1',
      kind: 'referral',
      title: expect.any(String),
      body: expect.any(String),
      at: '2026-11-21T12:00:00.000Z',
      count: 1,
      target: { section: 'referrals', itemId: 'r9' },
    });
    expect(notice).not.toHaveProperty('amountCents');
    expect(() => compose([], 'en', 'n', 'x')).toThrow('Nothing to compose.');
  });

  it('nets a commission and its reversal in a burst to no money, still opening Earnings', () => {
    const notice = compose([commission('c1', 500), reversal('c1', -500)], 'en', 'n1', 'at');
    expect(notice).toMatchObject({
      kind: 'summary',
      title: '2 updates',
      count: 2,
      amountCents: 0,
      target: { section: 'earnings' },
    });
    // Each part still says its own money.
    expect(notice.body).toMatch(/^1 new commission, \+\$5\.00 · .*\$5\.00$/u);
    // A reversal alone is money too, and negative.
    expect(compose([reversal('a', -120), reversal('b', -80)], 'en', 'n', 'at')).toMatchObject({
      amountCents: -200,
      target: { section: 'earnings' },
    });
  });

  it('gives a burst without money no amount, and opens the section of what it is about', () => {
    const notice = compose([referral('r1'), referral('r2')], 'en', 'n1', 'at');
    expect(notice).toEqual({
      id: 'n1',
      kind: 'summary',
      title: '2 new referrals',
      body: '',
      at: 'at',
      count: 2,
      target: { section: 'referrals' },
    });
  });

  it('does not count payout updates as money in a burst', () => {
    const payouts = compose(
      [payoutUpdate('po1', 5_000), payoutUpdate('po2', 7_000, 'rejected')],
      'en',
      'n',
      'at',
    );
    expect(payouts).not.toHaveProperty('amountCents');
    expect(payouts.target).toEqual({ section: 'payouts' });
    const mixed = compose([payoutUpdate('po1', 5_000), commission('c1', 500)], 'en', 'n', 'at');
    expect(mixed).toMatchObject({ amountCents: 500, count: 2, target: { section: 'earnings' } });
  });

  it('does not count payout updates in what quiet hours held, and sums reversals in', () => {
    const parts = addQuietHeld([], [payoutUpdate('po1', 5_000), commission('a', 500), reversal('a', -500)]);
    expect(parts).toEqual([
      { kind: 'payout', count: 1, amountCents: 0, section: 'payouts' },
      { kind: 'commission', count: 1, amountCents: 500, section: 'earnings' },
      { kind: 'reversal', count: 1, amountCents: -500, section: 'earnings' },
    ]);
    const notice = composeQuietCatchUp(parts, NotificationSettings.parse({}), 'en', 'q', 'at');
    expect(notice).toMatchObject({ count: 3, amountCents: 0, target: { section: 'earnings' } });
    // Only payout updates: no amount, and a click opens Payouts.
    const payoutsOnly = composeQuietCatchUp(
      addQuietHeld([], [payoutUpdate('po1', 5_000)]),
      NotificationSettings.parse({}),
      'en',
      'q',
      'at',
    );
    expect(payoutsOnly).not.toHaveProperty('amountCents');
    expect(payoutsOnly?.target).toEqual({ section: 'payouts' });
    // A reversal held beside a referral: money, so a click opens Earnings, not the first part's Referrals.
    const reversalFirst = composeQuietCatchUp(
      addQuietHeld([], [referral('r1'), reversal('a', -500)]),
      NotificationSettings.parse({}),
      'en',
      'q',
      'at',
    );
    expect(reversalFirst).toMatchObject({ amountCents: -500, target: { section: 'earnings' } });
    // Adding to what was held does not change the parts it was given.
    const before = [
      { kind: 'commission' as const, count: 1, amountCents: 100, section: 'earnings' as const },
    ];
    addQuietHeld(before, [commission('b', 50)]);
    expect(before).toEqual([{ kind: 'commission', count: 1, amountCents: 100, section: 'earnings' }]);
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
    const requested = payout({
      id: 'p1',
      amountCents: 5000,
      destination: 'a@b.example',
      status: 'requested',
      requestedAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
    });
    expect(
      occurrenceOf({ id: '3', at: requested.updatedAt, type: 'payout.status', data: requested }),
    ).toBeUndefined();
    expect(
      occurrenceOf({
        id: '4',
        at: requested.updatedAt,
        type: 'payout.status',
        data: { ...requested, status: 'paid' },
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
    const paid = occurrenceOf({
      id: '3',
      at: '2026-11-21T12:00:00.000Z',
      type: 'payout.status',
      data: payout({
        id: 'po1',
        amountCents: 5000,
        method: 'usdt-trc20',
        destination: 'T***',
        status: 'paid',
        requestedAt: '2026-11-21T12:00:00.000Z',
        updatedAt: '2026-11-21T12:00:00.000Z',
      }),
    }) as Occurrence;
    const parts = addQuietHeld(addQuietHeld([], [referral, commission('a', 500)]), [
      commission('b', 730),
      paid,
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
