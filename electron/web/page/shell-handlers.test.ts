// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../shared/bridge.ts';
import { browserCapabilities, createPageShellHandlers, type PageCapabilities } from './shell-handlers.ts';

// The 8-byte PNG signature plus one byte, in base64.
const PNG_BASE64 = 'iVBORw0KGgoA';

function fakePage(overrides: Partial<PageCapabilities> = {}) {
  const page = {
    writeText: vi.fn<PageCapabilities['writeText']>(async () => {}),
    readText: vi.fn<PageCapabilities['readText']>(async () => 'AB+CD'),
    hasFocus: vi.fn<PageCapabilities['hasFocus']>(() => true),
    writeImage: vi.fn<PageCapabilities['writeImage']>(async () => {}),
    openLink: vi.fn<PageCapabilities['openLink']>(),
    download: vi.fn<PageCapabilities['download']>(),
  };
  return {
    page,
    handlers: createPageShellHandlers({ ...page, ...overrides }, async () => ['http://127.0.0.1:4100']),
  };
}

async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('page shell handlers', () => {
  it('copies exactly the text', async () => {
    const { page, handlers } = fakePage();
    await expect(handlers.copyText({ text: 'https://a.example/?x=%2B' })).resolves.toEqual({ copied: true });
    expect(page.writeText).toHaveBeenCalledWith('https://a.example/?x=%2B');
  });

  it('reads the clipboard only while the page has focus', async () => {
    const { page, handlers } = fakePage();
    await expect(handlers.readClipboardText({})).resolves.toEqual({ text: 'AB+CD' });
    page.hasFocus.mockReturnValue(false);
    page.readText.mockClear();
    await expect(handlers.readClipboardText({})).rejects.toMatchObject({ code: 'forbidden' });
    expect(page.readText).not.toHaveBeenCalled();
  });

  it('turns a refused clipboard into a forbidden BridgeError', async () => {
    const { handlers } = fakePage({
      writeText: async () => Promise.reject(new Error('Document is not focused.')),
    });
    const failure = handlers.copyText({ text: 'x' });
    await expect(failure).rejects.toBeInstanceOf(BridgeError);
    await expect(failure).rejects.toMatchObject({ code: 'forbidden', message: /not focused/u });
  });

  it('copies a PNG image from base64', async () => {
    const { page, handlers } = fakePage();
    await handlers.copyImage({ pngBase64: PNG_BASE64 });
    const blob = page.writeImage.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('image/png');
    expect(await bytesOf(blob)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
  });

  it('opens only allow-listed links', async () => {
    const { page, handlers } = fakePage();
    await expect(handlers.openExternal({ url: 'https://t.me/share/url?url=x' })).resolves.toEqual({
      opened: true,
    });
    expect(page.openLink).toHaveBeenCalledWith('https://t.me/share/url?url=x');
    await expect(handlers.openExternal({ url: 'https://evil.example/' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(handlers.openExternal({ url: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(page.openLink).toHaveBeenCalledTimes(1);
  });

  it("opens the accounts server's own pages (its sign-in), on its exact origin only", async () => {
    const { page, handlers } = fakePage();
    await handlers.openExternal({ url: 'http://127.0.0.1:4100/oauth/authorize?x=1' });
    expect(page.openLink).toHaveBeenCalledWith('http://127.0.0.1:4100/oauth/authorize?x=1');
    await expect(
      handlers.openExternal({ url: 'http://127.0.0.1:4101/oauth/authorize' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(page.openLink).toHaveBeenCalledTimes(1);
  });

  it('saves PNG and SVG files as downloads', async () => {
    const { page, handlers } = fakePage();
    await expect(
      handlers.saveFile({ name: 'qr.png', mime: 'image/png', dataBase64: PNG_BASE64 }),
    ).resolves.toEqual({ saved: true });
    await handlers.saveFile({ name: 'qr.svg', mime: 'image/svg+xml', text: '<svg/>' });
    const [png, pngName] = page.download.mock.calls[0] as [Blob, string];
    const [svg, svgName] = page.download.mock.calls[1] as [Blob, string];
    expect([pngName, png.type, (await bytesOf(png)).length]).toEqual(['qr.png', 'image/png', 9]);
    expect([svgName, svg.type, await svg.text()]).toEqual(['qr.svg', 'image/svg+xml', '<svg/>']);
  });
});

describe('browser capabilities', () => {
  it('opens links in a new tab without an opener or referrer', () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    browserCapabilities().openLink('https://t.me/x');
    click.mockRestore();
    expect(clicked).toHaveLength(1);
    expect([clicked[0]?.href, clicked[0]?.target, clicked[0]?.rel]).toEqual([
      'https://t.me/x',
      '_blank',
      'noopener noreferrer',
    ]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });
});
