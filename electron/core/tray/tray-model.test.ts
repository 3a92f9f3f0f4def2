import { describe, expect, it, vi } from 'vitest';
import type { BridgeEventMessage } from '../../../shared/bridge.ts';
import { createEventHub } from '../event-hub.ts';
import { type TrayInputs, type TrayMenuItem, trayModel, trayOnDarkPanel } from './tray-model.ts';
import { createTrayService } from './tray-service.ts';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const base: TrayInputs = {
  session: 'signed-in',
  connection: 'push',
  availableCents: 6300,
  unseenEarnings: false,
  pause: { pausedUntil: null, trading: false },
  language: 'en',
  now: NOW,
};

function labels(items: TrayMenuItem[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '---' : item.label));
}

describe('the tray model in link mode', () => {
  const linkMode: TrayInputs = {
    ...base,
    session: 'signed-out',
    connection: 'signed-out',
    availableCents: null,
  };
  const enabled = (items: TrayMenuItem[], action: string) =>
    items.find((item) => item.type === 'action' && item.action === action && item.enabled) !== undefined;

  it('shares the saved link, shows no balance, and routes requests to their sections', () => {
    const model = trayModel({ ...linkMode, link: { saved: true } });
    expect(model.icon).toBe('normal');
    expect(model.tooltip).toBe('Referral Companion — Your referral link');
    expect(model.tooltip).not.toMatch(/\$/u);
    for (const action of ['copy-link', 'show-qr', 'request-payout', 'apply-license', 'open'])
      expect(enabled(model.menu, action)).toBe(true);
  });

  it('cannot copy or show a link before one is saved, and says so (in Russian too)', () => {
    const model = trayModel({ ...linkMode, link: { saved: false }, language: 'ru' });
    expect(model.tooltip).toBe('Реферальный компаньон — Реферальная ссылка не сохранена');
    expect(enabled(model.menu, 'copy-link')).toBe(false);
    expect(enabled(model.menu, 'show-qr')).toBe(false);
  });
});

describe('the tray model', () => {
  it('shows the balance, the actions and the pause submenu', () => {
    const model = trayModel(base);
    expect(model.icon).toBe('normal');
    expect(model.tooltip).toBe('Referral Companion — Available: $63.00');
    expect(labels(model.menu)).toEqual([
      'Available: $63.00',
      '---',
      'Copy referral link',
      'Show QR code',
      'Open companion',
      '---',
      'Request payout…',
      'Apply to license…',
      '---',
      'Pause notifications',
      'Settings',
      '---',
      'Quit',
    ]);
    const pause = model.menu.find((item) => item.type === 'submenu');
    expect(pause?.type === 'submenu' && labels(pause.items)).toEqual([
      'For 1 hour',
      'Until tomorrow',
      "I'm trading",
      '---',
      'Resume notifications',
    ]);
  });

  it.each([
    [{ unseenEarnings: true }, 'newEarnings'],
    [{ connection: 'offline' as const, unseenEarnings: true }, 'offline'],
    [{ session: 'signed-out' as const, connection: 'offline' as const }, 'signedOut'],
    [{ connection: 'polling' as const }, 'normal'],
  ])('picks the icon for %j', (change, icon) => {
    expect(trayModel({ ...base, ...change }).icon).toBe(icon);
  });

  it('disables what needs a sign-in while signed out', () => {
    const model = trayModel({ ...base, session: 'signed-out' });
    expect(model.tooltip).toBe('Referral Companion — Signed out');
    const enabled = Object.fromEntries(
      model.menu.flatMap((item) => (item.type === 'action' ? [[item.action, item.enabled]] : [])),
    );
    expect(enabled).toMatchObject({ 'copy-link': false, 'request-payout': false, open: true, quit: true });
  });

  it('says when it is paused, and in Russian', () => {
    const model = trayModel({
      ...base,
      language: 'ru',
      connection: 'offline',
      pause: { pausedUntil: '2026-11-21T13:00:00.000Z', trading: true },
    });
    expect(model.tooltip).toMatch(
      /^Реферальный компаньон — Доступно: 63,00\s\$\n\(нет связи, последние данные\)$/u,
    );
    const pause = model.menu.find((item) => item.type === 'submenu');
    if (pause?.type !== 'submenu') throw new Error('no submenu');
    expect(pause.items[0]).toMatchObject({
      type: 'label',
      label: expect.stringMatching(/^Приостановлено до/u),
    });
    expect(pause.items.find((item) => item.type === 'checkbox')).toMatchObject({
      label: 'Я торгую',
      checked: true,
    });
    expect(pause.items.at(-1)).toMatchObject({ action: 'resume-notifications', enabled: true });
  });
});

describe('the tray service', () => {
  function setup() {
    let inputs = base;
    const events = createEventHub();
    const seen: BridgeEventMessage[] = [];
    events.subscribe((message) => seen.push(message));
    const port = { render: vi.fn(), showWindow: vi.fn(), copyText: vi.fn(async () => {}), quit: vi.fn() };
    const pause = vi.fn();
    const setTrading = vi.fn((trading: boolean) => {
      inputs = { ...inputs, pause: { ...inputs.pause, trading } };
    });
    const service = createTrayService({
      inputs: () => inputs,
      events,
      referralLink: async () => 'https://accounts.quantower.com/referral?referral_code=QT%2B1',
      pause,
      setTrading,
    });
    service.attach(port);
    return {
      service,
      port,
      seen,
      pause,
      setTrading,
      set: (next: Partial<TrayInputs>) => (inputs = { ...inputs, ...next }),
    };
  }

  it('redraws only when the model changes', () => {
    const { service, port, set } = setup();
    expect(port.render).toHaveBeenCalledTimes(1);
    service.update();
    expect(port.render).toHaveBeenCalledTimes(1);
    set({ availableCents: 100 });
    service.update();
    expect(port.render).toHaveBeenCalledTimes(2);
    expect(port.render.mock.lastCall?.[0].tooltip).toBe('Referral Companion — Available: $1.00');
  });

  it('carries out the actions', async () => {
    const { service, port, seen, pause, setTrading } = setup();
    await service.act('copy-link');
    expect(port.copyText).toHaveBeenCalledWith(
      'https://accounts.quantower.com/referral?referral_code=QT%2B1',
    );
    await service.act('request-payout');
    expect(port.showWindow).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([{ event: 'navigate', payload: { section: 'payouts' } }]);
    await service.act('show-qr');
    expect(seen.at(-1)).toEqual({ event: 'navigate', payload: { section: 'qr' } });
    await service.act('pause-1h');
    expect(pause).toHaveBeenCalledWith('1h');
    await service.act('toggle-trading');
    await service.act('toggle-trading');
    expect(setTrading.mock.calls).toEqual([[true], [false]]);
    await service.act('quit');
    expect(port.quit).toHaveBeenCalled();
  });
});

describe('the tray icon variant', () => {
  it("follows the taskbar's scheme on Windows and the apps' scheme elsewhere", () => {
    // Windows 10's default: light apps on a dark taskbar.
    const win10 = { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true };
    expect(trayOnDarkPanel('win32', win10)).toBe(true);
    expect(trayOnDarkPanel('linux', win10)).toBe(false);
    const darkApps = { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false };
    expect(trayOnDarkPanel('win32', darkApps)).toBe(false);
    expect(trayOnDarkPanel('linux', darkApps)).toBe(true);
  });
});
