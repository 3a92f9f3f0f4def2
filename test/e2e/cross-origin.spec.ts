// Another local page (same site: 127.0.0.1, another port) cannot drive the bridge, even while
// the user has the companion open in the same browser (its session cookie present).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';

let other: Server;
let otherOrigin: string;

test.beforeAll(async () => {
  other = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>another local page</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => other?.close(resolve));
});

/**
 * HTTP statuses of requests to `url` as the browser's network layer saw them. Playwright reports no
 * response for a request that CORS blocked, but Chromium's own event still carries the status. That
 * event may come before or after the request's own (Chromium does not order them), so both are kept
 * by request id and matched when asked.
 */
async function watchStatuses(page: Page, url: string): Promise<() => Promise<number[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const statusOf = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => {
    urls.set(event.requestId, event.request.url);
  });
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    statusOf.set(event.requestId, event.statusCode);
  });
  const statuses = () =>
    [...urls]
      .filter(([id, requested]) => requested === url && statusOf.has(id))
      .map(([id]) => statusOf.get(id) as number);
  return async () => {
    await expect.poll(() => statuses().length).toBeGreaterThan(0);
    return statuses();
  };
}

test('a page on another origin gets 403 from the bridge', async ({ page, sharedShell: shell }) => {
  // The user has the companion open, signed in: the browser holds its session cookie.
  await page.goto(shell.url);
  await expect(page.getByTestId('referral-link')).toBeVisible();

  await page.goto(`${otherOrigin}/`);
  const callUrl = `${shell.origin}/bridge/call/getReferral`;
  for (const mode of ['cors', 'no-cors'] as const) {
    const statuses = await watchStatuses(page, callUrl);
    // text/plain keeps it a "simple" request: the browser sends it without a preflight.
    const outcome = await page.evaluate(
      async ([url, requestMode]) => {
        try {
          const response = await fetch(url, {
            method: 'POST',
            mode: requestMode,
            body: '{}',
            credentials: 'include',
            headers: { 'content-type': 'text/plain' },
          });
          return `answered ${response.status} (${response.type})`;
        } catch {
          return 'blocked';
        }
      },
      [callUrl, mode] as const,
    );
    expect(await statuses(), mode).toEqual([403]);
    expect(outcome, mode).toBe('blocked');
  }

  const eventsUrl = `${shell.origin}/bridge/events`;
  const eventStatuses = await watchStatuses(page, eventsUrl);
  const opened = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const source = new EventSource(url, { withCredentials: true });
        source.onopen = () => resolve('open');
        source.onerror = () => {
          source.close();
          resolve('refused');
        };
      }),
    eventsUrl,
  );
  expect(opened).toBe('refused');
  expect(await eventStatuses()).toEqual([403]);
});
