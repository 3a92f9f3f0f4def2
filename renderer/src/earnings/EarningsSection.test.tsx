import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balance, programStatus } from '../../../shared/testing/accounts-api-fixtures.ts';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { FakeBridge } from '../testing/fake-bridge.ts';
import { demoSnapshot } from '../testing/fake-earnings.ts';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

async function open(section: 'earnings' | 'history' | 'referrals') {
  const user = userEvent.setup();
  render(<CompanionRoot bridge={bridge.api} />);
  await user.click(screen.getByTestId(`tab-${section}`));
  return user;
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('the earnings dashboard', () => {
  it('shows every balance figure of the snapshot, to the cent', async () => {
    await open('earnings');
    await screen.findByTestId('earnings-dashboard');
    expect(text('earnings-available')).toBe('$38.40');
    expect(text('earnings-pending')).toBe('$12.50');
    expect(screen.queryByTestId('earnings-reserved')).toBeNull();
    expect(text('earnings-paid-out')).toBe('$100.00');
    expect(text('earnings-credited')).toBe('$25.00');
    expect(text('earnings-cancelled')).toBe('$0.00');
    expect(text('earnings-total')).toBe('$175.90');
  });

  it('shows progress toward each threshold, what is missing, and buttons that reflect it', async () => {
    await open('earnings');
    await screen.findByTestId('earnings-readiness');
    expect(text('readiness-amount')).toBe('$38.40 of $50.00');
    expect(text('readiness-referrals')).toBe('2 of 3 referrals');
    expect(text('readiness-sentence')).toBe(
      'Still missing: $11.60 more to reach the minimum payout and 1 more referral.',
    );
    expect((screen.getByTestId('request-payout') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('apply-to-license') as HTMLButtonElement).disabled).toBe(false);
    const bars = screen.getAllByRole('progressbar');
    expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual([
      'Available balance toward the minimum payout',
      'Referrals toward the minimum',
    ]);
  });

  it('opens the payouts section when a payout can be requested', async () => {
    bridge.earnings.view = {
      snapshot: {
        ...demoSnapshot,
        program: programStatus({ referralsCount: 3 }, { availableCents: 5_000, eligible: true }),
      },
      refreshing: false,
      error: null,
    };
    const user = await open('earnings');
    // Thresholds already passed read as met, not as "$50.00 of $50.00".
    expect(text('readiness-sentence')).toBe('Ready to withdraw: $50.00 available, 3 referrals.');
    expect(text('readiness-amount')).toBe('$50.00 available — minimum $50.00 reached');
    expect(text('readiness-referrals')).toBe('3 referrals — minimum 3 reached');
    await user.click(screen.getByTestId('request-payout'));
    expect(screen.getByTestId('tab-payouts').getAttribute('aria-selected')).toBe('true');
  });

  it('explains a disqualification with the cancelled amount and offers no action', async () => {
    bridge.earnings.view = {
      snapshot: {
        ...demoSnapshot,
        balance: balance({ availableCents: 0, pendingCents: 0, cancelledCents: 5_090 }),
        program: programStatus(
          {
            status: 'disqualified',
            disqualifiedAt: '2026-11-20T10:00:00.000Z',
            disqualificationReason: 'Self-referral through a second account',
          },
          { availableCents: 0, eligible: false },
        ),
      },
      refreshing: false,
      error: null,
    };
    await open('earnings');
    const notice = await screen.findByTestId('earnings-disqualified');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('$50.90');
    expect(notice.textContent).toContain('Self-referral through a second account');
    expect(screen.queryByTestId('earnings-readiness')).toBeNull();
    expect(screen.queryByTestId('request-payout')).toBeNull();
    expect(screen.queryByTestId('apply-to-license')).toBeNull();
    expect(text('earnings-cancelled')).toBe('$50.90');
  });

  it('keeps the last figures on screen when a refresh fails, says so, and retries', async () => {
    bridge.earnings.answerRefresh = async () => ({
      snapshot: demoSnapshot,
      refreshing: false,
      error: { code: 'unavailable', message: 'connect ECONNREFUSED' },
    });
    const user = await open('earnings');
    const stale = await screen.findByTestId('earnings-stale');
    expect(stale.getAttribute('role')).toBe('alert');
    expect(stale.textContent).toBe("Showing the last known figures: can't reach the accounts server");
    expect(text('earnings-available')).toBe('$38.40');
    expect(text('earnings-updated')).toMatch(/^Updated /u);
    bridge.earnings.answerRefresh = async () => ({ snapshot: demoSnapshot, refreshing: false, error: null });
    await user.click(screen.getByTestId('earnings-refresh'));
    await waitFor(() => expect(screen.queryByTestId('earnings-stale')).toBeNull());
  });

  it('shows the terms in force, the own rate, and what changed from the previous version', async () => {
    bridge.earnings.view = {
      snapshot: {
        ...demoSnapshot,
        program: programStatus({ rateBp: 2500, rateSource: 'partner' }),
      },
      refreshing: false,
      error: null,
    };
    await open('earnings');
    expect(text('terms-rate')).toBe('25% (your own rate; the terms say 15%)');
    expect(text('terms-min-payout')).toBe('$50.00');
    expect(text('terms-min-referrals')).toBe('3');
    expect(text('terms-version')).toBe('Version 2, in force since Nov 21, 2022');
    expect(screen.getByTestId('terms-changes').textContent).toContain('commission 20% → 15%');
    expect(screen.getByTestId('terms-changes').textContent).toContain('minimum referrals 0 → 3');
  });

  it('follows the figures core pushes', async () => {
    await open('earnings');
    await screen.findByTestId('earnings-dashboard');
    act(() =>
      bridge.earnings.emit({
        snapshot: {
          ...demoSnapshot,
          balance: balance({ availableCents: 123_456 }),
          fetchedAt: '2026-11-21T06:10:00.000Z',
        },
        refreshing: false,
        error: null,
      }),
    );
    expect(text('earnings-available')).toBe('$1,234.56');
  });
});

describe('the history and referrals', () => {
  // happy-dom lays nothing out: give the history's scroll box the height a window would.
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('history-scroller') ? 420 : 0;
      },
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });

  it('lists entries with product, referral, paid amount, rate and terms version, and filters by type', async () => {
    const user = await open('history');
    await waitFor(() => expect(screen.getAllByTestId('history-row').length).toBeGreaterThan(0));
    // Virtualized: only the rows in view (420 px / 58 px + overscan) exist, not all 30.
    expect(screen.getAllByTestId('history-row').length).toBeLessThan(30);
    const first = screen.getAllByTestId('history-row')[0] as HTMLElement;
    // The product and its term, never the SKU ("crypto-1m").
    expect(first.textContent).toContain('Crypto, 1 month · Referral 0');
    expect(first.textContent).not.toContain('crypto-1m');
    expect(first.textContent).toContain('$10.00');
    expect(first.textContent).toContain('paid $100.00');
    expect(first.textContent).toContain('15% · terms v2');
    expect(text('history-count')).toBe('30 entries shown');
    await user.selectOptions(screen.getByTestId('history-type'), 'reversed');
    await waitFor(() => expect(text('history-count')).toBe('6 entries shown'));
    expect(bridge.earnings.historyQueries.at(-1)?.types).toEqual(['reversed']);
  });

  it('opens a reversal row to its whole story: purchase, product and term, paid, refund, the amount reversed', async () => {
    const user = await open('history');
    await waitFor(() => expect(screen.getAllByTestId('history-row').length).toBeGreaterThan(4));
    const reversal = screen
      .getAllByTestId('history-row')
      .find((row) => row.getAttribute('data-type') === 'reversed') as HTMLElement;
    // The summary line shows what the purchase paid on a reversal too, not only the refund.
    expect(reversal.textContent).toContain('paid $100.00');
    expect(reversal.textContent).toContain('refund $50.00');
    const toggle = reversal.querySelector('[data-testid="history-row-toggle"]') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(reversal.querySelector('[data-testid="history-row-details"]')).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = reversal.querySelector('[data-testid="history-row-details"]') as HTMLElement;
    expect(toggle.getAttribute('aria-controls')).toBe(details.id);
    const field = (name: string) =>
      details.querySelector(`[data-field="${name}"] dd`)?.textContent ?? `(no ${name})`;
    expect(field('type')).toBe('Reversed');
    expect(field('amount')).toBe('-$5.04');
    expect(field('purchase')).toBe('#10004');
    expect(field('product')).toBe('Crypto, 1 month');
    expect(field('referral')).toBe('Referral 1');
    expect(field('list-price')).toBe('$100.00');
    expect(field('paid')).toBe('$100.00');
    expect(field('rate')).toBe('15%');
    expect(field('terms')).toBe('version 2');
    expect(field('refund')).toBe('$50.00');
    expect(field('reversed')).toBe('$5.04');
    // No discount on this purchase, so no discount line; an earned row has no "reversed" line.
    expect(details.querySelector('[data-field="discount"]')).toBeNull();
    await user.click(toggle);
    expect(reversal.querySelector('[data-testid="history-row-details"]')).toBeNull();
  });

  it('lists referrals with masked e-mails and figures, and opens a referral’s commissions', async () => {
    const user = await open('referrals');
    const rows = await screen.findAllByTestId('referral-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('r***@example.com');
    expect(rows[0]?.textContent).toContain('3 purchases');
    expect(rows[0]?.textContent).toContain('paid $300.00');
    expect(rows[0]?.textContent).toContain('brought $45.00');
    expect(rows[1]?.textContent).toContain('0 purchases');
    await user.click(screen.getByRole('button', { name: 'Show the commissions of Referral 0' }));
    expect(screen.getByTestId('tab-history').getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(text('history-referral-filter')).toBe('Referral: Referral 0'));
    expect(bridge.earnings.historyQueries.at(-1)?.referralId).toBe('ref-0');
  });
});

describe('in Russian', () => {
  it('formats money and words for the language', async () => {
    bridge.settings = { ...bridge.settings, ui: { language: 'ru', theme: 'system', section: 'referral' } };
    await open('earnings');
    await waitFor(() => expect(text('readiness-referrals')).toBe('2 из 3 рефералов'));
    expect(text('earnings-available')?.replace(/\s/gu, ' ')).toBe('38,40 $');
    expect(text('readiness-amount')?.replace(/\s/gu, ' ')).toBe('38,40 $ из 50,00 $');
  });
});
