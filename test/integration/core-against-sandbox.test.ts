// Core against a real sandbox process: the same HTTP, SQLite and contract the app uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../electron/core/bridge-dispatch.ts';
import { type Companion, startCompanion } from '../../electron/core/companion.ts';
import { createMemorySettingsStorage } from '../../electron/core/settings/settings-storage.ts';
import { ReferralInfo } from '../../shared/accounts-api.ts';
import { parseReferralCode } from '../../shared/referral-link.ts';
import { openApiChecker } from '../support/openapi-answers.ts';
import { type SandboxProcess, spawnSandbox } from '../support/sandbox-process.ts';
import { sandboxAuthHeaders, signInThroughBrowser } from '../support/sandbox-sign-in.ts';

let dir: string;
let sandbox: SandboxProcess;
let companion: Companion;
const answers = openApiChecker();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companion-it-'));
  sandbox = await spawnSandbox({ db: join(dir, 'sandbox.sqlite') });
  companion = await startCompanion({
    accountsUrl: sandbox.url,
    version: '0.0.0-test',
    shell: 'browser',
    startDemoSandbox: vi.fn(),
    settings: createMemorySettingsStorage(),
    fetch: answers.fetch,
  });
  // Signed in the way the app does it: the sandbox's page in "the browser", back on the loopback.
  const started = await companion.handlers.signIn({});
  await signInThroughBrowser(started.authorizeUrl as string);
  await vi.waitFor(async () => expect((await companion.handlers.getSession({})).state).toBe('signed-in'));
});

afterAll(async () => {
  await companion?.close();
  await sandbox?.stop();
  // Every accounts API answer core received matched the published OpenAPI document.
  expect(answers.checked.length).toBeGreaterThan(5);
  expect(answers.violations).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

describe('core against a real sandbox', () => {
  it('serves exactly the referral link the sandbox serves', async () => {
    const headers = await sandboxAuthHeaders(sandbox.url);
    const served = ReferralInfo.parse(
      await (await fetch(new URL('api/v1/referral', sandbox.url), { headers })).json(),
    );
    const view = await companion.handlers.getReferral({});
    expect(view.link).toBe(served.link);
    expect(view.code).toBe(served.code);
    // The demo partner's code carries a '+', which must survive the link intact.
    expect(view.code).toContain('+');
    expect(parseReferralCode(view.link)).toBe(view.code);
    expect(view.partner?.email).toMatch(/@/u);
  });

  it('reports the sandbox going down as unavailable, and recovers when it is back', async () => {
    const dispatcher = createDispatcher(companion.handlers, () => {});
    const before = await dispatcher.dispatch('getReferral', {});
    expect(before.ok).toBe(true);

    const port = sandbox.port;
    await sandbox.stop();
    const down = await dispatcher.dispatch('getReferral', {});
    expect(down).toMatchObject({ ok: false, error: { code: 'unavailable', retryable: true } });

    // Same port, same database file: the partner and code are what they were (persisted, not re-randomized).
    sandbox = await spawnSandbox({ port, db: join(dir, 'sandbox.sqlite') });
    const after = await dispatcher.dispatch('getReferral', {});
    expect(after).toEqual(before);
  });

  it('names the accounts server by its host only in the diagnostics, and has no updater in this shell', async () => {
    const diagnostics = await companion.handlers.getDiagnostics({});
    const host = new URL(sandbox.url).host;
    expect(diagnostics).toMatchObject({ mode: 'server', host, shell: 'browser', logsDir: null });
    expect(diagnostics.update.state).toBe('unsupported');
    expect(diagnostics.text).toContain(`mode: server (${host})\n`);
    expect(diagnostics.text).not.toContain(sandbox.url);
  });
});
