import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../sandbox/server.ts';
import type { SessionView } from '../../../shared/bridge.ts';
import { signInThroughBrowser } from '../../../test/support/sandbox-sign-in.ts';
import { createAccountsClient } from '../accounts-client.ts';
import { createMemorySecretStore, type SecretStore } from '../secrets/secret-store.ts';
import { createOAuthClient, type OAuthClient, OAuthError, type TokenSet } from './oauth-client.ts';
import { createSession, type Session, type SessionOptions, type SessionTimers } from './session.ts';

const KEY = 'session:test';
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function sandbox(options: Parameters<typeof startSandbox>[0] = {}): Promise<RunningSandbox> {
  const running = await startSandbox({ mode: 'test', ...options });
  cleanup.push(() => running.close());
  return running;
}

interface Harness {
  session: Session;
  views: SessionView[];
  store: SecretStore;
  oauth: OAuthClient;
}

function harness(
  accountsUrl: string,
  overrides: Partial<SessionOptions> & { store?: SecretStore } = {},
): Harness {
  const views: SessionView[] = [];
  const store = overrides.store ?? createMemorySecretStore();
  const oauth = overrides.oauth ?? createOAuthClient({ accountsUrl });
  let session: Session;
  const accounts = createAccountsClient({
    baseUrl: accountsUrl,
    retries: 0,
    auth: {
      accessToken: () => session.getAccessToken(),
      renew: (token) => session.renewAfterRejection(token),
      rejectedAgain: (detail) => session.rejectedAgain(detail),
    },
  });
  session = createSession({
    oauth,
    store,
    storeKey: KEY,
    loadProfile: () => accounts.getProfile(),
    onChange: (view) => views.push(view),
    log: () => {},
    ...overrides,
  });
  cleanup.push(() => session.close());
  return { session, views, store, oauth };
}

async function signedIn(h: Harness): Promise<void> {
  const started = await h.session.signIn();
  expect(started.state).toBe('signing-in');
  const page = await signInThroughBrowser(started.authorizeUrl as string);
  expect(await page.text()).toContain('You are signed in');
  await vi.waitFor(() => expect(h.session.view().state).toBe('signed-in'));
}

