// The earnings chart in the user's time zone: a browser in Moscow (UTC+3) sees a commission earned
// at 01:30 local time on that local day — in the sandbox's answer for the zone the page sent and in
// the chart's table on screen — while the UTC series counts it on the day before.
import type { EarningsSeries } from '../../shared/accounts-api.ts';
import { formatCents } from '../../shared/money.ts';
import { sandboxDriver } from '../support/sandbox-driver.ts';
import { sandboxAuthHeaders } from '../support/sandbox-sign-in.ts';
import { operator, partnerApi } from './support/earnings.ts';
import { expect, test } from './support/fixtures.ts';

test.use({ locale: 'en-US', timezoneId: 'Europe/Moscow' });

const DAY_MS = 86_400_000;

const byStart = (series: EarningsSeries) => new Map(series.points.map((point) => [point.start, point]));

test('a commission at 01:30 in Moscow is on the Moscow day, in the API answer and on screen', async ({
  page,
  sharedShell: shell,
}) => {
  // The worker's shared demo world: other specs may have added to it, so every figure is compared
  // with the sandbox's answer before and after this test's own purchase.
  await page.goto(shell.url);
  await expect(page.getByTestId('tab-earnings')).toBeVisible();
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/Moscow');
  const get = await partnerApi(shell.accountsUrl);
  const moscowSeries = () => get<EarningsSeries>('/api/v1/earnings-series?bucket=day&tz=Europe/Moscow');

  // 22:30 UTC on `utcDay` is 01:30 on the next day in Moscow (UTC+3 all year), a few days ago.
  const utcDay = new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10);
  const moscowDayStart = `${utcDay}T21:00:00.000Z`; // Moscow midnight of the next day
  const before = byStart(await moscowSeries());
  const world = sandboxDriver(shell.accountsUrl, await sandboxAuthHeaders(shell.accountsUrl));
  const buyer = await world.registerReferral('Night Owl E2E');
  const bought = await operator<{ commission: { amountCents: number } | null }>(
    shell.accountsUrl,
    '/operator/purchases',
    { buyerId: buyer, sku: 'crypto-1y', purchasedAt: `${utcDay}T22:30:00.000Z` },
  );
  const cents = bought.commission?.amountCents ?? 0;
  expect(cents).toBeGreaterThan(0);

  // The API, asked for Moscow: the commission is in the bucket that starts at Moscow midnight.
  const series = await moscowSeries();
  expect(series.timeZone).toBe('Europe/Moscow');
  const after = byStart(series);
  expect(after.get(moscowDayStart)?.earnedCents).toBe((before.get(moscowDayStart)?.earnedCents ?? 0) + cents);
  for (const [start, point] of before)
    if (start !== moscowDayStart) expect(after.get(start), start).toEqual(point);
  // The same purchase in UTC: on the UTC day before (the old, UTC-only behaviour).
  const utc = byStart(await get<EarningsSeries>('/api/v1/earnings-series?bucket=day'));
  expect(utc.get(`${utcDay}T00:00:00.000Z`)?.earnedCents).toBeGreaterThanOrEqual(cents);

  // On screen: the chart's table is the Moscow series, each bucket labelled with its Moscow day.
  await page.getByTestId('tab-earnings').click();
  await page.getByText('Earnings per period').click();
  const table = page.getByTestId('earnings-series-table');
  await expect(table.locator(`tr[data-start="${moscowDayStart}"] td`).nth(0)).toHaveAttribute(
    'data-cents',
    String(after.get(moscowDayStart)?.earnedCents),
  );
  await expect(table.locator('tbody tr')).toHaveCount(series.points.length);
  const label = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.parse(utcDay) + DAY_MS),
  );
  await expect(table.locator(`tr[data-start="${moscowDayStart}"] th`)).toHaveText(label);
  for (const point of series.points) {
    const cells = table.locator(`tr[data-start="${point.start}"] td`);
    await expect(cells.nth(0)).toHaveAttribute('data-cents', String(point.earnedCents));
    await expect(cells.nth(0)).toHaveText(formatCents(point.earnedCents, 'en-US'));
    await expect(cells.nth(1)).toHaveText(formatCents(point.reversedCents, 'en-US'));
  }
});
