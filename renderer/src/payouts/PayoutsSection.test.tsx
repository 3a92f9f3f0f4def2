import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payout } from '../../../shared/testing/accounts-api-fixtures.ts';
import { AppProviders } from '../shell/bridge-context.tsx';
import { FakeBridge } from '../testing/fake-bridge.ts';
import { demoPayoutsView } from '../testing/fake-payouts.ts';
import { PayoutsSection } from './PayoutsSection.tsx';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

function renderSection() {
  render(
    <AppProviders bridge={bridge.api}>
      <PayoutsSection />
    </AppProviders>,
  );
}

describe('the Payouts section', () => {
  it('explains what is missing instead of offering the button', async () => {
    bridge.payouts.payouts = {
      ...demoPayoutsView,
      blockers: [
        { code: 'below-minimum', minCents: 5_000, availableCents: 1_250 },
        { code: 'not-enough-referrals', minReferrals: 3, referrals: 1 },
      ],
    };
    renderSection();
    const blockers = await screen.findByTestId('payouts-blockers');
    expect(blockers.textContent).toContain('The minimum withdrawal is $50.00; you have $12.50 available.');
    expect(blockers.textContent).toContain('Withdrawals need at least 3 referrals; you have 1.');
    expect(screen.getByTestId<HTMLButtonElement>('payouts-request').disabled).toBe(true);
  });

  it('checks the destination and amount inline, confirms, and files one request for a double click', async () => {
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByTestId('payouts-request'));
    expect(screen.getByTestId<HTMLInputElement>('payouts-amount').value).toBe('143.35');
    await user.type(screen.getByTestId('payouts-destination'), 'not-an-email');
    await user.tab();
    expect(screen.getByTestId('payouts-destination-error').textContent).toBe(
      'Enter the e-mail address of your PayPal account.',
    );
    await user.clear(screen.getByTestId('payouts-amount'));
    await user.type(screen.getByTestId('payouts-amount'), '200');
    expect(screen.getByTestId('payouts-amount-error').textContent).toBe('Only $143.35 are available.');
    await user.click(screen.getByTestId('payouts-continue'));
    expect(bridge.payouts.calls).not.toContain('preparePayout');

    await user.clear(screen.getByTestId('payouts-destination'));
    await user.type(screen.getByTestId('payouts-destination'), 'me@example.com');
    await user.clear(screen.getByTestId('payouts-amount'));
    await user.type(screen.getByTestId('payouts-amount'), '60');
    await user.click(screen.getByTestId('payouts-continue'));
    expect((await screen.findByTestId('payouts-confirm-text')).textContent).toBe(
      '$60.00 will be sent by PayPal to me@example.com.',
    );
    await user.dblClick(screen.getByTestId('payouts-confirm'));
    await screen.findByTestId('payouts-filed');
    expect(bridge.payouts.filed.size).toBe(1);
    await waitFor(() => expect(screen.getAllByTestId('payouts-item')).toHaveLength(1));
    expect(screen.getByTestId('payouts-status').textContent).toBe('Requested');
  });

  it('shows the rejection reason and offers the support fallback with code and amount', async () => {
    const user = userEvent.setup();
    bridge.payouts.payouts = {
      ...demoPayoutsView,
      items: [
        payout({
          status: 'rejected',
          reason: 'PayPal account not verified.',
          requestedAt: '2026-11-20T06:00:00.000Z',
        }),
      ],
    };
    renderSection();
    expect((await screen.findByTestId('payouts-reason')).textContent).toBe(
      'Reason: PayPal account not verified.',
    );
    await user.click(screen.getByTestId('payouts-support-email'));
    const mail = new URL(bridge.opened[0] ?? '');
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('info@quantower.com');
    expect(decodeURIComponent(mail.search)).toContain('QT+DEMO/42=');
    expect(decodeURIComponent(mail.search)).toContain('$143.35');
    await user.click(screen.getByTestId('payouts-support-telegram'));
    expect(bridge.opened[1]).toBe('https://t.me/quantower');
    expect(bridge.copiedTexts[0]).toContain('QT+DEMO/42=');
  });
});
