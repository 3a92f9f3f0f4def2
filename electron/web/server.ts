// The browser shell: a Node process that hosts the same core as the Electron app and serves
// the same renderer bundle, with the bridge over HTTP (calls) and Server-Sent Events (events).
// It listens on 127.0.0.1 only and answers only its own page (see security.ts).

import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { BridgeFailure, BridgeResult } from '../../shared/bridge.ts';
import { errorMessage } from '../../shared/error-message.ts';
import { FIRST_PAINT_MODULE } from '../../shared/first-paint-element.ts';
import type { CompanionMode } from '../../shared/settings.ts';
import { createDispatcher } from '../core/bridge-dispatch.ts';
import {
  type Companion,
  type CompanionOptions,
  type DemoSandbox,
  startCompanion,
} from '../core/companion.ts';
import { RENDERER_SECURITY_HEADERS } from '../core/content-security-policy.ts';
import { createDemoSandboxStarter } from '../core/demo-sandbox.ts';
import {
  type IndexPage,
  loadFirstPaintRenderer,
  prepareIndexPage,
  rendererAssetReader,
} from '../core/first-paint/index-page.ts';
import { acceptLanguages } from '../core/first-paint/languages.ts';
import { createFileLogger } from '../core/logging/file-logger.ts';
import type { Logger, LogLevel } from '../core/logging/logger.ts';
import { openKeytarStore } from '../core/secrets/keytar-store.ts';
import {
  createMemorySecretStore,
  DEFAULT_SECRET_SERVICE,
  memoryOnlyNote,
  type SecretStore,
} from '../core/secrets/secret-store.ts';
import { openCompanionStorage } from '../core/storage.ts';
import { loadRendererPage, loadWebBridge, WEB_BRIDGE_PATH } from './renderer-page.ts';
import {
  checkHost,
  createSecret,
  fetchSiteAllowed,
  originMatches,
  SECRET_PARAM,
  secretMatches,
  sessionCookieName,
} from './security.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_RENDERER_DIR = resolve(PROJECT_ROOT, 'out/renderer');
export const DEFAULT_FIRST_PAINT_MODULE = resolve(PROJECT_ROOT, 'out/renderer-server', FIRST_PAINT_MODULE);
export const DEFAULT_WEB_BRIDGE_FILE = resolve(PROJECT_ROOT, 'out/web/web-bridge.js');
/** Bridge inputs are small JSON objects; anything bigger is refused before parsing. */
export const MAX_BRIDGE_BODY_BYTES = 64 * 1024;
const HOST = '127.0.0.1';

export interface BrowserShellOptions {
  /** The accounts API base URL: server mode. */
  accountsUrl?: string | undefined;
  /** `--mode`: skips the welcome; absent: the saved choice, or the welcome screen (issue 13). */
  mode?: CompanionMode | undefined;
  /** Where demo mode keeps its sandbox database, and where the settings file lives. */
  dataDir: string;
  /** Default 0: any free port. */
  port?: number;
  /** The built renderer (the same bundle Electron loads). Default: out/renderer. */
  rendererDir?: string;
  /** The pre-rendering module (default: out/renderer-server's); null: serve the page without it. */
  firstPaintModule?: string | null;
  /** The built page script (electron/web/page/web-bridge.ts). Default: out/web/web-bridge.js. */
  webBridgeFile?: string;
  /** Default: package.json's version. */
  version?: string;
  /** Where the sign-in is kept: default the OS keychain (keytar), else memory with a note why. */
  secrets?: SecretStore;
  /** How long a sign-in waits for the browser (default: core's 5 minutes). */
  signInTimeoutMs?: number;
  /** How long a burst of notices gathers into one summary (default: core's 400 ms). */
  notificationBurstMs?: number;
  /** Default: the sandbox in dataDir (createDemoSandboxStarter). */
  startDemoSandbox?: () => Promise<DemoSandbox>;
  /** SSE heartbeat period; keeps idle connections from being dropped by proxies and sleep. */
  heartbeatMs?: number;
  /** The log's level (default 'info'); the file is dataDir/logs/companion.log. */
  logLevel?: LogLevel;
  /** Also print log lines to the console (development). */
  logToConsole?: boolean;
  /** TESTS: the HTTP client core uses towards the accounts server. */
  fetch?: typeof fetch;
  /** TEST ONLY (demo mode): see CompanionOptions.afterRequestSent and cli.ts. */
  afterRequestSent?: CompanionOptions['afterRequestSent'];
}

