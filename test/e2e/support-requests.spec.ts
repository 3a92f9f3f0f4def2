// Requests through Quantower Support and the local journal of requests sent (issue 13), end to end
// in Chromium against the browser shell: the request opens the right mailto: in English and in
// Russian, the journal survives a restart of the shell, and its CSV reads back. Each test has a shell
// of its own (the journal starts empty; one restarts), so they share nothing and run in parallel.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, openSignedIn, test } from './support/fixtures.ts';
import { type RunningShell, startShellProcess } from './support/processes.ts';

test.describe.configure({ mode: 'parallel' });

let shells: RunningShell[] = [];
test.afterEach(async () => {
  for (const shell of shells) await shell.stop();
  shells = [];
});

async function start(options: Parameters<typeof startShellProcess>[1] = {}): Promise<RunningShell> {
  const shell = await startShellProcess([], options);
  shells.push(shell);
  return shell;
}

// No mail client here: record the links the page follows, and launch none for mailto:.
test.beforeEach(async ({ context }) => {
  await context.route(/^https:\/\//u, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
  );
  await context.addInitScript(() => {
    const followed: string[] = [];
    (window as unknown as { followed: string[] }).followed = followed;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      // Downloads (blob:) go through, to be saved; the rest is recorded.
      if (this.href.startsWith('blob:')) return click.call(this);
      followed.push(this.href);
      if (!this.href.startsWith('mailto:')) click.call(this);
    };
  });
});

const followed = (page: Page) => page.evaluate(() => (window as unknown as { followed: string[] }).followed);

/** What a mail client reads from a mailto: link (RFC 6068: percent-decoded UTF-8; '+' is a plus). */
function readMailto(link: string): { to: string; subject: string; body: string } {
  const url = new URL(link);
  expect(url.protocol).toBe('mailto:');
  const param = (name: string) =>
    decodeURIComponent(
      url.search
        .slice(1)
        .split('&')
        .find((pair) => pair.startsWith(`${name}=`))
        ?.slice(name.length + 1) ?? '',
    );
  return { to: decodeURIComponent(url.pathname), subject: param('subject'), body: param('body') };
}

/** Opens the payout request form from the Payouts support card and fills a PayPal request. */
async function fillPayoutRequest(page: Page, amount: string) {
  await page.getByTestId('tab-payouts').click();
  await page.getByTestId('payouts-support-request').click();
  // The code and account e-mail are prefilled from core.
  await expect(page.getByTestId('support-code')).toHaveValue('QT+DEMO/42=');
  await expect(page.getByTestId('support-email')).not.toHaveValue('');
  await page.getByTestId('support-an-amount').check();
  await page.getByTestId('support-amount').fill(amount);
  await page.getByTestId('support-method').selectOption('paypal');
  await page.getByTestId('support-destination').fill('pay.me@example.com');
  await page.getByTestId('support-channel-email').check();
}

test('a payout request through support opens the right mailto:, in English', async ({ page }) => {
  const shell = await start();
  await openSignedIn(page, shell);
  await fillPayoutRequest(page, '61.25');
  // Checked as the API checks it: a wrong destination sends nothing.
  await page.getByTestId('support-destination').fill('not-an-email');
  await page.getByTestId('support-send').click();
  await expect(page.getByTestId('support-destination-error')).toHaveText(
    'Enter the e-mail address of your PayPal account.',
  );
  await page.getByTestId('support-destination').fill('pay.me@example.com');
  await page.getByTestId('support-send').click();
  await expect(page.getByTestId('support-sent')).toBeVisible();

  await expect.poll(async () => (await followed(page)).length).toBe(1);
  const mail = readMailto((await followed(page))[0] ?? '');
  expect(mail.to).toBe('info@quantower.com');
  expect(mail.subject).toBe('Referral payout request (QT+DEMO/42=)');
  expect(mail.body).toContain('I would like to withdraw $61.25 of my referral earnings.');
  expect(mail.body).toContain('Referral code: QT+DEMO/42=');
  expect(mail.body).toContain('Destination: pay.me@example.com');
  // RFC 6068: CRLF line breaks.
  expect(mail.body).toContain('\r\nReferral code: QT+DEMO/42=\r\n');
  await expect(page.getByTestId('support-journal-entry')).toHaveCount(1);
  await expect(page.getByTestId('support-journal-amount')).toHaveText('$61.25');
});