describe('sign-in against the sandbox', () => {
  it('signs in through the browser flow and keeps the refresh token in the store only', async () => {
    const sb = await sandbox();
    const h = harness(sb.url);
    const started = await h.session.signIn();
    expect(started).toMatchObject({ state: 'signing-in', storage: 'memory' });
    const authorize = new URL(started.authorizeUrl as string);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/u);

    const page = await signInThroughBrowser(started.authorizeUrl as string);
    expect(page.url).toMatch(/\/done\?outcome=signed-in$/u);
    await vi.waitFor(() =>
      expect(h.session.view()).toEqual({
        state: 'signed-in',
        email: 'demo.partner@example.com',
        storage: 'memory',
      }),
    );
    expect(h.views.map((v) => v.state)).toEqual(['signing-in', 'signed-in']);

    const saved = JSON.parse((await h.store.get(KEY)) as string);
    expect(saved).toMatchObject({
      v: 1,
      email: 'demo.partner@example.com',
      refreshToken: expect.any(String),
    });
    // The views never carry a token.
    const token = await h.session.getAccessToken();
    expect(JSON.stringify(h.views)).not.toContain(token);
    expect(JSON.stringify(h.views)).not.toContain(saved.refreshToken);
  });

  it('is signed in again after a restart from the stored refresh token, which rotates', async () => {
    const sb = await sandbox();
    const store = createMemorySecretStore();
    await signedIn(harness(sb.url, { store }));
    const before = JSON.parse((await store.get(KEY)) as string).refreshToken;

    const restarted = harness(sb.url, { store });
    expect(await restarted.session.restore()).toEqual({
      state: 'signed-in',
      email: 'demo.partner@example.com',
      storage: 'memory',
    });
    await restarted.session.getAccessToken();
    const after = JSON.parse((await store.get(KEY)) as string).refreshToken;
    expect(after).not.toBe(before);
  });

  it('reports a denial, with the browser sent to a closing page', async () => {
    const sb = await sandbox();
    const h = harness(sb.url);
    const started = await h.session.signIn();
    const page = await signInThroughBrowser(started.authorizeUrl as string, { action: 'deny' });
    expect(await page.text()).toContain('Sign-in cancelled');
    await vi.waitFor(() => expect(h.session.view().reason?.code).toBe('denied'));
    expect(h.session.view().state).toBe('signed-out');
  });

  it('times out when nobody comes back, and stops listening', async () => {
    const sb = await sandbox();
    const h = harness(sb.url, { signInTimeoutMs: 150 });
    const started = await h.session.signIn();
    const redirect = new URL(started.authorizeUrl as string).searchParams.get('redirect_uri') as string;
    await vi.waitFor(() => expect(h.session.view().reason?.code).toBe('timed-out'));
    expect(h.session.view()).not.toHaveProperty('authorizeUrl');
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('cancels from the UI: signed out without an error, listener closed', async () => {
    const sb = await sandbox();
    const h = harness(sb.url);
    const started = await h.session.signIn();
    const redirect = new URL(started.authorizeUrl as string).searchParams.get('redirect_uri') as string;
    expect(await h.session.cancelSignIn()).toEqual({ state: 'signed-out', storage: 'memory' });
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('says when the accounts server cannot be reached to sign in', async () => {
    const sb = await sandbox();
    const url = sb.url;
    await sb.close();
    const h = harness(url);
    const view = await h.session.signIn();
    expect(view).toMatchObject({ state: 'signed-out', reason: { code: 'unreachable' } });
  });

  it('ignores an answer with another state and completes with the right one', async () => {
    const sb = await sandbox();
    const h = harness(sb.url);
    const started = await h.session.signIn();
    const redirect = new URL(started.authorizeUrl as string).searchParams.get('redirect_uri') as string;
    const forged = await fetch(`${redirect}?code=forged&state=not-ours`);
    expect(forged.status).toBe(400);
    expect(h.session.view().state).toBe('signing-in');
    await signInThroughBrowser(started.authorizeUrl as string);
    await vi.waitFor(() => expect(h.session.view().state).toBe('signed-in'));
  });

  it('signs out: revokes the refresh token at the server and deletes it here', async () => {
    const sb = await sandbox();
    const h = harness(sb.url);
    await signedIn(h);
    const refreshToken = JSON.parse((await h.store.get(KEY)) as string).refreshToken;
    expect(await h.session.signOut()).toEqual({ state: 'signed-out', storage: 'memory' });
    expect(await h.store.get(KEY)).toBeNull();
    await expect(h.oauth.refresh(refreshToken)).rejects.toMatchObject({
      kind: 'refused',
      code: 'invalid_grant',
    });
    await expect(h.session.getAccessToken()).rejects.toMatchObject({ code: 'rejected' });
  });

  it('refreshes ahead of expiry', async () => {
    const sb = await sandbox({ oauth: { lifetimes: { accessMs: 30_000 } } });
    const h = harness(sb.url, { refreshSkewMs: 60_000 });
    await signedIn(h);
    const first = await h.session.getAccessToken();
    // 30 s of life is inside the 60 s margin: the next call gets a new token.
    const second = await h.session.getAccessToken();
    expect(second).not.toBe(first);
  });

  it('signs out with a clear reason when the server refuses the refresh token (reuse detected)', async () => {
    const sb = await sandbox({ oauth: { lifetimes: { accessMs: 1_000 } } });
    const h = harness(sb.url, { refreshSkewMs: 0 });
    await signedIn(h);
    const stolen = JSON.parse((await h.store.get(KEY)) as string).refreshToken;
    // Someone else uses the refresh token first: the server revokes the family.
    await h.oauth.refresh(stolen);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(h.session.getAccessToken()).rejects.toMatchObject({ code: 'rejected' });
    expect(h.session.view()).toMatchObject({ state: 'signed-out', reason: { code: 'expired' } });
    expect(h.session.view().reason?.message).toMatch(/already used/u);
    expect(await h.store.get(KEY)).toBeNull();
  });

  it('on a 401 refreshes once and retries; a revoked sign-in ends the session', async () => {
    const sb = await sandbox();
    const h = harness(sb.url);
    await signedIn(h);
    const accounts = createAccountsClient({
      baseUrl: sb.url,
      retries: 0,
      auth: {
        accessToken: () => h.session.getAccessToken(),
        renew: (token) => h.session.renewAfterRejection(token),
        rejectedAgain: (detail) => h.session.rejectedAgain(detail),
      },
    });
    // The server forgets the access token (e.g. it restarted its token store): 401, refresh, retry.
    sb.db.exec('DELETE FROM oauth_access_tokens');
    expect((await accounts.getProfile()).email).toBe('demo.partner@example.com');
    // Revoked at the server (signed out elsewhere): the refresh is refused, the session ends.
    sb.db.exec("UPDATE oauth_token_families SET revoked_at = 1, revoked_reason = 'revoked'");
    await expect(accounts.getProfile()).rejects.toMatchObject({ code: 'rejected' });
    expect(h.session.view()).toMatchObject({ state: 'signed-out', reason: { code: 'expired' } });
  });
});

describe('refresh single-flight', () => {
  function fakeOAuth(refresh: (token: string) => Promise<TokenSet>): OAuthClient {
    return {
      discover: vi.fn(),
      authorizeUrl: vi.fn(),
      exchangeCode: vi.fn(),
      refresh: vi.fn(refresh),
      revoke: vi.fn(async () => {}),
    };
  }

  async function restoredWith(oauth: OAuthClient): Promise<Harness> {
    const store = createMemorySecretStore();
    await store.set(KEY, JSON.stringify({ v: 1, refreshToken: 'rt-0', email: 'a@example.com' }));
    const h = harness('http://127.0.0.1:9/', { oauth, store });
    await h.session.restore();
    return h;
  }

  it('shares one refresh among all concurrent callers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const oauth = fakeOAuth(async () => {
      await gate;
      return { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: Date.now() + 600_000 };
    });
    const h = await restoredWith(oauth);
    const calls = Array.from({ length: 5 }, () => h.session.getAccessToken());
    const renewals = [h.session.renewAfterRejection('old'), h.session.renewAfterRejection('old')];
    release();
    expect(await Promise.all([...calls, ...renewals])).toEqual(Array(7).fill('at-1'));
    expect(oauth.refresh).toHaveBeenCalledTimes(1);
    expect(oauth.refresh).toHaveBeenCalledWith('rt-0');
    expect(JSON.parse((await h.store.get(KEY)) as string).refreshToken).toBe('rt-1');
    // A valid token is reused without another refresh.
    expect(await h.session.getAccessToken()).toBe('at-1');
    expect(oauth.refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the server cannot be reached, and tries again next time', async () => {
    const oauth = fakeOAuth(async () => {
      throw new OAuthError('network', 'The accounts server cannot be reached.');
    });
    const h = await restoredWith(oauth);
    await expect(h.session.getAccessToken()).rejects.toMatchObject({ kind: 'network' });
    expect(h.session.view().state).toBe('signed-in');
    await expect(h.session.getAccessToken()).rejects.toMatchObject({ kind: 'network' });
    expect(oauth.refresh).toHaveBeenCalledTimes(2);
  });

  it('drops a refresh that lands after sign-out, revoking what it brought', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const oauth = fakeOAuth(async () => {
      await gate;
      return { accessToken: 'at-late', refreshToken: 'rt-late', expiresAt: Date.now() + 600_000 };
    });
    const h = await restoredWith(oauth);
    const pending = h.session.getAccessToken();
    await h.session.signOut();
    release();
    await expect(pending).rejects.toMatchObject({ code: 'rejected' });
    expect(await h.store.get(KEY)).toBeNull();
    await vi.waitFor(() => expect(oauth.revoke).toHaveBeenCalledWith('rt-late'));
  });
});

