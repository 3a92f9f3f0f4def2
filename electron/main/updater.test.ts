// electron-updater's own provider, feed parsing and version comparison, driven without an
// Electron binary: a real NsisUpdater built with an AppAdapter of our own (instead of Electron's
// app) and Node's HTTP client (instead of Electron's net), against a feed served on 127.0.0.1.
// What cannot run here: Windows' Authenticode check of a downloaded installer (PowerShell's
// Get-AuthenticodeSignature); the test swaps in a verifier to show that its refusal stops the update.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestOptions, request, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEventHub } from '../core/event-hub.ts';
import { type Logger, silentLogger } from '../core/logging/logger.ts';
import { createUpdateService } from '../core/updates/update-service.ts';
import { createUpdaterGlue } from './updater.ts';

const { NsisUpdater } = electronUpdater;
// electron-updater's own HTTP executor (its download, checksum and redirect logic), with Node's
// http.request where it would call Electron's net.request: the only part swapped out.
const { ElectronHttpExecutor } = createRequire(import.meta.url)(
  'electron-updater/out/electronHttpExecutor.js',
) as {
  ElectronHttpExecutor: new (
    login: null,
  ) => { createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): unknown };
};
class NodeHttpExecutor extends ElectronHttpExecutor {
  constructor() {
    super(null);
  }
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
    return request(options, callback);
  }
}

const INSTALLER = Buffer.from('MZ not really an installer, but bytes with a checksum');
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

function latestYml(
  version: string,
  file = 'Referral-Companion-setup.exe',
  checksum = sha512(INSTALLER),
): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${checksum}`,
    `    size: ${INSTALLER.length}`,
    `path: ${file}`,
    `sha512: ${checksum}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');
}

const feeds: Record<string, string> = {
  '/newer/latest.yml': latestYml('0.2.0'),
  '/older/latest.yml': latestYml('0.0.9'),
  '/same/latest.yml': latestYml('0.1.0'),
  '/malformed/latest.yml': 'version: [this is: not, a feed\n  files: }',
  '/no-version/latest.yml': 'files: []\npath: x.exe\n',
  '/tampered/latest.yml': latestYml('0.2.0', 'Referral-Companion-setup.exe', sha512(Buffer.from('other'))),
};

let server: Server;
let base: string;
let closedPort: number;
const dirs: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (feeds[path] !== undefined) {
      response.writeHead(200, { 'content-type': 'text/yaml' }).end(feeds[path]);
    } else if (path.endsWith('/Referral-Companion-setup.exe')) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(INSTALLER);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nothing listens on: bind one, note it, close it.
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((done) => probe.close(() => done()));
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real NsisUpdater for app version 0.1.0 on the feed at `url`, without Electron. */
function nsisUpdater(url: string, appUpdateYml?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'companion-updater-'));
  dirs.push(dir);
  // What electron-builder writes into a packaged app's resources from `publish`.
  const configPath = join(dir, 'app-update.yml');
  writeFileSync(
    configPath,
    appUpdateYml ?? `provider: generic\nurl: ${url}\nupdaterCacheDirName: companion-updater\n`,
  );
  const updater = new NsisUpdater(null, {
    version: '0.1.0',
    name: 'Referral Companion for Quantower',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  });
  const internals = updater as unknown as { httpExecutor: unknown; _testOnlyOptions: unknown };
  internals.httpExecutor = new NodeHttpExecutor();
  // latest.yml is the Windows feed; this machine is Linux. No differential download (no old blockmap).
  internals._testOnlyOptions = { platform: 'win32', isUseDifferentialDownload: false };
  updater.setFeedURL({ provider: 'generic', url });
  return updater;
}

describe('the updater glue over electron-updater, against a local feed', () => {
  it('finds a newer version', async () => {
    await expect(createUpdaterGlue(nsisUpdater(`${base}/newer/`), silentLogger).check()).resolves.toEqual({
      version: '0.2.0',
    });
  });

  it.each(['older', 'same'])('answers null for an %s version (no downgrade)', async (feed) => {
    await expect(
      createUpdaterGlue(nsisUpdater(`${base}/${feed}/`), silentLogger).check(),
    ).resolves.toBeNull();
  });

  it.each(['malformed', 'no-version'])('rejects a %s feed', async (feed) => {
    await expect(createUpdaterGlue(nsisUpdater(`${base}/${feed}/`), silentLogger).check()).rejects.toThrow();
  });

  it('rejects an unreachable feed', async () => {
    const glue = createUpdaterGlue(nsisUpdater(`http://127.0.0.1:${closedPort}/`), silentLogger);
    await expect(glue.check()).rejects.toThrow(/ECONNREFUSED/u);
  });

  it('downloads the installer the feed names, checking its sha512', async () => {
    const glue = createUpdaterGlue(nsisUpdater(`${base}/newer/`), silentLogger);
    await glue.check();
    await expect(glue.download()).resolves.toBeUndefined();
  });

  it('refuses an installer whose sha512 differs from the feed', async () => {
    const glue = createUpdaterGlue(nsisUpdater(`${base}/tampered/`), silentLogger);
    await glue.check();
    await expect(glue.download()).rejects.toThrow(/sha512 checksum mismatch/u);
  });

  it('refuses an installer the signature check rejects when app-update.yml names a publisher', async () => {
    const updater = nsisUpdater(
      `${base}/newer/`,
      `provider: generic\nurl: ${base}/newer/\nupdaterCacheDirName: companion-updater\npublisherName:\n  - Referral Companion contributors\n`,
    );
    const verify = vi.fn(async (_publishers: string[], _file: string) => 'signed by someone else');
    updater.verifyUpdateCodeSignature = verify;
    const glue = createUpdaterGlue(updater, silentLogger);
    await glue.check();
    await expect(glue.download()).rejects.toThrow(/not signed by the application owner/u);
    expect(verify.mock.calls[0]?.[0]).toEqual(['Referral Companion contributors']);
  });

  it("makes a failed check one quiet warning in core's update service, and no notice", async () => {
    const lines: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => lines.push(message), scope: () => logger };
    const service = createUpdateService({
      updater: createUpdaterGlue(nsisUpdater(`${base}/malformed/`), silentLogger),
      events: createEventHub(),
      logger,
      enabled: () => true,
      silenced: () => false,
    });
    service.start();
    await vi.waitFor(() => expect(service.status().lastCheck).toMatchObject({ ok: false }));
    service.close();
    expect(service.status()).toMatchObject({ state: 'idle', notice: false });
    expect(lines).toEqual(['update check failed; trying again tomorrow']);
  });
});
