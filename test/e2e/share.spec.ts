// Sharing in the browser shell, end to end: every share button opens exactly its service's URL
// (and nothing off the allow-list opens), the saved PNG and SVG and the copied image all scan back
// to exactly the sandbox's link, and Copy code / Copy link (buttons and shortcuts) confirm.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import {
  buildShareUrl,
  DEFAULT_SHARE_MESSAGES,
  parseShareUrl,
  SHARE_TARGETS,
  type ShareTarget,
} from '../../shared/share-targets.ts';
import { expect, test } from './support/fixtures.ts';
import { decodeQr, servedReferral } from './support/referral.ts';

/** Links the page hands to the browser to follow (share targets, downloads), in order. */
declare global {
  interface Window {
    followedLinks: { href: string; target: string; download: string }[];
  }
}

// The worker's shared signed-in shell (support/fixtures.ts); the share message a test types is put
// back by the fixture. Each test opens the referral screen in a context of its own.
let served: { code: string; link: string };

test.beforeEach(async ({ page, context, sharedShell: shell }) => {
  served = await servedReferral(shell.accountsUrl);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shell.origin });
  // No network here: the share services answer with a stub page, so their tabs load.
  await context.route(/^https:\/\//u, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
  );
  await context.addInitScript(() => {
    window.followedLinks = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      window.followedLinks.push({ href: this.href, target: this.target, download: this.download });
      // No mail client here: record mailto: links instead of launching one.
      if (!this.href.startsWith('mailto:')) click.call(this);
    };
  });
  await page.goto(shell.url);
  await expect(page.getByTestId('referral-link')).toHaveText(served.link);
  await expect(page.getByTestId('share-message')).toBeEnabled();
});

const followed = (page: Page) => page.evaluate(() => window.followedLinks.splice(0));

/** Where each service carries the link and the text (the service's documented parameters). */
const fields = {
  telegram: { link: 'url', text: 'text' },
  x: { link: 'url', text: 'text' },
  facebook: { link: 'u' },
  whatsapp: { text: 'text' },
  linkedin: { link: 'url' },
  reddit: { link: 'url', text: 'title' },
  email: { text: 'body' },
} as const satisfies Record<ShareTarget, { link?: string; text?: string }>;

test('each share button opens exactly its service URL in a new tab, carrying the link and message', async ({
  page,
  context,
}) => {
  const template = "Мой код {code}: 50% + бонус 🎉 — it's (really) free!";
  await page.getByTestId('share-message').fill(template);
  const message = template.replace('{code}', served.code);
  await expect(page.getByTestId('share-preview')).toHaveText(`${message}\n${served.link}`);
  // Saved in the settings once typing pauses.
  await expect
    .poll(() => page.evaluate(() => window.companion.getSettings({}).then((s) => s.share.messages.en)))
    .toBe(template);

  for (const target of SHARE_TARGETS) {
    const tab = target === 'email' ? undefined : context.waitForEvent('page');
    await page.getByTestId(`share-${target}`).click();
    await expect.poll(() => page.evaluate(() => window.followedLinks.length)).toBe(1);
    const [link] = await followed(page);
    const expected = buildShareUrl(target, { link: served.link, message, language: 'en' });
    expect(link).toEqual({ href: expected, target: '_blank', download: '' });

    // Parsed back, independently of the builder: the exact link and message.
    const { params } = parseShareUrl(expected);
    const where: { link?: string; text?: string } = fields[target];
    if (where.link) expect(params[where.link]).toBe(served.link);
    if (where.text) expect(params[where.text]).toBe(where.link ? message : `${message}\n${served.link}`);
    if (target === 'email') expect(params.subject).toBe('Quantower referral link');

    if (tab) {
      const opened = await tab;
      await opened.waitForLoadState();
      expect(opened.url()).toBe(expected);
      await opened.close();
    }
  }

  await page.getByTestId('share-message-reset').click();
  await expect(page.getByTestId('share-message')).toHaveValue(DEFAULT_SHARE_MESSAGES.en);
});

test('refuses to open anything off the allow-list', async ({ page }) => {
  for (const url of [
    'http://t.me/share/url?url=x',
    'https://t.me@evil.example/',
    'https://x.com.evil.example/intent/post',
    'https://evil.example/',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ]) {
    const outcome = await page.evaluate(
      (u) =>
        window.companion.openExternal({ url: u }).then(
          () => 'opened',
          (error: { code?: string }) => error.code,
        ),
      url,
    );
    expect(outcome, url).toBe('forbidden');
  }
  expect(await followed(page)).toEqual([]);
});

