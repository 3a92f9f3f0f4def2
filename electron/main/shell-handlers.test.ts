import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, bridgeMethods } from '../../shared/bridge.ts';
import { buildShareUrl, SHARE_TARGETS } from '../../shared/share-targets.ts';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './testing/fake-electron.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);
const { createElectronShellHandlers } = await import('./shell-handlers.ts');

// A 1×1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const link = 'https://accounts.quantower.com/referral?referral_code=QT%2BA%2FB%3D';

let dir: string;
beforeEach(async () => {
  resetFakeElectron();
  await fakeElectron.app.whenReady();
  dir = await mkdtemp(join(tmpdir(), 'companion-save-'));
  fakeElectron.app.getPath.mockImplementation((name: string) => join(dir, name));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Electron shell handlers', () => {
  it('reads the clipboard for the focused window only', async () => {
    const window = new FakeBrowserWindow({});
    fakeElectron.clipboard.readText.mockResolvedValue(link);
    const handlers = createElectronShellHandlers({ window: () => window as never });
    await expect(handlers.readClipboardText({})).resolves.toEqual({ text: link });
    window.focused = false;
    fakeElectron.clipboard.readText.mockClear();
    await expect(handlers.readClipboardText({})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createElectronShellHandlers().readClipboardText({})).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(fakeElectron.clipboard.readText).not.toHaveBeenCalled();
  });

  it.each(SHARE_TARGETS)('opens the %s share URL exactly as built', async (target) => {
    const url = buildShareUrl(target, { link, message: 'Привет 🎉 50% + бонус', language: 'ru' });
    await expect(createElectronShellHandlers().openExternal({ url })).resolves.toEqual({ opened: true });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it.each([
    'http://t.me/share/url',
    'https://t.me@evil.example/',
    'https://x.com.evil.example/intent/post',
    'https://evil.example/',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('refuses %s without calling Electron', async (url) => {
    const opened = createElectronShellHandlers().openExternal({ url });
    await expect(opened).rejects.toBeInstanceOf(BridgeError);
    await expect(opened).rejects.toMatchObject({ code: 'forbidden', retryable: false });
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });

  it("opens the accounts server's sign-in page on its exact origin only", async () => {
    const handlers = createElectronShellHandlers({ trustedOrigins: () => ['http://127.0.0.1:4100'] });
    const authorize = 'http://127.0.0.1:4100/oauth/authorize?client_id=c';
    await expect(handlers.openExternal({ url: authorize })).resolves.toEqual({ opened: true });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(authorize);
    await expect(
      handlers.openExternal({ url: 'http://127.0.0.1:4101/oauth/authorize' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(createElectronShellHandlers().openExternal({ url: authorize })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('puts a PNG on the clipboard as an image', async () => {
    await expect(createElectronShellHandlers().copyImage({ pngBase64: PNG_BASE64 })).resolves.toEqual({
      copied: true,
    });
    const [items] = fakeElectron.clipboard.write.mock.calls[0] ?? [];
    expect(items).toHaveLength(1);
    const png = items?.[0]?.items['image/png'] as Blob;
    expect(png.type).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
  });

  it('refuses an image Electron cannot read', async () => {
    fakeElectron.nativeImage.createFromBuffer.mockImplementationOnce(
      () => ({ isEmpty: () => true }) as never,
    );
    await expect(createElectronShellHandlers().copyImage({ pngBase64: PNG_BASE64 })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(fakeElectron.clipboard.write).not.toHaveBeenCalled();
  });

  it('saves a PNG where the user chose, with a dialog modal to the window', async () => {
    const window = new FakeBrowserWindow({});
    const target = join(dir, 'chosen.png');
    fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const handlers = createElectronShellHandlers({ window: () => window as never });
    await expect(
      handlers.saveFile({ name: 'referral-qr.png', mime: 'image/png', dataBase64: PNG_BASE64 }),
    ).resolves.toEqual({ saved: true });
    expect(fakeElectron.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, {
      defaultPath: join(dir, 'downloads', 'referral-qr.png'),
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    });
    expect((await readFile(target)).equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
  });

  it('saves SVG text as UTF-8', async () => {
    const target = join(dir, 'qr.svg');
    fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>QR — код</title></svg>';
    await createElectronShellHandlers().saveFile({ name: 'qr.svg', mime: 'image/svg+xml', text: svg });
    expect(fakeElectron.dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      filters: [{ name: 'SVG image', extensions: ['svg'] }],
    });
    expect(await readFile(target, 'utf8')).toBe(svg);
  });

  it('writes nothing when the user cancels', async () => {
    const result = await createElectronShellHandlers().saveFile({
      name: 'qr.svg',
      mime: 'image/svg+xml',
      text: '<svg/>',
    });
    expect(result).toEqual({ saved: false });
  });

  it.each([
    { name: '../evil.png', mime: 'image/png', dataBase64: PNG_BASE64 },
    { name: 'C:\\evil.png', mime: 'image/png', dataBase64: PNG_BASE64 },
    { name: 'qr.exe', mime: 'image/png', dataBase64: PNG_BASE64 },
    { name: 'qr.png', mime: 'image/png', dataBase64: 'PHN2Zz4=' },
    { name: 'qr.png', mime: 'image/png', dataBase64: 'not base64!' },
    { name: 'qr.svg', mime: 'text/html', text: '<script>' },
  ])('the contract refuses save input %j before any handler runs', (input) => {
    expect(bridgeMethods.saveFile.input.safeParse(input).success).toBe(false);
  });
});

describe('openLogsFolder', () => {
  it('opens the logs folder in the file manager', async () => {
    const handlers = createElectronShellHandlers({ logsDir: '/data/logs' });
    await expect(handlers.openLogsFolder({})).resolves.toEqual({ opened: true });
    expect(fakeElectron.shell.openPath).toHaveBeenCalledExactlyOnceWith('/data/logs');
  });

  it('says it did not open when the file manager refused, or when there is no log file', async () => {
    fakeElectron.shell.openPath.mockResolvedValueOnce('Failed to open path');
    await expect(createElectronShellHandlers({ logsDir: '/gone' }).openLogsFolder({})).resolves.toEqual({
      opened: false,
    });
    fakeElectron.shell.openPath.mockClear();
    await expect(createElectronShellHandlers().openLogsFolder({})).resolves.toEqual({ opened: false });
    expect(fakeElectron.shell.openPath).not.toHaveBeenCalled();
  });
});
