// Serves the built renderer from app://companion/ instead of file://: a real origin for the
// sender checks and the same-origin rules, and a place to put the CSP and security headers on
// every response (file:// responses cannot carry headers).
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { getMimeType } from 'hono/utils/mime';
import { RENDERER_SECURITY_HEADERS } from '../core/content-security-policy.ts';
import { APP_HOST, APP_SCHEME } from './app-identity.ts';

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard + secure: a normal origin with https-like rules; no CORS, no service workers.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/** The page itself, made per request (core pre-renders it from its current state); null: the file as built. */
export type IndexPageSource = () => Promise<{ html: string; headers: Record<string, string> } | null>;

export function serveRendererFrom(
  rootDir: string,
  indexPage?: IndexPageSource,
  log: (message: string, error?: unknown) => void = console.error,
): void {
  protocol.handle(APP_SCHEME, createRendererFileHandler(rootDir, indexPage, log));
}

export function createRendererFileHandler(
  rootDir: string,
  indexPage?: IndexPageSource,
  log: (message: string, error?: unknown) => void = console.error,
): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return answer(404, 'Not found');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return answer(400, 'Bad request');
    }
    if (path.includes('\0')) return answer(400, 'Bad request');
    if (indexPage && (path === '/' || path === '/index.html')) {
      try {
        const page = await indexPage();
        if (page)
          return new Response(request.method === 'HEAD' ? null : page.html, {
            status: 200,
            headers: {
              ...page.headers,
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
            },
          });
      } catch (error) {
        // The plain file below still starts the app (without the pre-rendered first paint).
        log('The pre-rendered page failed; serving index.html as built', error);
      }
    }
    // No asset name has a backslash; on Windows it would be a separator resolve() honours.
    if (path.includes('\\')) return answer(403, 'Forbidden');
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    // Encoded separators (%2F, %5C) survive URL normalization; resolve() then shows any escape.
    const inside = relative(root, file);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      return answer(403, 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return answer(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return answer(200, body, getMimeType(file) ?? 'application/octet-stream');
    } catch {
      return answer(404, 'Not found');
    }
  };
}

function answer(status: number, body: BodyInit | null, type = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { ...RENDERER_SECURITY_HEADERS, 'content-type': type } });
}
