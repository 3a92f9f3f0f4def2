import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../logging/logger.ts';
import { OAuthError, type TokenSet } from './oauth-client.ts';
import { createTokenKeeper, type TokenKeeper, type TokenKeeperOptions } from './token-keeper.ts';

const SKEW = 60_000;
const T0 = 1_000_000;

/** A refresh the test answers by hand, in the order they were asked. */
function heldRefreshes() {
  const asked: Array<{ refreshToken: string; answer(set: TokenSet): void; fail(error: Error): void }> = [];
  const refresh = vi.fn(
    (refreshToken: string) =>
      new Promise<TokenSet>((answer, fail) => {
        asked.push({ refreshToken, answer, fail });
      }),
  );
  return { refresh, asked };
}

function keeper(overrides: Partial<TokenKeeperOptions> = {}) {
  let time = T0;
  const held = heldRefreshes();
  const events = {
    onRefused: vi.fn(async (_message: string) => {}),
    onStale: vi.fn((_refreshToken: string) => {}),
    onRefreshed: vi.fn(async (_issued: TokenSet) => {}),
  };
  const tokens = createTokenKeeper({
    refresh: held.refresh,
    skewMs: SKEW,
    now: () => time,
    logger: silentLogger,
    ...events,
    ...overrides,
  });
  return {
    tokens,
    ...held,
    ...events,
    at: (t: number) => {
      time = t;
    },
  };
}

const set = (n: number, expiresAt = T0 + 600_000): TokenSet => ({
  accessToken: `at-${n}`,
  refreshToken: `rt-${n}`,
  expiresAt,
});

/** Lets the keeper act on an answer (it settles within one turn). */
const settle = () => new Promise(setImmediate);

/** A keeper signed in with set 1, a refresh asked (by `ask`) and not answered yet. */
async function refreshInFlight(ask: (tokens: TokenKeeper) => Promise<string> = (tokens) => tokens.refresh()) {
  const k = keeper();
  k.tokens.adopt(set(1));
  const pending = ask(k.tokens);
  await settle();
  const request = k.asked[0];
  if (!request) throw new Error('The keeper did not ask for a refresh.');
  return { ...k, pending, request };
}

describe('the access token', () => {
  it('is answered as it is while valid beyond the margin, and refreshed from the margin on', async () => {
    const k = keeper();
    k.tokens.adopt(set(1));
    k.at(T0 + 600_000 - SKEW - 1);
    expect(await k.tokens.accessToken()).toBe('at-1');
    expect(k.refresh).not.toHaveBeenCalled();

    k.at(T0 + 600_000 - SKEW);
    const renewed = k.tokens.accessToken();
    await settle();
    expect(k.asked.map((a) => a.refreshToken)).toEqual(['rt-1']);
    k.asked[0]?.answer(set(2, T0 + 1_200_000));
    expect(await renewed).toBe('at-2');
    expect(k.tokens.refreshToken).toBe('rt-2');
  });

  it('after a restore there is none yet: the first use refreshes', async () => {
    const k = keeper();
    k.tokens.resume('rt-kept');
    expect(k.tokens.freshAccessToken()).toBeUndefined();
    const first = k.tokens.accessToken();
    await settle();
    k.asked[0]?.answer(set(1));
    expect(await first).toBe('at-1');
    expect(k.refresh).toHaveBeenCalledWith('rt-kept');
  });

  it('is refused with a rejected, not retryable, error when signed out', async () => {
    const k = keeper();
    const signedOut = {
      code: 'rejected',
      retryable: false,
      message: 'You are signed out: sign in to continue.',
    };
    await expect(k.tokens.accessToken()).rejects.toMatchObject(signedOut);
    await expect(k.tokens.renewAfterRejection('at-1')).rejects.toMatchObject(signedOut);
    await expect(k.tokens.refresh()).rejects.toMatchObject(signedOut);
    expect(k.refresh).not.toHaveBeenCalled();
  });

  it('holds nothing when signed out, and says so without failing', () => {
    const k = keeper();
    expect(k.tokens.held).toBe(false);
    expect(k.tokens.freshAccessToken()).toBeUndefined();
    expect(k.tokens.refreshToken).toBeUndefined();
    expect(k.tokens.accessExpiresAt).toBeUndefined();
    expect(k.tokens.end()).toBeUndefined();
  });

  it('after a sign-out, callers are told so at once, not made to wait on a refresh still in flight', async () => {
    const k = await refreshInFlight();
    k.tokens.end();
    await expect(k.tokens.accessToken()).rejects.toMatchObject({ code: 'rejected' });
    await expect(k.tokens.renewAfterRejection('at-1')).rejects.toMatchObject({ code: 'rejected' });
    k.request.fail(new OAuthError('network', 'offline'));
    await expect(k.pending).rejects.toMatchObject({ kind: 'network' });
  });

  it('forgets tokens that never became a session', async () => {
    const k = keeper();
    k.tokens.adopt(set(1));
    k.tokens.drop();
    expect(k.tokens.held).toBe(false);
    await expect(k.tokens.accessToken()).rejects.toMatchObject({ code: 'rejected' });
  });
});