export interface BrowserShell {
  /** The URL to open: it carries this run's secret, so print it only to the user. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly companion: Companion;
  /** Open event streams (diagnostics; lets tests see that disconnects are cleaned up). */
  readonly eventStreamCount: number;
  close(): Promise<void>;
}

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535) {
    throw new RangeError(`The port must be an integer in 0..65535, got ${String(options.port)}.`);
  }
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  // One log for core, the embedded sandbox and this shell, in the data directory.
  const logger = createFileLogger({
    dir: join(resolve(options.dataDir), 'logs'),
    level: options.logLevel ?? 'info',
    console: options.logToConsole ?? false,
  });
  const fileLog = (name: string) => logger.scope('files').scope(name).warn;
  let page: IndexPage;
  let webBridge: string;
  let companion: Companion;
  try {
    // Load the page first: a missing build should fail before a sandbox is started.
    const pageLog = logger.scope('first-paint').warn;
    page = await prepareIndexPage({
      html: await loadRendererPage(rendererDir),
      readAsset: rendererAssetReader(rendererDir),
      renderer:
        options.firstPaintModule === null
          ? null
          : await loadFirstPaintRenderer(
              resolve(options.firstPaintModule ?? DEFAULT_FIRST_PAINT_MODULE),
              pageLog,
            ),
      log: pageLog,
    });
    webBridge = await loadWebBridge(resolve(options.webBridgeFile ?? DEFAULT_WEB_BRIDGE_FILE));

    companion = await startCompanion({
      shell: 'browser',
      version: options.version ?? readPackageVersion(),
      accountsUrl: options.accountsUrl,
      ...(options.mode ? { mode: options.mode } : {}),
      startDemoSandbox: options.startDemoSandbox ?? createDemoSandboxStarter(options.dataDir, logger),
      logger,
      logs: logger,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      // Every state file, each logging under its own name when it is damaged and set aside.
      ...openCompanionStorage(options.dataDir, { log: fileLog }),
      ...(options.afterRequestSent ? { afterRequestSent: options.afterRequestSent } : {}),
      secrets: options.secrets ?? (await openSecretStore()),
      // The demo sign-in belongs to the sandbox in this data directory, whatever its port.
      demoScope: resolve(options.dataDir),
      ...(options.signInTimeoutMs ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
      ...(options.notificationBurstMs ? { notificationBurstMs: options.notificationBurstMs } : {}),
    });
  } catch (error) {
    await logger.close();
    throw error;
  }

  const secret = createSecret();
  const sessionToken = createSecret();
  let port = requestedPort;
  const streams = new Set<() => void>();
  const app = createShellApp({
    companion,
    page,
    webBridge,
    rendererDir,
    secret,
    sessionToken,
    port: () => port,
    streams,
    heartbeatMs: options.heartbeatMs ?? 20_000,
    logger: logger.scope('browser-shell'),
  });

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolveListen, reject) => {
      const listening = serve(
        { fetch: app.fetch, hostname: HOST, port: requestedPort },
        (info: AddressInfo) => {
          port = info.port;
          resolveListen(listening);
        },
      );
      listening.once('error', reject);
    });
  } catch (error) {
    await companion.close();
    await logger.close();
    const reason = errorMessage(error);
    throw new Error(`The browser shell cannot listen on ${HOST}:${requestedPort}: ${reason}`);
  }

  const origin = `http://${HOST}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?${SECRET_PARAM}=${secret}`,
    origin,
    port,
    companion,
    get eventStreamCount() {
      return streams.size;
    },
    close() {
      closing ??= (async () => {
        for (const end of [...streams]) end();
        await new Promise<void>((done) => {
          server.close(() => done());
          // Event streams and keep-alive connections would otherwise hold close() open.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await companion.close();
        await logger.close();
      })();
      return closing;
    },
  };
}

interface ShellAppOptions {
  companion: Companion;
  page: IndexPage;
  webBridge: string;
  rendererDir: string;
  secret: string;
  sessionToken: string;
  port: () => number;
  streams: Set<() => void>;
  heartbeatMs: number;
  logger: Logger;
}

type Env = Record<string, never>;

