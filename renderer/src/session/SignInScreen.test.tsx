import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../shared/bridge.ts';
import { en, ru } from '../../../shared/i18n/resources.ts';
import { AppProviders } from '../shell/bridge-context.tsx';
import { FakeBridge, signedInView, signedOutView, signingInView } from '../testing/fake-bridge.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { SignInScreen } from './SignInScreen.tsx';
import { session } from './stores.ts';

afterEach(cleanup);
const text = en.session;

function renderWith(view: SessionView) {
  const bridge = new FakeBridge();
  bridge.session = view;
  session.for(bridge.api).getState().start();
  render(
    <AppProviders bridge={bridge.api}>
      <AccountMenu />
      <SignInScreen />
    </AppProviders>,
  );
  return bridge;
}

describe('sign-in screen', () => {
  it('signs in with Quantower in the browser, shows the waiting state and cancels', async () => {
    const bridge = renderWith(signedOutView);
    const user = userEvent.setup();
    const button = (await screen.findByTestId('sign-in-button')) as HTMLButtonElement;
    expect(button.textContent).toBe(text.signIn);
    await waitFor(() => expect(button.disabled).toBe(false));
    // No password field inside the companion, ever.
    expect(document.querySelector('input[type="password"]')).toBeNull();
    await user.click(button);
    expect(bridge.opened).toEqual([signingInView.authorizeUrl]);
    expect((await screen.findByTestId('sign-in-waiting')).textContent).toContain(text.waiting);
    expect(document.activeElement).toBe(screen.getByTestId('sign-in-cancel'));

    await user.click(screen.getByTestId('sign-in-reopen'));
    expect(bridge.opened).toHaveLength(2);
    await user.click(screen.getByTestId('sign-in-cancel'));
    expect(bridge.sessionCalls).toEqual(['signIn', 'cancelSignIn']);
    expect(await screen.findByTestId('sign-in-button')).toBeTruthy();
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
  });

  it.each(['denied', 'timed-out', 'unreachable', 'expired', 'failed'] as const)(
    'explains a %s sign-in with the reason and its details',
    async (code) => {
      renderWith({ ...signedOutView, reason: { code, message: `details of ${code}` } });
      const alert = await screen.findByTestId('sign-in-error');
      expect(alert.getAttribute('role')).toBe('alert');
      expect(alert.getAttribute('data-reason')).toBe(code);
      expect(alert.textContent).toContain(text.reasons[code]);
      expect(alert.textContent).toContain(`details of ${code}`);
    },
  );

  it('says when the sign-in will not survive a restart, and why', async () => {
    renderWith({ ...signedOutView, storage: 'memory', storageNote: 'No keychain (no D-Bus).' });
    const note = await screen.findByTestId('storage-note');
    expect(note.textContent).toContain(text.storage.memory);
    expect(note.textContent).toContain('No keychain (no D-Bus).');
  });

  it('says nothing about storage when the keychain keeps the sign-in', async () => {
    renderWith(signedOutView);
    await screen.findByTestId('sign-in-button');
    expect(screen.queryByTestId('storage-note')).toBeNull();
  });

  it('tells after a sign-out that the server could not be told, as a note rather than an error', async () => {
    renderWith({ ...signedOutView, notice: { code: 'revocation-failed' } });
    const note = await screen.findByTestId('sign-in-notice');
    expect(note.getAttribute('role')).toBe('status');
    expect(note.getAttribute('data-notice')).toBe('revocation-failed');
    expect(note.textContent).toBe(text.notices['revocation-failed']);
    expect(note.textContent).toContain('Signed out on this computer');
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
  });

  it('has every string in Russian too', () => {
    expect(Object.keys(ru.session.notices).sort()).toEqual(Object.keys(en.session.notices).sort());
    expect(Object.keys(ru.session.reasons).sort()).toEqual(Object.keys(en.session.reasons).sort());
    expect(ru.session.signIn).not.toBe(en.session.signIn);
  });
});

describe('account menu', () => {
  it('shows the signed-in e-mail and signs out', async () => {
    const bridge = renderWith(signedInView);
    const user = userEvent.setup();
    const menu = await screen.findByTestId('account-menu-button');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(menu.textContent).toContain(signedInView.email);
    await user.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('account-email').textContent).toBe(signedInView.email);
    await user.click(screen.getByTestId('sign-out-button'));
    expect(bridge.sessionCalls).toEqual(['signOut']);
    await waitFor(() => expect(screen.queryByTestId('account-menu-button')).toBeNull());
  });

  it('closes on Escape', async () => {
    renderWith(signedInView);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('account-menu-button'));
    expect(screen.getByTestId('sign-out-button')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('sign-out-button')).toBeNull();
  });

  it('follows the session: gone when the session ends on its own, with the reason shown', async () => {
    const bridge = renderWith(signedInView);
    await screen.findByTestId('account-menu-button');
    act(() =>
      bridge.emitSessionChanged({ ...signedOutView, reason: { code: 'expired', message: 'Revoked.' } }),
    );
    expect(screen.queryByTestId('account-menu-button')).toBeNull();
    expect(screen.getByTestId('sign-in-error').textContent).toContain(text.reasons.expired);
  });

  it('signs out to the sign-in screen with the note when core could not tell the server', async () => {
    const bridge = renderWith(signedInView);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('account-menu-button'));
    bridge.answerSignOut = async () => {
      const view: SessionView = { ...signedOutView, notice: { code: 'revocation-failed' } };
      bridge.emitSessionChanged(view);
      return view;
    };
    await user.click(screen.getByTestId('sign-out-button'));
    expect((await screen.findByTestId('sign-in-notice')).textContent).toBe(text.notices['revocation-failed']);
  });
});
