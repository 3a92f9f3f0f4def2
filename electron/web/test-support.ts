// Helpers for the browser shell's tests: raw HTTP with full control of Host, Origin and Cookie
// (fetch would fill some of those in itself), and a throwaway renderer bundle.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Connect to this address instead of 127.0.0.1. */
  address?: string;
}

export function rawRequest(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.address ?? '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${options.port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const FAKE_RENDERER_CSS = 'body { color: black; }';

/** A minimal built renderer: index.html with a module script, a stylesheet, and one asset. */
export async function fakeRendererBuild(): Promise<{
  rendererDir: string;
  webBridgeFile: string;
  firstPaintModule: string;
}> {
  const root = await mkdtemp(join(tmpdir(), 'browser-shell-test-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html lang="en"><head><script type="module" src="/assets/app.js"></script><link rel="stylesheet" href="./assets/style.css"></head><body><div id="root"></div></body></html>',
  );
  await writeFile(join(rendererDir, 'assets', 'style.css'), FAKE_RENDERER_CSS);
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(root, 'secret.txt'), 'outside the bundle');
  const webBridgeFile = join(root, 'web-bridge.js');
  await writeFile(webBridgeFile, 'window.companion = {};');
  // Stands in for out/renderer-server: shows what it was given, so tests see the state core passed.
  const firstPaintModule = join(root, 'render-first-paint.mjs');
  await writeFile(
    firstPaintModule,
    `export function renderFirstPaint(s) {
  return { html: '<p data-testid="pre">' + [s.session.state, s.settings.ui.section, s.systemLanguages.join(' ')].join('|') + '</p>', lang: 'en' };
}`,
  );
  return { rendererDir, webBridgeFile, firstPaintModule };
}