test('a payout request through support opens the right mailto:, in Russian', async ({ page }) => {
  const shell = await start();
  await openSignedIn(page, shell);
  await page.evaluate(() => window.companion.updateSettings({ ui: { language: 'ru' } }));
  await page.reload();
  await expect(page.getByTestId('tab-payouts')).toHaveText('Выплаты');
  // The widget's width, with the longer Russian words: nothing may stick out sideways.
  await page.setViewportSize({ width: 340, height: 900 });
  await fillPayoutRequest(page, '61,25');
  // (The panel and its journal; the app's header is the widget layout's own business.)
  const overflow = await page.getByTestId('support-requests-payout').evaluate((panel) => {
    const right = panel.getBoundingClientRect().right;
    return [...panel.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > right + 0.5)
      .map((element) => element.outerHTML.slice(0, 80));
  });
  expect(overflow).toEqual([]);
  await expect(page.getByTestId('support-send')).toHaveText('Открыть письмо');
  await page.getByTestId('support-send').click();
  await expect(page.getByTestId('support-sent')).toContainText('Почтовая программа откроется');

  await expect.poll(async () => (await followed(page)).length).toBe(1);
  const link = (await followed(page))[0] ?? '';
  // Nothing raw reaches the mail client: Cyrillic is percent-encoded UTF-8.
  expect(link).toMatch(/^[\x21-\x7e]+$/u);
  const mail = readMailto(link);
  expect(mail.to).toBe('info@quantower.com');
  expect(mail.subject).toBe('Запрос выплаты реферального вознаграждения (QT+DEMO/42=)');
  // ru-RU writes 61,25 $ (with a no-break space).
  expect(mail.body).toMatch(/Прошу выплатить 61,25\s\$ из моего реферального вознаграждения\./u);
  expect(mail.body).toContain('Реферальный код: QT+DEMO/42=');
  expect(mail.body).toContain('Способ: PayPal');
  await expect(page.getByTestId('support-journal-status')).toHaveText('Отправлен');
});

test('the journal survives a restart of the shell, and its CSV reads back', async ({ page }) => {
  const first = await start();
  await openSignedIn(page, first);
  await fillPayoutRequest(page, '75.10');
  await page.getByTestId('support-send').click();
  await expect(page.getByTestId('support-journal-entry')).toHaveCount(1);
  // A license request by Telegram: the message goes to the clipboard, the chat opens.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: first.origin });
  await page.getByTestId('tab-licenses').click();
  await page.getByTestId('licenses-support-request').click();
  const license = page.getByTestId('support-requests-license');
  await expect(license.getByTestId('support-code')).toHaveValue('QT+DEMO/42=');
  await license.getByTestId('support-product').selectOption('all-in-one');
  await license.getByTestId('support-term').selectOption('1y');
  await license.getByTestId('support-channel-telegram').check();
  const tab = page.context().waitForEvent('page');
  await license.getByTestId('support-send').click();
  expect((await tab).url()).toBe('https://t.me/quantower');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('License: All-in-One\nTerm: 1 year');
  expect(copied).toContain('Referral code: QT+DEMO/42=');
  await expect(license.getByTestId('support-journal-entry')).toHaveCount(2);
  // The newest first: mark the payout request (second row) answered.
  await license.getByTestId('support-journal-entry').nth(1).getByTestId('support-status-answered').click();
  await expect(license.getByTestId('support-journal-status').nth(1)).toHaveText('Answered');
  await license.getByTestId('support-reminder-days').selectOption('3');
  // Shown from core's answer, so saved once it shows.
  await expect(license.getByTestId('support-reminder-days')).toHaveValue('3');

  await first.stop();
  const second = await start({ dataDir: first.dataDir });
  await openSignedIn(page, second);
  await page.getByTestId('tab-payouts').click();
  await page.getByTestId('payouts-support-request').click();
  const entries = page.getByTestId('support-journal-entry');
  await expect(entries).toHaveCount(2);
  await expect(page.getByTestId('support-journal-status')).toHaveText(['Sent', 'Answered']);
  await expect(page.getByTestId('support-journal-amount')).toHaveText(['Whole balance', '$75.10']);
  await expect(page.getByTestId('support-reminder-days')).toHaveValue('3');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('support-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^quantower-support-requests_\d{4}-\d{2}-\d{2}\.csv$/u);
  const text = await readFile((await download.path()) as string, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
  expect(rows).toMatchObject([
    {
      kind: 'payout',
      amount: '75.10',
      currency: 'USD',
      whole_balance: 'no',
      channel: 'email',
      method: 'paypal',
      status: 'answered',
    },
    {
      kind: 'license',
      amount: '',
      whole_balance: 'yes',
      channel: 'telegram',
      product: 'all-in-one',
      term: '1y',
      status: 'sent',
    },
  ]);
  await expect(page.getByTestId('support-exported')).toBeVisible();
});
