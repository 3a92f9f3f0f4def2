// The app across the session: nothing of the account is loaded while signed out (the sections
// show the sign-in screen, Settings stays available), the dashboard appears when the session says
// signed in, and signing out returns to the sign-in screen.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { demoReferral, FakeBridge, signedInView, signedOutView } from '../testing/fake-bridge.ts';

afterEach(cleanup);

function renderApp(bridge: FakeBridge) {
  render(<CompanionRoot bridge={bridge.api} />);
}

describe('the app across the session', () => {
  it('shows the sign-in screen while signed out, then the dashboard once signed in', async () => {
    const bridge = new FakeBridge();
    bridge.session = signedOutView;
    renderApp(bridge);
    expect(await screen.findByTestId('sign-in-screen')).toBeTruthy();
    expect(bridge.calls.getReferral).toBe(0);
    expect(screen.queryByTestId('account-menu-button')).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByTestId('sign-in-button'));
    expect(await screen.findByTestId('sign-in-waiting')).toBeTruthy();
    // The browser side finishes; core announces the session.
    act(() => bridge.emitSessionChanged(signedInView));
    expect((await screen.findByTestId('referral-link')).textContent).toBe(demoReferral.link);
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();
    expect(screen.getByTestId('account-menu-button').textContent).toContain(signedInView.email);
    expect(bridge.calls.getReferral).toBe(1);
  });

  it('keeps Settings available while signed out', async () => {
    const bridge = new FakeBridge();
    bridge.session = signedOutView;
    renderApp(bridge);
    await screen.findByTestId('sign-in-screen');
    await userEvent.setup().click(screen.getByTestId('tab-settings'));
    expect(screen.getByTestId('general-settings')).toBeTruthy();
    expect(screen.queryByTestId('sign-in-screen')).toBeNull();
  });

  it('signs out from the account menu back to the sign-in screen', async () => {
    const bridge = new FakeBridge();
    renderApp(bridge);
    await screen.findByTestId('referral-link');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('account-menu-button'));
    await user.click(screen.getByTestId('sign-out-button'));
    expect(await screen.findByTestId('sign-in-screen')).toBeTruthy();
    expect(screen.queryByTestId('referral-link')).toBeNull();
  });
});
