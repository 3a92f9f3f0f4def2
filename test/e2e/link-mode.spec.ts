// Issue 13 end to end in Chromium on the browser shell: the welcome's three paths, link mode's
// saved link (typed as a link, as a bare code, through Paste), its QR code, every refusal with
// nothing saved, and the link surviving a restart.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { freePort, type RunningShell, startSandboxProcess, startShellProcess } from './support/processes.ts';
import { decodeQr } from './support/referral.ts';

// Each test starts shells of its own (a fresh data directory: the welcome, a saved mode, a restart),
// so the tests share nothing and run in parallel.
test.describe.configure({ mode: 'parallel' });

const LINK = 'https://accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D';
const running: RunningShell[] = [];
const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  for (const shell of running.splice(0)) await shell.stop();
});

async function open(
  browser: import('@playwright/test').Browser,
  options: { mode?: 'link' | null; dataDir?: string } = {},
): Promise<{ shell: RunningShell; page: Page; context: BrowserContext }> {
  const shell = await startShellProcess([], {
    mode: options.mode === undefined ? null : options.mode,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  running.push(shell);
  const context = await browser.newContext({ locale: 'en-US' });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shell.origin });
  const page = await context.newPage();
  await page.goto(shell.url);
  return { shell, page, context };
}

async function savedSettings(dataDir: string): Promise<{ mode: string | null; referralLink: string | null }> {
  return JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
}

test('fresh start: "Use my referral link" → save a link → QR decodes to it → it survives a restart', async ({
  browser,
}) => {
  const { shell, page } = await open(browser);
  expect(shell.mode).toBe('unchosen');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('welcome-link').click();
  await expect(page.getByTestId('link-form')).toBeVisible();
  await expect(page.getByTestId('sign-in-button')).toHaveCount(0);
  expect(await page.evaluate(() => window.companion.getAppInfo({}))).toMatchObject({
    mode: 'link',
    accountsUrl: null,
  });

  // Given as a link: any case of scheme and host, www., extra parameters.
  await page
    .getByLabel('Referral link or code')
    .fill('HTTPS://WWW.Accounts.Quantower.com/referral?utm_source=x&referral_code=AB%2BCD%2F9%3D#top');
  await page.getByTestId('link-save').click();
  await expect(page.getByTestId('referral-link')).toHaveText(LINK);
  await expect(page.getByTestId('referral-code')).toHaveText('AB+CD/9=');
  const qr = page.getByTestId('referral-qr');
  await expect(qr).toBeVisible();
  expect(decodeQr(await qr.screenshot())).toBe(LINK);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-confirmation')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(LINK);
  expect(await savedSettings(shell.dataDir)).toMatchObject({ mode: 'link', referralLink: LINK });

  // Earnings: said plainly, no figures.
  await page.getByTestId('tab-earnings').click();
  await expect(page.getByTestId('link-mode-earnings')).toBeVisible();
  await expect(page.locator('[data-testid="section-earnings"] canvas')).toHaveCount(0);

  // Restart on the same data: link mode again, the same link, no welcome.
  await shell.stop();
  running.splice(running.indexOf(shell), 1);
  const again = await open(browser, { dataDir: shell.dataDir });
  expect(again.shell.mode).toBe('link');
  await again.page.getByTestId('tab-referral').click();
  await expect(again.page.getByTestId('referral-link')).toHaveText(LINK);
  expect(decodeQr(await again.page.getByTestId('referral-qr').screenshot())).toBe(LINK);
});

test('link mode: a bare code and a pasted link give the same saved link', async ({ browser }) => {
  const { shell, page } = await open(browser, { mode: 'link' });
  await page.getByLabel('Referral link or code').fill('AB+CD/9=');
  await page.getByTestId('link-save').click();
  await expect(page.getByTestId('referral-link')).toHaveText(LINK);

  // Paste: the clipboard is read on the click, into the field; Save link saves it.
  const other = 'https://accounts.quantower.com/referral?referral_code=QT%2B7%3D';
  await page.evaluate((text) => navigator.clipboard.writeText(text), other);
  await page.getByTestId('link-paste').click();
  await expect(page.getByTestId('link-input')).toHaveValue(other);
  await page.getByTestId('link-save').click();
  await expect(page.getByTestId('referral-link')).toHaveText(other);
  await expect(page.getByTestId('referral-code')).toHaveText('QT+7=');
  expect((await savedSettings(shell.dataDir)).referralLink).toBe(other);
});