describe('one refresh at a time', () => {
  it('shares the refresh in flight, and saves the rotated token before anyone uses the new one', async () => {
    let saved!: () => void;
    const k = keeper({
      onRefreshed: vi.fn(() => new Promise<void>((resolve) => (saved = resolve))),
    });
    k.tokens.resume('rt-0');
    const callers = [k.tokens.accessToken(), k.tokens.refresh(), k.tokens.renewAfterRejection('at-old')];
    await settle();
    expect(k.refresh).toHaveBeenCalledTimes(1);
    k.asked[0]?.answer(set(1));
    let answered = false;
    void Promise.all(callers).then(() => (answered = true));
    await settle();
    expect(answered).toBe(false); // the rotated refresh token is not kept yet
    saved();
    expect(await Promise.all(callers)).toEqual(['at-1', 'at-1', 'at-1']);
    // The next refresh is a new one.
    void k.tokens.refresh();
    await settle();
    expect(k.refresh).toHaveBeenCalledTimes(2);
  });

  it('after a 401 refreshes even a token that has not expired, unless another caller already replaced it', async () => {
    const k = await refreshInFlight((tokens) => tokens.renewAfterRejection('at-1'));
    k.request.answer(set(2));
    expect(await k.pending).toBe('at-2');
    // A request that still carried at-1 gets the replacement without another refresh.
    expect(await k.tokens.renewAfterRejection('at-1')).toBe('at-2');
    expect(k.refresh).toHaveBeenCalledTimes(1);
  });

  it('never hands out a token the server rejected, even when the refresh after it failed', async () => {
    const k = await refreshInFlight((tokens) => tokens.renewAfterRejection('at-1'));
    k.request.fail(new OAuthError('network', 'offline'));
    await expect(k.pending).rejects.toMatchObject({ kind: 'network' });
    void k.tokens.accessToken();
    await settle();
    expect(k.refresh).toHaveBeenCalledTimes(2);
  });
});

describe('what a refresh answer means', () => {
  it('a refusal for good ends the sign-in, and callers hear only after that', async () => {
    const k = await refreshInFlight();
    k.request.fail(new OAuthError('refused', 'refresh token already used', 'invalid_grant', 400));
    await expect(k.pending).rejects.toMatchObject({ code: 'rejected', retryable: false });
    expect(k.onRefused).toHaveBeenCalledWith(
      'Your sign-in has ended: refresh token already used. Please sign in again.',
    );
  });

  it.each([
    ['unreachable', new OAuthError('network', 'offline'), 'network'],
    [
      'overloaded (503 refusal)',
      new OAuthError('refused', 'busy', 'temporarily_unavailable', 503),
      'network',
    ],
    ['an off-spec answer', new OAuthError('invalid-response', 'not JSON'), 'invalid-response'],
  ])('%s: still signed in, this call fails as %s', async (_, error, kind) => {
    const k = await refreshInFlight();
    k.request.fail(error);
    await expect(k.pending).rejects.toMatchObject({ name: 'AccountsError', kind });
    expect(k.onRefused).not.toHaveBeenCalled();
    expect(k.tokens.refreshToken).toBe('rt-1');
  });

  it('an answer for a sign-in that ended meanwhile is handed back, never kept', async () => {
    const k = await refreshInFlight();
    expect(k.tokens.end()).toBe('rt-1');
    k.tokens.adopt(set(5));
    k.request.answer(set(2));
    await expect(k.pending).rejects.toMatchObject({ code: 'rejected' });
    expect(k.onStale).toHaveBeenCalledWith('rt-2');
    expect(k.onRefreshed).not.toHaveBeenCalled();
    expect(k.tokens.refreshToken).toBe('rt-5');
  });

  it('a refusal for a sign-in that ended meanwhile does not end the next one', async () => {
    const k = await refreshInFlight();
    k.tokens.end();
    k.tokens.adopt(set(5));
    k.request.fail(new OAuthError('refused', 'revoked', 'invalid_grant', 400));
    await expect(k.pending).rejects.toMatchObject({ code: 'rejected' });
    expect(k.onRefused).not.toHaveBeenCalled();
    expect(k.tokens.refreshToken).toBe('rt-5');
  });
});
