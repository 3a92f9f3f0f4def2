// Tokens live only in core. A whole session — sign in, API calls, a 401 and refresh, sign-out —
// runs against a real sandbox process, through the same dispatcher both shells use; every
// bridge answer, every event and the pre-rendered page's state is serialized and searched for
// each token the server issued.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../electron/core/bridge-dispatch.ts';
import { type Companion, startCompanion } from '../../electron/core/companion.ts';
import { createMemorySecretStore } from '../../electron/core/secrets/secret-store.ts';
import { createMemorySettingsStorage } from '../../electron/core/settings/settings-storage.ts';
import { type RunningSandbox, startSandbox } from '../../sandbox/server.ts';
import type { BridgeResult } from '../../shared/bridge.ts';
import { openApiChecker } from '../support/openapi-answers.ts';
import { signInThroughBrowser } from '../support/sandbox-sign-in.ts';

let sandbox: RunningSandbox;
let companion: Companion;
/** Every access and refresh token the sandbox handed out in this run. */
const issued = new Set<string>();
/** Everything that crossed the bridge towards the UI, serialized as the transports send it. */
const wire: string[] = [];

/** Records the tokens in the token endpoint's answers as they pass. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (url.endsWith('/oauth/token') && response.ok) {
    const body = (await response.clone().json()) as { access_token: string; refresh_token: string };
    issued.add(body.access_token);
    issued.add(body.refresh_token);
  }
  return response;
};
const answers = openApiChecker(recordingFetch);

beforeAll(async () => {
  // In process, so the test can make the server forget its access tokens (a real 401).
  sandbox = await startSandbox({ mode: 'test' });
  companion = await startCompanion({
    accountsUrl: sandbox.url,
    version: '0.0.0-test',
    shell: 'browser',
    startDemoSandbox: vi.fn(),
    settings: createMemorySettingsStorage(),
    secrets: createMemorySecretStore(),
    fetch: answers.fetch,
  });
  companion.events.subscribe((message) => wire.push(JSON.stringify(message)));
});

afterAll(async () => {
  await companion?.close();
  await sandbox?.close();
  // Every accounts API answer of the whole session matched the published OpenAPI document.
  expect(answers.checked.length).toBeGreaterThan(5);
  expect(answers.violations).toEqual([]);
});

describe('a session end to end', () => {
  it('never lets a token reach the UI', async () => {
    const dispatcher = createDispatcher(companion.handlers, () => {});
    const call = async (method: string): Promise<BridgeResult> => {
      const result = await dispatcher.dispatch(method, {});
      wire.push(JSON.stringify(result));
      return result;
    };

    const started = await call('signIn');
    expect(started).toMatchObject({ ok: true, value: { state: 'signing-in' } });
    const authorizeUrl = (started as { value: { authorizeUrl: string } }).value.authorizeUrl;
    await signInThroughBrowser(authorizeUrl);
    await vi.waitFor(async () =>
      expect(await call('getSession')).toMatchObject({ value: { state: 'signed-in' } }),
    );
    expect(await call('getReferral')).toMatchObject({ ok: true });

    // A 401 (the server dropped its access tokens) → one refresh → the call still succeeds.
    const before = issued.size;
    sandbox.db.exec('DELETE FROM oauth_access_tokens');
    expect(await call('getReferral')).toMatchObject({ ok: true });
    expect(issued.size).toBe(before + 2);
    // The state the shells pre-render the page from, and embed in it, is UI-bound too.
    wire.push(JSON.stringify(companion.firstPaint(['en'])));
    expect(wire.at(-1)).toContain('"referral":{');
    for (const method of ['getAppInfo', 'getSession', 'signOut', 'getSession']) await call(method);
    expect(wire.some((line) => line.includes('"signed-in"'))).toBe(true);
    expect(wire.at(-1)).toContain('"signed-out"');

    expect(issued.size).toBe(4);
    for (const line of wire) {
      for (const token of issued) expect(line).not.toContain(token);
    }
  });
});
