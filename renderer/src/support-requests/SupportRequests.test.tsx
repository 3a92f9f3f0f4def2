import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../shared/bridge.ts';
import { en } from '../../../shared/i18n/resources.ts';
import { createI18n } from '../i18n/i18n.ts';
import { LicensesSection } from '../licenses/LicensesSection.tsx';
import { PayoutsSection } from '../payouts/PayoutsSection.tsx';
import { AppProviders } from '../shell/bridge-context.tsx';
import { FakeBridge } from '../testing/fake-bridge.ts';
import { LinkModeRequests } from './LinkModeRequests.tsx';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

function renderRequests(kind: 'payout' | 'license', language: 'en' | 'ru' = 'en') {
  render(
    <AppProviders bridge={bridge.api} i18n={createI18n(language)}>
      <LinkModeRequests kind={kind} />
    </AppProviders>,
  );
}

/** What a mail client reads from the mailto: link the companion opened. */
function readMailto(link: string) {
  const url = new URL(link);
  const param = (name: string) =>
    decodeURIComponent(
      url.search
        .slice(1)
        .split('&')
        .find((pair) => pair.startsWith(`${name}=`))
        ?.slice(name.length + 1) ?? '',
    );
  return { to: url.pathname, subject: param('subject'), body: param('body') };
}

describe('requests through support', () => {
  it('checks the IBAN like the API, then opens a mailto: with the amount and code and notes it', async () => {
    const user = userEvent.setup();
    renderRequests('payout');
    // The code and e-mail come from core when it knows them.
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('support-code').value).toBe('QT+DEMO/42='),
    );
    expect(screen.getByTestId<HTMLInputElement>('support-email').value).toBe('demo@example.com');
    await user.click(screen.getByTestId('support-an-amount'));
    await user.type(screen.getByTestId('support-amount'), '60,5');
    await user.selectOptions(screen.getByTestId('support-method'), 'wire');
    await user.type(screen.getByTestId('support-destination'), 'DE88 3704 0044 0532 0130 00');
    await user.click(screen.getByTestId('support-send'));
    expect(screen.getByTestId('support-destination-error').textContent).toBe(
      'This IBAN has a typo: its check digits do not match.',
    );
    expect(bridge.opened).toEqual([]);
    expect(bridge.supportJournal.entries).toEqual([]);

    await user.clear(screen.getByTestId('support-destination'));
    await user.type(screen.getByTestId('support-destination'), 'DE89 3704 0044 0532 0130 00');
    await user.click(screen.getByTestId('support-send'));
    expect((await screen.findByTestId('support-sent')).textContent).toMatch(/mail program opens/u);
    const mail = readMailto(bridge.opened[0] ?? '');
    expect(mail.to).toBe('info@quantower.com');
    expect(mail.subject).toBe('Referral payout request (QT+DEMO/42=)');
    expect(mail.body).toContain('I would like to withdraw $60.50 of my referral earnings.');
    expect(mail.body).toContain('Destination: DE89 3704 0044 0532 0130 00');
    expect(mail.body).toContain('Referral code: QT+DEMO/42=');
    expect(bridge.copiedTexts).toEqual([]);
    expect(bridge.supportJournal.entries).toMatchObject([
      {
        kind: 'payout',
        amount: { kind: 'cents', cents: 6_050 },
        channel: 'email',
        method: 'wire',
        status: 'sent',
      },
    ]);
    const entry = await screen.findByTestId('support-journal-entry');
    expect(within(entry).getByTestId('support-journal-amount').textContent).toBe('$60.50');
    expect(within(entry).getByTestId('support-journal-status').textContent).toBe('Sent');
  });

  it('writes a license request in Russian and copies it for Telegram before opening the chat', async () => {
    const user = userEvent.setup();
    renderRequests('license', 'ru');
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('support-code').value).toBe('QT+DEMO/42='),
    );
    await user.selectOptions(screen.getByTestId('support-product'), 'tpo');
    await user.selectOptions(screen.getByTestId('support-term'), '3m');
    await user.click(screen.getByTestId('support-channel-telegram'));
    expect(screen.getByTestId('support-send').textContent).toBe('Скопировать и открыть Telegram');
    await user.click(screen.getByTestId('support-send'));
    expect((await screen.findByTestId('support-sent')).textContent).toContain('Запрос скопирован');
    expect(bridge.opened).toEqual(['https://t.me/quantower']);
    const copied = bridge.copiedTexts[0] ?? '';
    expect(copied).toContain('Оплата лицензии реферальным балансом (QT+DEMO/42=)');
    expect(copied).toContain('Прошу зачесть весь доступный реферальный баланс в оплату лицензии.');
    expect(copied).toContain('Лицензия: Дополнение TPO\nСрок: 3 месяца');
    expect(copied).toContain('Реферальный код: QT+DEMO/42=');
    expect(bridge.supportJournal.entries).toMatchObject([
      {
        kind: 'license',
        amount: { kind: 'whole-balance' },
        channel: 'telegram',
        productId: 'tpo',
        term: '3m',
      },
    ]);
    expect(screen.getByTestId('support-journal-amount').textContent).toBe('Весь баланс');
  });

  it('asks for the code and e-mail when core knows neither, and says what is wrong', async () => {
    const user = userEvent.setup();
    bridge.answerReferral = async () => {
      throw new BridgeError({ code: 'unavailable', message: 'No accounts server.', retryable: true });
    };
    bridge.session = { state: 'signed-out', storage: 'memory' };
    renderRequests('payout');
    await user.click(screen.getByTestId('support-channel-chat'));
    await user.click(screen.getByTestId('support-send'));
    expect(screen.getByTestId('support-email-error').textContent).toBe(
      'Enter the e-mail of your Quantower account.',
    );
    expect(screen.getByTestId('support-code-error').textContent).toBe(
      'Enter your referral code (no spaces).',
    );
    expect(screen.getByTestId('support-destination-error').textContent).toBe(
      'Enter the e-mail address of your PayPal account.',
    );
    await user.type(screen.getByTestId('support-email'), 'me@example.com');
    await user.type(screen.getByTestId('support-code'), 'MY+CODE');
    await user.type(screen.getByTestId('support-destination'), 'pay@example.com');
    await user.click(screen.getByTestId('support-send'));
    await screen.findByTestId('support-sent');
    expect(bridge.opened).toEqual(['https://www.quantower.com/']);
    expect(bridge.copiedTexts[0]).toContain('Referral code: MY+CODE');
  });

  it('sends and notes a request once for a double click', async () => {
    const user = userEvent.setup();
    renderRequests('payout');
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('support-code').value).toBe('QT+DEMO/42='),
    );
    await user.type(screen.getByTestId('support-destination'), 'pay@example.com');
    await user.dblClick(screen.getByTestId('support-send'));
    await screen.findByTestId('support-sent');
    expect(bridge.opened).toHaveLength(1);
    expect(bridge.supportJournal.entries).toHaveLength(1);
    expect(screen.getByTestId<HTMLButtonElement>('support-send').disabled).toBe(true);
    // The same request by another channel is another send, on purpose.
    await user.click(screen.getByTestId('support-channel-telegram'));
    await user.click(screen.getByTestId('support-send'));
    await screen.findByTestId('support-sent');
    expect(bridge.opened).toEqual([expect.stringMatching(/^mailto:/u), 'https://t.me/quantower']);
    expect(bridge.supportJournal.entries.map((e) => e.channel)).toEqual(['email', 'telegram']);
  });

  it('notes nothing when the link could not be opened, and shows why', async () => {
    const user = userEvent.setup();
    bridge.answerOpen = async () => {
      throw new BridgeError({
        code: 'forbidden',
        message: 'The browser blocked the link.',
        retryable: false,
      });
    };
    renderRequests('payout');
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('support-code').value).toBe('QT+DEMO/42='),
    );
    await user.type(screen.getByTestId('support-destination'), 'pay@example.com');
    await user.click(screen.getByTestId('support-send'));
    // A failure is worded from its code (the catalog), not from the shell's English message.
    expect((await screen.findByTestId('request-error')).textContent).toBe(en.common.errorTitles.forbidden);
    expect(bridge.supportJournal.entries).toEqual([]);
    expect(screen.queryByTestId('support-sent')).toBeNull();
  });
});