test('link mode refuses every bad input with its reason and saves nothing', async ({ browser }) => {
  const { shell, page } = await open(browser, { mode: 'link' });
  const cases: [string, RegExp][] = [
    ['https://evil.example/referral?referral_code=AB', /not on accounts\.quantower\.com/u],
    ['http://accounts.quantower.com/referral?referral_code=AB', /must start with https:\/\//u],
    ['https://accounts.quantower.com/referral', /no referral_code/u],
    ['https://accounts.quantower.com/referral?referral_code=', /referral_code is empty/u],
    ['javascript:alert(1)', /not a web link/u],
    ['data:text/html,hello', /not a web link/u],
    ['AB\u0007CD', /control characters/u],
    ['x'.repeat(129), /too long/u],
    ['', /Paste your referral link or type your code/u],
  ];
  for (const [input, reason] of cases) {
    await page.getByTestId('link-input').fill(input);
    await page.getByTestId('link-save').click();
    await expect(page.getByRole('alert')).toHaveText(reason);
  }
  await expect(page.getByTestId('referral-link')).toHaveCount(0);
  expect(await page.evaluate(() => window.companion.getSettings({}))).toMatchObject({ referralLink: null });
  expect(
    (await savedSettings(shell.dataDir).catch(() => ({ referralLink: null }))).referralLink ?? null,
  ).toBeNull();
});

test('fresh start: "Try the demo" is one click, badged, with the sandbox sign-in', async ({ browser }) => {
  const { page } = await open(browser);
  await page.getByTestId('welcome-demo').click();
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('sign-in-button')).toBeVisible();
  const info = await page.evaluate(() => window.companion.getAppInfo({}));
  expect(info.mode).toBe('demo');
  expect(info.accountsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
});

test('fresh start: "Connect an accounts server" checks the address, then signs in there', async ({
  browser,
}) => {
  const port = await freePort();
  const sandbox = await startSandboxProcess(port);
  try {
    const { page } = await open(browser);
    await page.getByTestId('welcome-server').click();
    await page.getByTestId('welcome-server-url').fill('http://accounts.example.com/');
    await page.getByTestId('welcome-server-connect').click();
    await expect(page.getByRole('alert')).toHaveText(/must start with https:\/\//u);
    expect(await page.evaluate(() => window.companion.getAppInfo({}))).toMatchObject({ mode: 'unchosen' });

    await page.getByTestId('welcome-server-url').fill(`http://127.0.0.1:${port}/`);
    await page.getByTestId('welcome-server-connect').click();
    await expect(page.getByTestId('sign-in-button')).toBeVisible();
    await expect(page.getByTestId('demo-badge')).toHaveCount(0);
    expect(await page.evaluate(() => window.companion.getAppInfo({}))).toMatchObject({
      mode: 'custom',
      accountsUrl: `http://127.0.0.1:${port}/`,
    });
  } finally {
    await sandbox.stop();
  }
});

test('the welcome and the link form fit a 320 px widget in Russian', async ({ browser }) => {
  const shell = await startShellProcess([], { mode: null });
  running.push(shell);
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 320, height: 640 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(shell.url);
  await expect(page.getByTestId('welcome-link')).toHaveText('Использовать мою реферальную ссылку');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByTestId('welcome-link').click();
  await expect(page.getByLabel('Реферальная ссылка или код')).toBeVisible();
  await page.getByTestId('link-input').fill('http://accounts.quantower.com/referral?referral_code=AB');
  await page.getByTestId('link-save').click();
  await expect(page.getByRole('alert')).toHaveText(/https:\/\//u);
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('Settings → Mode switches at run time and keeps what each mode saved', async ({ browser }) => {
  const { shell, page } = await open(browser, { mode: 'link' });
  await page.getByTestId('link-input').fill('AB+CD/9=');
  await page.getByTestId('link-save').click();
  await expect(page.getByTestId('referral-link')).toHaveText(LINK);

  await page.getByTestId('tab-settings').click();
  await page.getByTestId('mode-use-demo').click();
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await page.getByTestId('tab-referral').click();
  await expect(page.getByTestId('sign-in-button')).toBeVisible();

  await page.getByTestId('tab-settings').click();
  await page.getByTestId('mode-use-link').click();
  await expect(page.getByTestId('demo-badge')).toHaveCount(0);
  await page.getByTestId('tab-referral').click();
  await expect(page.getByTestId('referral-link')).toHaveText(LINK);
  expect(await savedSettings(shell.dataDir)).toMatchObject({ mode: 'link', referralLink: LINK });
});

test('link mode shares for real: share buttons carry the saved link, Save PNG scans back to it', async ({
  browser,
}) => {
  const shell = await startShellProcess([], { mode: 'link' });
  running.push(shell);
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  contexts.push(context);
  await context.route(/^https:\/\//u, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
  );
  const page = await context.newPage();
  await page.goto(shell.url);
  await page.getByTestId('link-input').fill('AB+CD/9=');
  await page.getByTestId('link-save').click();
  await expect(page.getByTestId('referral-link')).toHaveText(LINK);

  const tab = context.waitForEvent('page');
  await page.getByTestId('share-telegram').click();
  const opened = await tab;
  await opened.waitForLoadState();
  expect(new URL(opened.url()).searchParams.get('url')).toBe(LINK);
  await opened.close();

  // "Open my Quantower account": the account page, in the system browser (here a new tab).
  const account = context.waitForEvent('page');
  await page.getByTestId('link-open-account').click();
  const accountPage = await account;
  await accountPage.waitForLoadState();
  expect(accountPage.url()).toBe('https://accounts.quantower.com/');
  await accountPage.close();

  const download = page.waitForEvent('download');
  await page.getByTestId('save-png').click();
  const png = await readFile((await (await download).path()) as string);
  expect(decodeQr(png)).toBe(LINK);
});