/** A fake clock: `now` and the session's timers; `advance` runs what falls due, in order. */
class FakeClock implements SessionTimers {
  time = 1_000_000;
  private next = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();
  now = () => this.time;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  get pending(): number {
    return this.due.size;
  }
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const [id, timer] = [...this.due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !timer || timer.at > until) break;
      this.due.delete(id);
      this.time = timer.at;
      timer.callback();
      await settle();
    }
    this.time = until;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
}

function scriptedOAuth(clock: FakeClock) {
  let issued = 0;
  const refreshAnswers: Array<'ok' | 'network' | 'invalid_grant'> = [];
  const revokeAnswers: Array<'ok' | 'network' | '503'> = [];
  const oauth: OAuthClient = {
    discover: vi.fn(),
    authorizeUrl: vi.fn(),
    exchangeCode: vi.fn(),
    refresh: vi.fn(async (): Promise<TokenSet> => {
      const answer = refreshAnswers.shift() ?? 'ok';
      if (answer === 'network') throw new OAuthError('network', 'The accounts server cannot be reached.');
      if (answer === 'invalid_grant')
        throw new OAuthError(
          'refused',
          'The accounts server refused it (invalid_grant)',
          'invalid_grant',
          400,
        );
      issued += 1;
      return { accessToken: `at-${issued}`, refreshToken: `rt-${issued}`, expiresAt: clock.now() + 600_000 };
    }),
    revoke: vi.fn(async () => {
      const answer = revokeAnswers.shift() ?? 'ok';
      if (answer === 'network') throw new OAuthError('network', 'The accounts server cannot be reached.');
      if (answer === '503')
        throw new OAuthError(
          'invalid-response',
          'The accounts server refused sign-out (HTTP 503).',
          undefined,
          503,
        );
    }),
  };
  return { oauth, refreshAnswers, revokeAnswers };
}

