// Russian with the language on "System", end to end on the browser shell: a Russian browser
// (locale ru-RU: navigator.languages and Accept-Language) and default settings. The page resolves
// the language, tells core, and core's words follow: a new commission's notification, the tray's
// tooltip and menu (read over the bridge: the browser shell has no tray), and payout refusals;
// the chart legend and the terms summary too.
import { formatCents } from '../../shared/money.ts';
import { englishWordsIn } from '../support/english-words.ts';
import { sandboxDriver } from '../support/sandbox-driver.ts';
import { sandboxAuthHeaders } from '../support/sandbox-sign-in.ts';
import { expect, openSignedIn, test } from './support/fixtures.ts';
import { sandboxOf } from './support/payouts.ts';

test.use({ locale: 'ru-RU' });

/** Intl's no-break spaces read as plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

// A shell of its own: it publishes terms no partner meets, and core's language follows this page.
test('a new commission, the tray and a refusal are Russian', async ({ page, startShell }) => {
  const shell = await startShell();
  const world = sandboxDriver(shell.accountsUrl, await sandboxAuthHeaders(shell.accountsUrl));
  // Registered before the companion signs in, so its own "new referral" notice never shows.
  const buyer = await world.registerReferral('Покупатель');

  await openSignedIn(page, shell);
  expect((await page.evaluate(() => window.companion.getSettings({}))).ui.language).toBe('system');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect
    .poll(async () => (await page.evaluate(() => window.companion.getLiveStatus({}))).connection)
    .toBe('push');

  // The notification: core words it in the language the page resolved.
  const bought = await world.purchase(buyer);
  const cents = bought.commission?.amountCents ?? 0;
  expect(cents).toBeGreaterThan(0);
  const toast = page.getByTestId('toast');
  await expect(toast.getByTestId('toast-title')).toHaveText(`Новая комиссия +${formatCents(cents, 'ru-RU')}`);
  const [notice] = (await page.evaluate(() => window.companion.listNotifications({}))).items;
  expect(englishWordsIn(`${notice?.title}\n${notice?.body}`)).toEqual([]);

  // The tray: tooltip and every menu label.
  await expect
    .poll(async () => plain((await page.evaluate(() => window.companion.getTray({}))).tooltip))
    .toMatch(/^Реферальный компаньон — Доступно: [\d ]+,\d\d \$/u);
  const tray = await page.evaluate(() => window.companion.getTray({}));
  expect(tray.labels).toContain('Приостановить уведомления');
  expect(englishWordsIn([tray.tooltip, ...tray.labels].join('\n'))).toEqual([]);

  // The chart's legend (uPlot's own default label is "Time") and the terms summary, built from the
  // terms' fields (the server's summary is an English sentence).
  await page.getByTestId('tab-earnings').click();
  const legend = page.locator('.u-legend');
  await expect(legend).toContainText('Период');
  expect(englishWordsIn(await legend.innerText())).toEqual([]);
  await expect(page.getByTestId('terms-summary')).toContainText('с каждой покупки');
  expect(englishWordsIn(plain(await page.getByTestId('earnings-terms').innerText()))).toEqual([]);

  // Refusals: thresholds the partner does not meet. The UI words the blockers; core refuses a
  // request with the codes and data (never words the UI would show in English).
  const sandbox = await sandboxOf(shell.accountsUrl);
  await sandbox.operator('terms', {
    rateBp: 1500,
    minPayoutCents: 2_000_000,
    minReferrals: 50,
    holdDays: 0,
    summary: 'Higher thresholds for this test.',
  });
  await page.getByTestId('tab-payouts').click();
  const blockers = page.getByTestId('payouts-blockers');
  await expect(blockers).toContainText('Минимальная сумма вывода — 20 000,00');
  await expect(blockers).toContainText('Для вывода нужно не менее 50 рефералов');
  expect(englishWordsIn(plain(await page.locator('body').innerText()))).toEqual([]);
  const refused = await page.evaluate(() =>
    window.companion
      .preparePayout({ amountCents: 100, method: 'paypal', destination: 'me@example.com' })
      .then(
        () => null,
        (error: { code?: string; refusal?: unknown }) => ({ code: error.code, refusal: error.refusal }),
      ),
  );
  expect(refused).toEqual({
    code: 'rejected',
    refusal: expect.objectContaining({ code: 'below-minimum', minCents: 2_000_000 }),
  });
});
