// Nothing secret or personal reaches the log file. A whole signed-in session runs on the browser
// shell (the page's first load with its ?k= secret, sign-in on the sandbox's page, a 401 and a
// refresh, a payout, a license credit, sign-out) with the log at debug level, so every request
// line, sign-in step and outbox entry is written; then each log file, and the diagnostics text
// for support, are searched for every secret and personal value the run saw.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemorySecretStore } from '../../electron/core/secrets/secret-store.ts';
import { type BrowserShell, startBrowserShell } from '../../electron/web/server.ts';
import { fakeRendererBuild } from '../../electron/web/test-support.ts';
import { DEMO_CREDENTIALS } from '../../sandbox/oauth/demo.ts';
import { type RunningSandbox, startSandbox } from '../../sandbox/server.ts';
import { submitSignInForm } from '../support/sandbox-sign-in.ts';

let dataDir: string;
let shell: BrowserShell;
let sandbox: RunningSandbox;
/** Every secret or personal value this run saw on the wire. */
const seen = new Map<string, string>();
const remember = (what: string, value: string | null | undefined) => {
  if (value) seen.set(value, what);
};

/** Records what core sends to and receives from the token endpoint. */
const recordingFetch: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.includes('/oauth/') && typeof init?.body === 'string') {
    const form = new URLSearchParams(init.body);
    for (const name of ['code', 'code_verifier', 'refresh_token', 'token']) remember(name, form.get(name));
  } else if (url.includes('/oauth/') && init?.body instanceof URLSearchParams) {
    for (const name of ['code', 'code_verifier', 'refresh_token', 'token'])
      remember(name, init.body.get(name));
  }
  const response = await fetch(input, init);
  if (url.endsWith('/oauth/token') && response.ok) {
    const body = (await response.clone().json()) as { access_token: string; refresh_token: string };
    remember('access token', body.access_token);
    remember('refresh token', body.refresh_token);
  }
  return response;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'companion-log-scrub-'));
  const build = await fakeRendererBuild();
  shell = await startBrowserShell({
    dataDir,
    ...build,
    secrets: createMemorySecretStore(),
    mode: 'demo',
    logLevel: 'debug',
    fetch: recordingFetch,
    // The demo world, started here so the test can make the server forget its access tokens.
    startDemoSandbox: async () => {
      sandbox = await startSandbox({ mode: 'demo', databasePath: join(dataDir, 'demo.sqlite') });
      return sandbox;
    },
  });
});

afterAll(async () => {
  await shell?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the log of a whole signed-in session', () => {
  it('holds no token, code, secret, password, e-mail address or payout destination', async () => {
    const core = shell.companion.handlers;
    // The page's first load carries this run's secret.
    const pageUrl = new URL(shell.url);
    remember('?k= secret', pageUrl.searchParams.get('k'));
    expect((await fetch(shell.url, { redirect: 'manual' })).status).toBeLessThan(400);

    // Sign in on the sandbox's page, as the browser would.
    const started = await core.signIn({});
    const authorize = new URL(started.authorizeUrl as string);
    remember('state', authorize.searchParams.get('state'));
    remember('code_challenge', authorize.searchParams.get('code_challenge'));
    remember('password', DEMO_CREDENTIALS.password);
    remember('e-mail', DEMO_CREDENTIALS.email);
    const answer = await submitSignInForm(authorize.href);
    const redirect = new URL(answer.location as string);
    remember('authorization code', redirect.searchParams.get('code'));
    await fetch(redirect, { redirect: 'follow' });
    await vi.waitFor(async () => expect((await core.getSession({})).state).toBe('signed-in'));
    const referral = await core.getReferral({});
    remember('partner e-mail', referral.partner?.email);

    // A 401: the server forgot its access tokens; core refreshes once and carries on.
    sandbox.db.exec('DELETE FROM oauth_access_tokens');
    await core.getReferral({});
    expect([...seen.values()].filter((what) => what === 'access token')).toHaveLength(2);

    // A payout to a PayPal address, then the rest of the balance on a license.
    const destination = 'payout.person@example.org';
    remember('payout destination', destination);
    const draft = await core.preparePayout({ amountCents: 6_000, method: 'paypal', destination });
    await core.submitPayout({ key: draft.key });
    const credit = await core.prepareCredit({ sku: 'crypto-1m' });
    await core.submitCredit({ key: credit.key });

    const diagnostics = await core.getDiagnostics({});
    await core.signOut({});
    await shell.close();

    const logs = join(dataDir, 'logs');
    const text = readdirSync(logs)
      .map((file) => readFileSync(join(logs, file), 'utf8'))
      .join('\n');
    // The log did record the session (a test that reads an empty file proves nothing).
    for (const line of [
      'sign-in started',
      'signed in as d…@example.com',
      'access token refreshed',
      'payout',
      'credit',
      'signed out',
      'k=[redacted]',
      'state=[redacted]',
    ]) {
      expect(text).toContain(line);
    }
    expect(seen.size).toBeGreaterThanOrEqual(12);
    for (const [value, what] of seen) {
      expect(text, `the log holds the ${what}`).not.toContain(value);
      expect(diagnostics.text, `diagnostics hold the ${what}`).not.toContain(value);
    }
    expect(diagnostics.logLines.length).toBeGreaterThan(10);
  });
});