async function restoredOnClock(clock: FakeClock, oauth: OAuthClient): Promise<Harness> {
  const store = createMemorySecretStore();
  await store.set(KEY, JSON.stringify({ v: 1, refreshToken: 'rt-0', email: 'a@example.com' }));
  const h = harness('http://127.0.0.1:9/', {
    oauth,
    store,
    now: clock.now,
    timers: clock,
    retryDelaysMs: [5_000, 15_000, 60_000],
  });
  await h.session.restore();
  return h;
}

const savedToken = async (h: Harness) => JSON.parse((await h.store.get(KEY)) as string).refreshToken;

describe('background refresh', () => {
  it('refreshes shortly before the access token expires, rotating the refresh token, one at a time', async () => {
    const clock = new FakeClock();
    const { oauth } = scriptedOAuth(clock);
    const h = await restoredOnClock(clock, oauth);
    // Restored: no access token yet, nothing planned until the first use refreshes.
    expect(clock.pending).toBe(0);
    expect(await h.session.getAccessToken()).toBe('at-1');
    expect(clock.pending).toBe(1);

    await clock.advance(539_000); // 600 s of life, 60 s margin
    expect(oauth.refresh).toHaveBeenCalledTimes(1);
    // The background refresh and callers share one refresh.
    const during = h.session.getAccessToken();
    await clock.advance(1_000);
    expect(await during).toBe('at-1'); // still valid then: answered without a refresh
    expect(oauth.refresh).toHaveBeenCalledTimes(2);
    expect(oauth.refresh).toHaveBeenLastCalledWith('rt-1');
    expect(await h.session.getAccessToken()).toBe('at-2');
    expect(await savedToken(h)).toBe('rt-2');
    expect(clock.pending).toBe(1);

    // An on-demand refresh in between moves the plan, so no second refresh for the same token.
    await clock.advance(100_000);
    await h.session.renewAfterRejection('at-2');
    expect(oauth.refresh).toHaveBeenCalledTimes(3);
    await clock.advance(539_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(3);
    await clock.advance(1_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(4);
    expect(oauth.refresh).toHaveBeenLastCalledWith('rt-3');
    expect(h.session.view().state).toBe('signed-in');
  });

  it('keeps the session when the network is down and retries with backoff', async () => {
    const clock = new FakeClock();
    const { oauth, refreshAnswers } = scriptedOAuth(clock);
    const h = await restoredOnClock(clock, oauth);
    await h.session.getAccessToken();
    refreshAnswers.push('network', 'network', 'network', 'network');
    await clock.advance(540_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(2);
    await clock.advance(4_999);
    expect(oauth.refresh).toHaveBeenCalledTimes(2);
    await clock.advance(1); // 5 s
    expect(oauth.refresh).toHaveBeenCalledTimes(3);
    await clock.advance(15_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(4);
    await clock.advance(60_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(5);
    expect(h.session.view()).toMatchObject({ state: 'signed-in', email: 'a@example.com' });
    expect(h.views.filter((v) => v.state === 'signed-out')).toEqual([]);
    await clock.advance(60_000); // the last wait repeats; the network is back
    expect(oauth.refresh).toHaveBeenCalledTimes(6);
    expect(oauth.refresh).toHaveBeenLastCalledWith('rt-1');
    expect(await h.session.getAccessToken()).toBe('at-2');
    // Back to the plan: the next one is ahead of the new token's expiry, not the backoff.
    await clock.advance(539_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(6);
    await clock.advance(1_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(7);
  });

  it('signs out with reason expired when the server refuses the refresh (invalid_grant), leaving no timer', async () => {
    const clock = new FakeClock();
    const { oauth, refreshAnswers } = scriptedOAuth(clock);
    const h = await restoredOnClock(clock, oauth);
    await h.session.getAccessToken();
    refreshAnswers.push('invalid_grant');
    await clock.advance(540_000);
    expect(h.session.view()).toMatchObject({ state: 'signed-out', reason: { code: 'expired' } });
    expect(h.session.view().reason?.message).toMatch(/invalid_grant/u);
    expect(await h.store.get(KEY)).toBeNull();
    expect(clock.pending).toBe(0);
  });

  it('clears its timer on sign-out and on close', async () => {
    const clock = new FakeClock();
    const { oauth } = scriptedOAuth(clock);
    const h = await restoredOnClock(clock, oauth);
    await h.session.getAccessToken();
    expect(clock.pending).toBe(1);
    await h.session.signOut();
    expect(clock.pending).toBe(0);

    const again = await restoredOnClock(clock, oauth);
    await again.session.getAccessToken();
    expect(clock.pending).toBe(1);
    await again.session.close();
    expect(clock.pending).toBe(0);
    await clock.advance(3_600_000);
    expect(oauth.refresh).toHaveBeenCalledTimes(2);
  });
});

describe('sign-out when the server cannot be told', () => {
  it('signs out here, says so, and revokes in the background once the server answers', async () => {
    const clock = new FakeClock();
    const { oauth, revokeAnswers } = scriptedOAuth(clock);
    const h = await restoredOnClock(clock, oauth);
    await h.session.getAccessToken();
    revokeAnswers.push('network', '503');
    const view = await h.session.signOut();
    expect(view).toEqual({ state: 'signed-out', notice: { code: 'revocation-failed' }, storage: 'memory' });
    expect(await h.store.get(KEY)).toBeNull();
    expect(clock.pending).toBe(1); // only the revocation retry
    await expect(h.session.getAccessToken()).rejects.toMatchObject({ code: 'rejected' });

    await clock.advance(5_000); // 503
    expect(oauth.revoke).toHaveBeenCalledTimes(2);
    expect(h.session.view().notice).toEqual({ code: 'revocation-failed' });
    await clock.advance(15_000); // works
    expect(oauth.revoke).toHaveBeenCalledTimes(3);
    expect(oauth.revoke).toHaveBeenLastCalledWith('rt-1');
    expect(h.session.view()).toEqual({ state: 'signed-out', storage: 'memory' });
    expect(h.views.at(-1)).toEqual({ state: 'signed-out', storage: 'memory' });
    expect(clock.pending).toBe(0);
  });

  it('drops the pending revocation on close (kept in memory only)', async () => {
    const clock = new FakeClock();
    const { oauth, revokeAnswers } = scriptedOAuth(clock);
    const h = await restoredOnClock(clock, oauth);
    revokeAnswers.push('network');
    expect((await h.session.signOut()).notice?.code).toBe('revocation-failed');
    await h.session.close();
    expect(clock.pending).toBe(0);
    await clock.advance(3_600_000);
    expect(oauth.revoke).toHaveBeenCalledTimes(1);
  });

  it('against the sandbox: a 503 at sign-out, then the retry really revokes the sign-in', async () => {
    const sb = await sandbox();
    const clock = new FakeClock();
    let failRevocation = true;
    const oauth = createOAuthClient({
      accountsUrl: sb.url,
      fetch: async (input, init) => {
        if (failRevocation && String(input).endsWith('/oauth/revoke'))
          return new Response('unavailable', { status: 503 });
        return fetch(input, init);
      },
    });
    const h = harness(sb.url, { oauth, timers: clock });
    await signedIn(h);
    const refreshToken = await savedToken(h);
    expect(await h.session.signOut()).toMatchObject({ notice: { code: 'revocation-failed' } });
    expect(await h.store.get(KEY)).toBeNull();
    failRevocation = false;
    await clock.advance(5_000);
    await vi.waitFor(() => expect(h.session.view()).toEqual({ state: 'signed-out', storage: 'memory' }));
    await expect(h.oauth.refresh(refreshToken)).rejects.toMatchObject({
      kind: 'refused',
      code: 'invalid_grant',
    });
  });
});
