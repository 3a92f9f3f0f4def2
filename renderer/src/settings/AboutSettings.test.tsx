import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/bridge/about.ts';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { demoDiagnostics } from '../testing/fake-about.ts';
import { FakeBridge } from '../testing/fake-bridge.ts';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(() => cleanup());

async function openAbout() {
  const user = userEvent.setup();
  render(<CompanionRoot bridge={bridge.api} />);
  await user.click(screen.getByTestId('tab-settings'));
  await screen.findByTestId('about-facts');
  return user;
}

const ready: UpdateStatus = { state: 'ready', version: '0.2.0', lastCheck: null, notice: true };

describe('Settings → About', () => {
  it('shows what runs here: version, shell, mode, system, connection, waiting requests', async () => {
    bridge.about.diagnostics = { ...demoDiagnostics, mode: 'server', host: 'accounts.example.com' };
    await openAbout();
    expect(screen.getByTestId('about-version').textContent).toBe('0.1.0');
    expect(screen.getByTestId('about-shell').textContent).toBe('Browser shell');
    expect(screen.getByTestId('about-mode').textContent).toBe('Accounts server (accounts.example.com)');
    expect(screen.getByTestId('about-os').textContent).toBe('Linux 6.1.0 (x64)');
    expect(screen.getByTestId('about-connection').textContent).toBe('Live');
    expect(screen.getByTestId('about-pending').textContent).toBe('1');
    // The browser shell has no updater: the line says which version runs, and no switch is offered.
    expect(screen.getByTestId('about-update-state').textContent).toBe(
      'Updates come with the desktop app; this is version 0.1.0.',
    );
    expect(screen.queryByTestId('setting-auto-update')).toBeNull();
  });

  it('copies the diagnostics text core wrote, read afresh at the click', async () => {
    const user = await openAbout();
    bridge.about.diagnostics = { ...demoDiagnostics, text: 'diagnostics of this very moment' };
    await user.click(screen.getByTestId('copy-diagnostics'));
    expect(await screen.findByTestId('diagnostics-copied')).toBeTruthy();
    expect(bridge.copiedTexts).toEqual(['diagnostics of this very moment']);
  });

  it('says so when copying fails', async () => {
    bridge.answerCopy = async () => {
      throw new Error('clipboard blocked');
    };
    const user = await openAbout();
    await user.click(screen.getByTestId('copy-diagnostics'));
    expect(await screen.findByTestId('diagnostics-copy-failed')).toBeTruthy();
  });

  it('shows the logs folder path where the shell cannot open it (browser), and not where it did', async () => {
    const user = await openAbout();
    await user.click(screen.getByTestId('open-logs'));
    expect((await screen.findByTestId('logs-path')).textContent).toBe(
      `The logs are in ${demoDiagnostics.logsDir}`,
    );

    cleanup();
    bridge = new FakeBridge();
    bridge.about.opensFolder = true;
    const again = await openAbout();
    await again.click(screen.getByTestId('open-logs'));
    await waitFor(() => expect(bridge.about.calls).toContain('openLogsFolder'));
    expect(screen.queryByTestId('logs-path')).toBeNull();
  });

  it('switches automatic updates off with a patch of just that field (desktop app)', async () => {
    bridge.about.update = { state: 'idle', version: null, lastCheck: null, notice: false };
    const user = await openAbout();
    const toggle = (await screen.findByTestId('setting-auto-update')) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(toggle.checked).toBe(true);
    await user.click(toggle);
    expect(bridge.settingsPatches.at(-1)).toEqual({ updates: { enabled: false } });
  });

  it('words every update state in Russian too', async () => {
    bridge.settings = { ...bridge.settings, ui: { ...bridge.settings.ui, language: 'ru' } };
    bridge.about.update = { state: 'downloading', version: '0.2.0', lastCheck: null, notice: false };
    await openAbout();
    await waitFor(() =>
      expect(screen.getByTestId('about-update-state').textContent).toBe('Загрузка версии 0.2.0…'),
    );
  });
});

describe('the update notice', () => {
  it('appears when core says so, restarts only on "Restart now", and hides on "Later"', async () => {
    const user = userEvent.setup();
    render(<CompanionRoot bridge={bridge.api} />);
    await screen.findByTestId('tab-settings');
    expect(screen.queryByTestId('update-notice')).toBeNull();

    act(() => bridge.about.emit(ready));
    expect((await screen.findByTestId('update-notice')).textContent).toContain(
      'Version 0.2.0 is downloaded.',
    );
    expect(bridge.about.calls).not.toContain('restartToUpdate');

    await user.click(screen.getByTestId('update-later'));
    await waitFor(() => expect(screen.queryByTestId('update-notice')).toBeNull());
    expect(bridge.about.calls).toEqual(['postponeUpdate']);

    act(() => bridge.about.emit(ready));
    await user.click(await screen.findByTestId('update-restart'));
    await waitFor(() => expect(bridge.about.calls).toContain('restartToUpdate'));
  });

  it('stays hidden while core holds it (trading, quiet hours)', async () => {
    bridge.about.update = { ...ready, notice: false };
    render(<CompanionRoot bridge={bridge.api} />);
    await screen.findByTestId('tab-settings');
    expect(screen.queryByTestId('update-notice')).toBeNull();
  });
});
