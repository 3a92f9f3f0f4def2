import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, RENDERER_SECURITY_HEADERS } from '../core/content-security-policy.ts';
import { createRendererFileHandler, registerAppScheme, serveRendererFrom } from './renderer-protocol.ts';
import { fakeElectron, resetFakeElectron } from './testing/fake-electron.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);

let dir: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'renderer-protocol-'));
  root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  await writeFile(join(dir, 'renderer-evil.txt'), 'a sibling sharing the prefix');
  serve = createRendererFileHandler(root);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  resetFakeElectron();
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

function expectSecurityHeaders(response: Response) {
  for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) {
    expect(response.headers.get(name), name).toBe(value);
  }
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
}

describe('app:// renderer protocol', () => {
  it('serves index.html at the root and assets with their types, all with the CSP', async () => {
    const index = await get('app://companion/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>app</title>');
    expectSecurityHeaders(index);

    const script = await get('app://companion/assets/index-abc.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log(1)');
    expectSecurityHeaders(script);

    const style = await get('app://companion/assets/index-abc.css?v=1#x');
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
    expectSecurityHeaders(style);

    const head = await get('app://companion/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://companion/..%2Fsecret.txt',
    'app://companion/assets/..%2F..%2Fsecret.txt',
    'app://companion/..%5Csecret.txt',
    'app://companion/%2E%2E%2Fsecret.txt',
    'app://companion/..%2Frenderer-evil.txt',
  ])('refuses traversal out of the renderer: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside');
    expectSecurityHeaders(response);
  });

  it('never leaves the root even for paths the URL parser normalizes', async () => {
    const response = await get('app://companion/../../secret.txt');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('answers missing files, directories, other hosts, bad encodings and writes with errors that carry the CSP', async () => {
    const cases: [string, string, number][] = [
      ['app://companion/missing.js', 'GET', 404],
      ['app://companion/assets', 'GET', 404],
      ['app://elsewhere/index.html', 'GET', 404],
      ['app://companion/%E0%A4%A', 'GET', 400],
      ['app://companion/index.html%00.js', 'GET', 400],
      ['app://companion/index.html', 'POST', 405],
    ];
    for (const [url, method, status] of cases) {
      const response = await get(url, method);
      expect(response.status, `${method} ${url}`).toBe(status);
      expectSecurityHeaders(response);
    }
  });

  it('registers app: as a privileged standard scheme and serves it through protocol.handle', async () => {
    registerAppScheme();
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    // Electron's order: privileged schemes before ready, protocol.handle after.
    expect(() => serveRendererFrom(root)).toThrow(/before the app is ready/);
    await fakeElectron.app.whenReady();
    expect(() => registerAppScheme()).toThrow(/before app is ready/);
    serveRendererFrom(root);
    const handler = fakeElectron.protocol.handlers.get('app');
    const response = await handler?.(new Request('app://companion/index.html'));
    expect(response?.status).toBe(200);
  });
});

describe('the pre-rendered page', () => {
  const page = {
    html: '<!doctype html><div id="root" inert>figures</div>',
    headers: { 'content-security-policy': "style-src 'self' 'sha256-x'" },
  };

  it('answers / and /index.html with the page core renders per request, never cached', async () => {
    const source = vi.fn(async () => page);
    const handler = createRendererFileHandler(root, source);
    for (const url of ['app://companion/', 'app://companion/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(page.html);
      expect(response.headers.get('content-security-policy')).toBe(page.headers['content-security-policy']);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toMatch(/^text\/html/u);
    }
    expect(source).toHaveBeenCalledTimes(2);
    // Assets are still the files of the build.
    expect(await (await handler(new Request('app://companion/assets/index-abc.js'))).text()).toBe(
      'console.log(1)',
    );
  });

  it('falls back to index.html as built when there is no page or it fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const source of [async () => null, async () => Promise.reject(new Error('render failed'))]) {
      const response = await createRendererFileHandler(root, source)(new Request('app://companion/'));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
      expectSecurityHeaders(response);
    }
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