describe('the journal of requests sent', () => {
  beforeEach(async () => {
    await bridge.api.recordSupportRequest({
      kind: 'payout',
      amount: { kind: 'cents', cents: 12_345 },
      channel: 'email',
      method: 'paypal',
    });
  });

  it('moves a request sent → answered → done with only the moves allowed offered', async () => {
    const user = userEvent.setup();
    renderRequests('payout');
    const entry = await screen.findByTestId('support-journal-entry');
    expect(within(entry).queryByTestId('support-status-done')).toBeNull();
    await user.click(within(entry).getByTestId('support-status-answered'));
    await waitFor(() => expect(screen.getByTestId('support-journal-status').textContent).toBe('Answered'));
    await user.click(screen.getByTestId('support-status-done'));
    await waitFor(() => expect(screen.getByTestId('support-journal-status').textContent).toBe('Done'));
    // Done is final: no more buttons.
    expect(screen.queryByTestId('support-status-cancelled')).toBeNull();
    expect(bridge.supportJournal.calls).toContain('setSupportRequestStatus:sr-1:answered');
  });

  it('shows a due reminder, sets the reminder days, and saves the CSV through the shell', async () => {
    const user = userEvent.setup();
    bridge.supportJournal.reminderDays = 3;
    bridge.supportJournal.reminders = [{ id: 'sr-1', days: 5 }];
    renderRequests('payout', 'ru');
    expect((await screen.findByTestId('support-reminder')).textContent).toBe(
      'Нет ответа 5 дней: написать в поддержку ещё раз?',
    );
    await user.selectOptions(screen.getByTestId('support-reminder-days'), '7');
    expect(bridge.supportJournal.calls).toContain('setSupportReminder:7');
    await user.selectOptions(screen.getByTestId('support-reminder-days'), '0');
    expect(bridge.supportJournal.calls).toContain('setSupportReminder:null');
    await user.click(screen.getByTestId('support-export'));
    await screen.findByTestId('support-exported');
    expect(bridge.savedFiles).toEqual([
      { name: 'quantower-support-requests_2026-12-01.csv', mime: 'text/csv', text: '\uFEFFsent_at\r\n' },
    ]);
  });
});

describe('the support fallback in the demo and server modes', () => {
  it('opens the payout request form from the Payouts support card', async () => {
    const user = userEvent.setup();
    render(
      <AppProviders bridge={bridge.api}>
        <PayoutsSection />
      </AppProviders>,
    );
    expect(screen.queryByTestId('support-form')).toBeNull();
    await user.click(await screen.findByTestId('payouts-support-request'));
    expect(within(screen.getByTestId('support-requests-payout')).getByTestId('support-method')).toBeTruthy();
  });

  it('opens the license request form from the Licenses section', async () => {
    const user = userEvent.setup();
    render(
      <AppProviders bridge={bridge.api}>
        <LicensesSection />
      </AppProviders>,
    );
    await user.click(await screen.findByTestId('licenses-support-request'));
    expect(
      within(screen.getByTestId('support-requests-license')).getByTestId('support-product'),
    ).toBeTruthy();
  });
});