function createShellApp(options: ShellAppOptions): Hono<Env> {
  const { companion } = options;
  // Shell-side methods (copyText) are answered by the page itself, so only core is dispatched here.
  const bridgeLog = options.logger.scope('bridge');
  const dispatcher = createDispatcher(companion.handlers, (message) => bridgeLog.error(message));
  const app = new Hono<Env>();

  // An access log at debug level: the first load's ?k= secret is scrubbed by the logger.
  const access = options.logger.scope('http');
  app.use('*', async (c, next) => {
    await next();
    access.debug(`${c.req.method} ${c.req.url} → ${c.res.status}`);
  });
  app.use('*', securityHeaders);
  app.use('*', guard(options));

  app.post(
    '/bridge/call/:method',
    bodyLimit({
      maxSize: MAX_BRIDGE_BODY_BYTES,
      onError: (c) =>
        refuse(c, 413, {
          code: 'invalid-input',
          message: 'The request body is too large.',
          retryable: false,
        }),
    }),
    async (c) => {
      if (!c.req.header('origin')) {
        // Browsers always send Origin on POST; its absence means the caller is not our page.
        return refuse(c, 403, {
          code: 'forbidden',
          message: 'Bridge calls need an Origin.',
          retryable: false,
        });
      }
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/iu.test(type)) {
        // Requiring JSON also forces a CORS preflight on any cross-origin attempt.
        return refuse(c, 415, {
          code: 'invalid-input',
          message: 'Bridge calls must be application/json.',
          retryable: false,
        });
      }
      const text = await c.req.text();
      let input: unknown;
      if (text.trim() !== '') {
        try {
          input = JSON.parse(text);
        } catch {
          return refuse(c, 400, {
            code: 'invalid-input',
            message: 'The body is not valid JSON.',
            retryable: false,
          });
        }
      }
      // The dispatcher validates input and output against the shared schemas.
      return c.json(await dispatcher.dispatch(c.req.param('method'), input));
    },
  );

  app.get('/bridge/events', (c) =>
    streamSSE(c, async (stream) => {
      let end = () => {};
      const ended = new Promise<void>((resolveEnd) => {
        end = resolveEnd;
      });
      options.streams.add(end);
      stream.onAbort(end);
      const unsubscribe = companion.events.subscribe((message) => {
        void stream.writeSSE({ event: message.event, data: JSON.stringify(message.payload) });
      });
      const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), options.heartbeatMs);
      try {
        await stream.write('retry: 3000\n: connected\n\n');
        await ended;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        options.streams.delete(end);
      }
    }),
  );

  app.all('/bridge/*', (c) =>
    refuse(c, 404, {
      code: 'unknown-method',
      message: `No bridge endpoint ${c.req.path}.`,
      retryable: false,
    }),
  );

  // Pre-rendered from what core holds now, in the language the browser asks for (docs/first-paint.md).
  const servePage = (c: Context<Env>) => {
    const page = options.page.render(companion.firstPaint(acceptLanguages(c.req.header('accept-language'))));
    for (const [name, value] of Object.entries(page.headers)) c.header(name, value);
    c.header('cache-control', 'no-store');
    return c.html(page.html);
  };
  app.get('/', servePage);
  app.get('/index.html', servePage);
  app.get(WEB_BRIDGE_PATH, (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'no-store');
    return c.body(options.webBridge);
  });
  // serveStatic refuses '..' segments, backslashes and encoded separators (path traversal).
  app.get('*', serveStatic({ root: options.rendererDir }));
  app.notFound((c) => c.text('Not found.', 404));
  app.onError((error, c) => {
    options.logger.error(`${c.req.method} ${c.req.path} failed`, error);
    return c.text('Internal error.', 500);
  });
  return app;
}

const securityHeaders: MiddlewareHandler<Env> = async (c, next) => {
  for (const [name, value] of Object.entries(RENDERER_SECURITY_HEADERS)) c.header(name, value);
  await next();
};

function guard(options: ShellAppOptions): MiddlewareHandler<Env> {
  return async (c, next) => {
    const isBridge = c.req.path.startsWith('/bridge/');
    const deny = (message: string) =>
      isBridge
        ? refuse(c, 403, { code: 'forbidden', message, retryable: false })
        : c.text(`Forbidden: ${message}`, 403);

    const host = checkHost(c.req.header('host'), options.port());
    if (!host) return deny('this server answers only to 127.0.0.1 or localhost on its own port.');
    const origin = c.req.header('origin');
    if (origin !== undefined && !originMatches(origin, host)) {
      return deny('requests from other origins are refused.');
    }
    if (isBridge && !fetchSiteAllowed(c.req.header('sec-fetch-site'))) {
      return deny('the bridge answers only the companion page.');
    }

    const cookieName = sessionCookieName(options.port());
    const offered = c.req.query(SECRET_PARAM);
    if (offered !== undefined && c.req.path === '/' && c.req.method === 'GET') {
      if (!secretMatches(offered, options.secret)) {
        return deny('this link is not valid for this run of the companion; open the URL it printed.');
      }
      // Trade the secret for a cookie and answer with the page itself, which drops the secret
      // from the address bar and its history entry (page/secret-address.ts).
      setCookie(c, cookieName, options.sessionToken, { httpOnly: true, sameSite: 'Strict', path: '/' });
      await next();
      return;
    }
    if (!secretMatches(getCookie(c, cookieName), options.sessionToken)) {
      return deny('open the URL with the secret that the companion printed when it started.');
    }
    await next();
  };
}

function refuse(c: Context, status: 400 | 403 | 404 | 413 | 415, error: BridgeFailure): Response {
  const body: BridgeResult = { ok: false, error };
  return c.json(body, status);
}

/** The keychain where there is one (the browser shell has no Electron safeStorage fallback). */
async function openSecretStore(): Promise<SecretStore> {
  const keychain = await openKeytarStore({ service: DEFAULT_SECRET_SERVICE });
  return keychain.ok ? keychain.store : createMemorySecretStore(memoryOnlyNote([keychain.problem]));
}

function readPackageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  if (typeof version !== 'string') throw new Error('package.json has no version.');
  return version;
}
