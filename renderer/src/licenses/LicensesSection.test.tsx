import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../shell/bridge-context.tsx';
import { FakeBridge } from '../testing/fake-bridge.ts';
import { demoLicensesView } from '../testing/fake-payouts.ts';
import { LicensesSection } from './LicensesSection.tsx';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

function renderSection() {
  render(
    <AppProviders bridge={bridge.api}>
      <LicensesSection />
    </AppProviders>,
  );
}

describe('the Licenses section', () => {
  it('shows each license with its date, days left and renewal options', async () => {
    renderSection();
    const row = await screen.findByTestId('licenses-row');
    expect(row.textContent).toContain('Crypto');
    expect(screen.getByTestId('licenses-days-left').textContent).toBe('5 days left');
    expect(screen.getByTestId('licenses-available-till').textContent).toBe('Available till Nov 26, 2026');
    const options = [...screen.getByTestId<HTMLSelectElement>('licenses-option').options].map((o) => o.text);
    expect(options).toEqual(['1 month — $50.00', '1 year — $450.00']);
  });

  it('applies the balance in full after a confirmation, once for a double click', async () => {
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByTestId('licenses-apply'));
    expect((await screen.findByTestId('licenses-confirm-text')).textContent).toBe(
      '$50.00 of your balance pays for Crypto, 1 month ($50.00) in full.',
    );
    await user.dblClick(screen.getByTestId('licenses-confirm'));
    await screen.findByTestId('licenses-applied');
    expect(bridge.payouts.filed.size).toBe(1);
  });

  it('applies part of the balance and opens the checkout for the rest', async () => {
    const user = userEvent.setup();
    renderSection();
    await user.selectOptions(await screen.findByTestId('licenses-option'), 'crypto-1y');
    await user.click(screen.getByTestId('licenses-apply'));
    expect((await screen.findByTestId('licenses-confirm-text')).textContent).toContain(
      'The remaining $306.65',
    );
    await user.click(screen.getByTestId('licenses-confirm'));
    const payRest = await screen.findAllByTestId('licenses-pay-rest');
    await user.click(payRest[0] as HTMLElement);
    expect(bridge.opened).toEqual(['http://127.0.0.1:4100/checkout/cr_1']);
  });

  it('switches auto-apply on for a license with the chosen renewal', async () => {
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByTestId('licenses-auto-apply'));
    await waitFor(() =>
      expect(bridge.settings.licenseAutoApply.renewals).toEqual([{ productId: 'crypto', sku: 'crypto-1m' }]),
    );
  });

  it('shows an auto-apply offer once; "Not now" dismisses it', async () => {
    const user = userEvent.setup();
    bridge.payouts.licenses = {
      ...demoLicensesView,
      offers: [
        {
          productId: 'crypto',
          productName: 'Crypto',
          sku: 'crypto-1m',
          term: '1m',
          priceCents: 5_000,
          creditCents: 5_000,
          remainderCents: 0,
          availableTill: '2026-11-26T06:00:00.000Z',
        },
      ],
    };
    renderSection();
    expect((await screen.findByTestId('licenses-offer')).textContent).toContain(
      'Renew Crypto for 1 month with $50.00 of your balance?',
    );
    await user.click(screen.getByTestId('licenses-offer-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('licenses-offer')).toBeNull());
    expect(bridge.payouts.calls).toContain('dismissOffer');
  });
});
