// Notifications in the browser shell, end to end: purchases simulated in the sandbox reach the page
// over the sandbox's event stream → core's notifier → the bridge event → a toast (no Web
// Notification permission in this browser). Signed in through the sandbox's sign-in page first.
// A shell of its own: a wide burst window, and buyers registered before it signs in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Notice } from '../../shared/bridge/live.ts';
import { formatCents } from '../../shared/money.ts';
import { type SandboxDriver, sandboxDriver } from '../support/sandbox-driver.ts';
import { sandboxAuthHeaders } from '../support/sandbox-sign-in.ts';
import { expect, openSignedIn as openShellSignedIn, test } from './support/fixtures.ts';
import { type RunningShell, startShellProcess } from './support/processes.ts';

interface Delivery {
  id: string;
  via: string;
  title: string;
  amountCents: number | undefined;
}

let shell: RunningShell;
let world: SandboxDriver;
let buyers: string[];

test.beforeAll(async () => {
  // A wide burst window: five purchases sent at once must land in one summary even when a loaded CI
  // machine spreads their events over more than the default 400 ms.
  shell = await startShellProcess(['--notification-burst-ms', '2000']);
  world = sandboxDriver(shell.accountsUrl, await sandboxAuthHeaders(shell.accountsUrl));
  // Registered before the companion signs in, so their own "new referral" notices never show.
  buyers = [];
  for (let i = 0; i < 5; i++) buyers.push(await world.registerReferral(`Buyer ${i + 1}`));
});
test.afterAll(async () => {
  await shell?.stop();
});

const deliveries = (page: Page) =>
  page.evaluate(() => [
    ...((window as unknown as { __companionNotifications: Delivery[] }).__companionNotifications ?? []),
  ]);
const notices = (page: Page) =>
  page.evaluate(async () => (await window.companion.listNotifications({})).items);
/** What core has decided about (told or held), as it keeps it on disk: the keys of the occurrences. */
const decided = async () =>
  (JSON.parse(await readFile(join(shell.dataDir, 'notifications.json'), 'utf8')) as { notified: string[] })
    .notified;

async function openSignedIn(page: Page) {
  await openShellSignedIn(page, shell);
  await expect
    .poll(async () => (await page.evaluate(() => window.companion.getLiveStatus({}))).connection)
    .toBe('push');
}

test('a purchase produces exactly one notification, with the commission it earned', async ({ page }) => {
  await openSignedIn(page);
  const bought = await world.purchase(buyers[0] as string);
  const cents = bought.commission?.amountCents ?? 0;
  expect(cents).toBeGreaterThan(0);

  const toast = page.getByTestId('toast');
  await expect(toast).toHaveCount(1);
  await expect(toast.getByTestId('toast-title')).toHaveText(`New commission +${formatCents(cents)}`);
  // Buyer 1's name, masked, and the product.
  await expect(toast.getByTestId('toast-body')).toContainText('B*** 1***');
  const told = expect.objectContaining({
    via: 'toast',
    amountCents: cents,
    title: `New commission +${formatCents(cents)}`,
  });
  expect(await deliveries(page)).toEqual([told]);
  const [notice] = (await notices(page)) as Notice[];
  expect(notice).toMatchObject({ kind: 'commission', amountCents: cents, count: 1 });
  expect(notice?.target).toEqual({ section: 'earnings', itemId: bought.commission?.id });

  // A click opens the companion on that commission.
  const navigated = page.evaluate(
    () =>
      new Promise((resolve) => {
        const off = window.companion.on('navigate', (target) => {
          off();
          resolve(target);
        });
      }),
  );
  await toast.getByTestId('toast-open').click();
  expect(await navigated).toEqual({ section: 'earnings', itemId: bought.commission?.id });
  await expect(toast).toHaveCount(0);

  // Still exactly one, told once: a later purchase's notification comes next, nothing in between.
  const later = await world.purchase(buyers[4] as string);
  await expect.poll(async () => (await deliveries(page)).length).toBe(2);
  expect(await deliveries(page)).toEqual([
    told,
    expect.objectContaining({ via: 'toast', amountCents: later.commission?.amountCents }),
  ]);
  const forThisOne = (await notices(page)).filter((n) => n.target.itemId === bought.commission?.id);
  expect(forThisOne).toHaveLength(1);
});

test('a burst of purchases becomes one summary', async ({ page }) => {
  await openSignedIn(page);
  const before = (await notices(page)).length;
  const bought = await Promise.all(buyers.map((buyer) => world.purchase(buyer)));
  const total = bought.reduce((sum, purchase) => sum + (purchase.commission?.amountCents ?? 0), 0);

  const toast = page.getByTestId('toast');
  await expect(toast).toHaveCount(1);
  await expect(toast.getByTestId('toast-title')).toHaveText(`5 new commissions, +${formatCents(total)}`);
  expect((await notices(page)).length).toBe(before + 1);

  // One summary, and only it: a later purchase's notification is the next one.
  const later = await world.purchase(buyers[0] as string);
  await expect.poll(async () => (await notices(page)).length).toBe(before + 2);
  const after = await notices(page);
  expect(after.length).toBe(before + 2);
  expect(after[0]).toMatchObject({ kind: 'commission', target: { itemId: later.commission?.id } });
  expect(after[1]).toMatchObject({ kind: 'summary', count: 5, amountCents: total });
  expect((await deliveries(page)).map((delivery) => delivery.title)).toEqual([
    `5 new commissions, +${formatCents(total)}`,
    `New commission +${formatCents(later.commission?.amountCents ?? 0)}`,
  ]);
});

test('pausing suppresses notifications; resuming lets new ones through', async ({ page }) => {
  await openSignedIn(page);
  const paused = await page.evaluate(() => window.companion.pauseNotifications({ pause: '1h' }));
  expect(paused.pausedUntil).not.toBeNull();
  const before = (await notices(page)).length;

  const held = await world.purchase(buyers[1] as string);
  // Decided (and remembered, so never told later) while paused: nothing shows.
  await expect.poll(decided).toContain(`commission:${held.commission?.id}`);
  await expect(page.getByTestId('toast')).toHaveCount(0);
  expect((await notices(page)).length).toBe(before);
  expect(await deliveries(page)).toEqual([]);

  await page.evaluate(() => window.companion.pauseNotifications({ pause: 'resume' }));
  const bought = await world.purchase(buyers[2] as string);
  await expect(page.getByTestId('toast')).toHaveCount(1);
  await expect(page.getByTestId('toast-title')).toHaveText(
    `New commission +${formatCents(bought.commission?.amountCents ?? 0)}`,
  );
  expect((await notices(page)).length).toBe(before + 1);
});

test('with notifications allowed, the page shows a Web Notification instead of a toast', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications'], { origin: shell.origin });
  await openSignedIn(page);
  expect(await page.evaluate(() => Notification.permission)).toBe('granted');
  const bought = await world.purchase(buyers[3] as string);
  const title = `New commission +${formatCents(bought.commission?.amountCents ?? 0)}`;
  await expect
    .poll(() => deliveries(page))
    .toEqual([expect.objectContaining({ via: 'web-notification', title })]);
  await expect(page.getByTestId('toast')).toHaveCount(0);
});
