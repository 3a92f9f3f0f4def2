import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { FakeBridge } from '../testing/fake-bridge.ts';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(() => cleanup());

function renderApp() {
  render(<CompanionRoot bridge={bridge.api} />);
}

async function openSettings() {
  const user = userEvent.setup();
  renderApp();
  await user.click(screen.getByTestId('tab-settings'));
  await screen.findByTestId('notification-settings');
  return user;
}

describe('live settings', () => {
  it('switches a notification kind off with a patch of just that kind', async () => {
    const user = await openSettings();
    const toggle = await screen.findByTestId('setting-notify-referral');
    await waitFor(() => expect((toggle as HTMLInputElement).disabled).toBe(false));
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user.click(toggle);
    expect(bridge.settingsPatches.at(-1)).toEqual({ notifications: { kinds: { referral: false } } });
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(false));
  });

  it('turns quiet hours on, pauses, and switches "I\'m trading"', async () => {
    const user = await openSettings();
    const quiet = await screen.findByTestId('setting-quiet-hours');
    await waitFor(() => expect((quiet as HTMLInputElement).disabled).toBe(false));
    await user.click(quiet);
    expect(bridge.settingsPatches.at(-1)).toEqual({ notifications: { quietHours: { enabled: true } } });

    await user.click(screen.getByTestId('pause-1h'));
    expect(await screen.findByTestId('paused-until')).toBeTruthy();
    await user.click(screen.getByTestId('pause-resume'));
    await waitFor(() => expect(screen.queryByTestId('paused-until')).toBeNull());

    await user.click(screen.getByTestId('setting-trading'));
    expect(bridge.live.pause.trading).toBe(true);
    expect(screen.getByTestId('live-status').dataset.connection).toBe('push');
  });

  it('says that quiet hours with the same From and To never apply', async () => {
    bridge.settings = {
      ...bridge.settings,
      notifications: {
        ...bridge.settings.notifications,
        quietHours: { enabled: true, from: '22:00', to: '22:00' },
      },
    };
    await openSettings();
    expect((await screen.findByTestId('quiet-never')).textContent).toBe(
      'With the same time in From and To, quiet hours never apply.',
    );
    cleanup();
    bridge.settings = {
      ...bridge.settings,
      notifications: {
        ...bridge.settings.notifications,
        quietHours: { enabled: true, from: '22:00', to: '07:00' },
      },
    };
    await openSettings();
    await waitFor(() =>
      expect((screen.getByTestId('setting-quiet-hours') as HTMLInputElement).checked).toBe(true),
    );
    expect(screen.queryByTestId('quiet-never')).toBeNull();
  });

  it('opens the section a notification click asks for', async () => {
    renderApp();
    act(() => bridge.live.emit('navigate', { section: 'payouts', itemId: 'p1' }));
    await waitFor(() => expect(screen.getByTestId('tab-payouts').getAttribute('aria-selected')).toBe('true'));
    act(() => bridge.live.emit('navigate', { section: 'settings' }));
    await waitFor(() =>
      expect(screen.getByTestId('tab-settings').getAttribute('aria-selected')).toBe('true'),
    );
    // Core names the Referral section as the renderer does (a disqualification opens it).
    act(() => bridge.live.emit('navigate', { section: 'referral' }));
    await waitFor(() =>
      expect(screen.getByTestId('tab-referral').getAttribute('aria-selected')).toBe('true'),
    );
  });

  it('opens the QR dialog for the tray\'s "Show QR code"', async () => {
    renderApp();
    await userEvent.setup().click(screen.getByTestId('tab-settings'));
    act(() => bridge.live.emit('navigate', { section: 'qr' }));
    await waitFor(() =>
      expect(screen.getByTestId('tab-referral').getAttribute('aria-selected')).toBe('true'),
    );
    await waitFor(() => expect((screen.getByTestId('qr-dialog') as HTMLDialogElement).open).toBe(true));
  });

  describe('desktop notifications from the browser shell', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'Notification');
    afterEach(() => {
      if (original) Object.defineProperty(globalThis, 'Notification', original);
      else Reflect.deleteProperty(globalThis, 'Notification');
    });

    function stubNotification(answer: NotificationPermission) {
      const stub = {
        permission: 'default' as NotificationPermission,
        asked: 0,
        requestPermission: async () => {
          stub.asked++;
          stub.permission = answer;
          return answer;
        },
      };
      Object.defineProperty(globalThis, 'Notification', { value: stub, configurable: true, writable: true });
      return stub;
    }

    it('asks the browser only when the user clicks, and says what it answered', async () => {
      const stub = stubNotification('granted');
      const user = await openSettings();
      const ask = await screen.findByTestId('allow-browser-notifications');
      expect(stub.asked).toBe(0);
      await user.click(ask);
      expect(stub.asked).toBe(1);
      await waitFor(() =>
        expect(screen.getByTestId('browser-notification-permission').dataset.permission).toBe('granted'),
      );
      expect(screen.queryByTestId('allow-browser-notifications')).toBeNull();
    });

    it('explains a refusal instead of offering a button that cannot work', async () => {
      stubNotification('denied');
      const user = await openSettings();
      await user.click(await screen.findByTestId('allow-browser-notifications'));
      await waitFor(() =>
        expect(screen.getByTestId('browser-notification-permission').textContent).toMatch(
          /blocks notifications/u,
        ),
      );
    });

    it('offers start at login in the desktop app only where it registers something', async () => {
      for (const startAtLogin of [false, true]) {
        bridge = new FakeBridge();
        bridge.answerAppInfo = async () => ({
          version: '0.1.0',
          mode: 'demo',
          accountsUrl: 'http://127.0.0.1:4100/',
          shell: 'electron',
          startAtLogin,
        });
        await openSettings();
        if (startAtLogin) await screen.findByTestId('setting-startAtLogin');
        else await waitFor(() => expect(screen.queryByTestId('setting-startAtLogin')).toBeNull());
        expect(screen.getByTestId('setting-alwaysOnTop')).toBeDefined();
        cleanup();
      }
    });

    it('is not offered in the desktop app, whose notifications need no permission', async () => {
      stubNotification('granted');
      bridge.answerAppInfo = async () => ({
        version: '0.1.0',
        mode: 'demo',
        accountsUrl: 'http://127.0.0.1:4100/',
        shell: 'electron',
      });
      await openSettings();
      await waitFor(() => expect(bridge.calls.getAppInfo).toBeGreaterThan(0));
      // Let the app info reach the store and the screen before looking.
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      expect(screen.queryByTestId('browser-notification-permission')).toBeNull();
    });
  });
});