test('Save PNG and Save SVG download images that scan back to exactly the link', async ({
  page,
  context,
}) => {
  // Each confirmation shows for a moment: wait for it from before the click (a state, not a race
  // with decoding a large PNG under load).
  const pngConfirmed = page.getByTestId('save-png-confirmation').waitFor();
  const png = page.waitForEvent('download');
  await page.getByTestId('save-png').click();
  const pngDownload = await png;
  expect(pngDownload.suggestedFilename()).toMatch(/^quantower-referral-[A-Za-z0-9_-]+\.png$/u);
  const pngBytes = await readFile(await pngDownload.path());
  expect(decodeQr(pngBytes)).toBe(served.link);
  // Large enough to print or show on a big screen, square, whole pixels per module.
  const { width, height } = PNG.sync.read(pngBytes);
  expect([width >= 900, width === height]).toEqual([true, true]);
  await pngConfirmed;

  const svgConfirmed = page.getByTestId('save-svg-confirmation').waitFor();
  const svg = page.waitForEvent('download');
  await page.getByTestId('save-svg').click();
  const svgDownload = await svg;
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/u);
  const svgText = await readFile(await svgDownload.path(), 'utf8');
  expect(svgText).toMatch(/^<svg /u);
  await svgConfirmed;
  expect(await followed(page)).toEqual([
    expect.objectContaining({
      href: expect.stringMatching(/^blob:/u),
      download: pngDownload.suggestedFilename(),
    }),
    expect.objectContaining({
      href: expect.stringMatching(/^blob:/u),
      download: svgDownload.suggestedFilename(),
    }),
  ]);

  // Rasterized by Chromium itself, the way an image viewer would show the file.
  const viewer = await context.newPage();
  await viewer.setContent(
    `<img id="qr" width="400" height="400" src="data:image/svg+xml;base64,${Buffer.from(svgText).toString('base64')}">`,
  );
  expect(decodeQr(await viewer.locator('#qr').screenshot())).toBe(served.link);
  await viewer.close();
});

test('Copy image puts a PNG on the clipboard that scans back to exactly the link', async ({ page }) => {
  const confirmed = page.getByTestId('copy-image-confirmation').waitFor();
  await page.getByTestId('copy-image').click();
  await confirmed;
  const base64 = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item?.types.includes('image/png')) throw new Error(`No PNG on the clipboard: ${item?.types}`);
    const bytes = new Uint8Array(await (await item.getType('image/png')).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  expect(decodeQr(Buffer.from(base64, 'base64'))).toBe(served.link);
});

test('Copy code and Copy link, by button and by shortcut, each confirmed', async ({ page }) => {
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await page.getByTestId('copy-code').click();
  await expect(page.getByTestId('copy-code-confirmation')).toBeVisible();
  expect(await clipboard()).toBe(served.code);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-confirmation')).toBeVisible();
  expect(await clipboard()).toBe(served.link);

  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  await page.locator('body').press('ControlOrMeta+Shift+KeyK');
  await expect.poll(clipboard).toBe(served.code);
  await page.locator('body').press('ControlOrMeta+Shift+KeyC');
  await expect.poll(clipboard).toBe(served.link);
});

test('Show QR: large, scannable, keeps focus inside, Esc closes and focus returns', async ({ page }) => {
  const show = page.getByTestId('show-qr');
  await show.click();
  const dialog = page.getByTestId('qr-dialog');
  await expect(dialog).toBeVisible();
  const large = page.getByTestId('qr-large');
  await expect(large).toBeVisible();
  const [largeBox, smallBox] = [
    await large.boundingBox(),
    await page.getByTestId('referral-qr').boundingBox(),
  ];
  expect(largeBox?.width ?? 0).toBeGreaterThan((smallBox?.width ?? 0) * 1.5);
  expect(decodeQr(await large.screenshot())).toBe(served.link);
  await expect(page.getByTestId('qr-close')).toBeFocused();

  // The page behind is inert: Tab never lands on anything outside the dialog.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    const outside = await page.evaluate(() => {
      const active = document.activeElement;
      return active !== null && active !== document.body && !active.closest('dialog');
    });
    expect(outside).toBe(false);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(show).toBeFocused();
});
