import { describe, expect, it, vi } from 'vitest';
import { heldTimers } from '../../../test/support/held-timers.ts';
import { silentLogger } from '../logging/logger.ts';
import { OAuthError, type TokenSet } from './oauth-client.ts';
import { createRefreshScheduler } from './refresh-scheduler.ts';
import { createTokenKeeper, signedOutError } from './token-keeper.ts';

const SKEW = 60_000;
const T0 = 1_000_000;

/** A keeper whose refreshes answer with the scripted outcomes ('ok' once they run out), and its scheduler. */
function scheduled(...answers: Array<'ok' | 'offline' | 'refused'>) {
  let time = T0;
  let issued = 0;
  let signedIn = true;
  const logged: string[] = [];
  const timers = heldTimers();
  const refresh = vi.fn(async (_refreshToken: string): Promise<TokenSet> => {
    const answer = answers.shift() ?? 'ok';
    if (answer === 'offline') throw new OAuthError('network', 'offline');
    if (answer === 'refused') throw new OAuthError('refused', 'used', 'invalid_grant', 400);
    issued += 1;
    return { accessToken: `at-${issued}`, refreshToken: `rt-${issued}`, expiresAt: time + 600_000 };
  });
  const tokens = createTokenKeeper({
    refresh,
    skewMs: SKEW,
    now: () => time,
    logger: silentLogger,
    onRefused: async () => {
      tokens.end();
      background.cancel();
    },
    onStale: () => {},
    onRefreshed: async () => background.refreshed(),
  });
  const background = createRefreshScheduler({
    tokens,
    signedIn: () => signedIn,
    timers,
    now: () => time,
    skewMs: SKEW,
    delayAfter: (failures) => failures * 1_000,
    log: (message) => logged.push(message),
  });
  return {
    logged,
    tokens,
    background,
    timers,
    refresh,
    at: (t: number) => {
      time = t;
    },
    now: () => time,
    signOut: () => {
      signedIn = false;
    },
    /** Runs the planned refresh (at its time) and lets it answer. */
    async runPlanned() {
      time += timers.planned[0] ?? 0;
      timers.runNext();
      await new Promise(setImmediate);
    },
  };
}

const token = (expiresAt: number): TokenSet => ({ accessToken: 'at-0', refreshToken: 'rt-0', expiresAt });

describe('the background refresh', () => {
  it('is planned the margin before the access token expires', () => {
    const s = scheduled();
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    expect(s.timers.planned).toEqual([600_000 - SKEW]);
  });

  it('for a token shorter than twice the margin, at half its life (never in a loop)', () => {
    const s = scheduled();
    s.tokens.adopt(token(T0 + 100_000));
    s.background.plan();
    expect(s.timers.planned).toEqual([50_000]);
    s.tokens.adopt(token(T0 - 1));
    s.background.plan();
    expect(s.timers.planned).toEqual([0]);
  });

  it('is not planned without an access token, nor while not signed in; planning again replaces the plan', () => {
    const s = scheduled();
    s.tokens.resume('rt-kept');
    s.background.plan();
    expect(s.timers.planned).toEqual([]);
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    s.background.plan();
    expect(s.timers.planned).toHaveLength(1);
    s.signOut();
    s.background.plan();
    expect(s.timers.planned).toEqual([]);
  });

  it('refreshes when due and plans the next one from the new token', async () => {
    const s = scheduled();
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    await s.runPlanned();
    expect(s.refresh).toHaveBeenCalledWith('rt-0');
    expect(s.tokens.refreshToken).toBe('rt-1');
    expect(s.timers.planned).toEqual([600_000 - SKEW]);
  });

  it('when it fires while the token is still good (the clock moved back), plans again instead', async () => {
    const s = scheduled();
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    s.timers.runNext(); // the clock still reads T0
    await new Promise(setImmediate);
    expect(s.refresh).not.toHaveBeenCalled();
    expect(s.timers.planned).toEqual([600_000 - SKEW]);
  });

  it('when the server cannot be reached, tries again after the retry delays, then goes back to the plan', async () => {
    const s = scheduled('offline', 'offline', 'ok');
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    await s.runPlanned();
    expect(s.timers.planned).toEqual([1_000]);
    await s.runPlanned();
    expect(s.timers.planned).toEqual([2_000]);
    expect(s.logged).toEqual([
      'session: the background refresh failed (attempt 1): offline',
      'session: the background refresh failed (attempt 2): offline',
    ]);
    await s.runPlanned();
    expect(s.refresh).toHaveBeenCalledTimes(3);
    expect(s.timers.planned).toEqual([600_000 - SKEW]);
    // The failures are forgotten: the next outage starts at the first delay again.
    s.refresh.mockRejectedValueOnce(new OAuthError('network', 'offline'));
    await s.runPlanned();
    expect(s.timers.planned).toEqual([1_000]);
  });

  it('a retry after a failure goes ahead even when the clock says the token is still good', async () => {
    const s = scheduled('offline');
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    await s.runPlanned();
    s.at(T0); // the clock moved back
    s.timers.runNext();
    await new Promise(setImmediate);
    expect(s.refresh).toHaveBeenCalledTimes(2);
  });

  it('does not refresh while the session is not signed in', async () => {
    const s = scheduled();
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    s.signOut();
    await s.runPlanned();
    expect(s.refresh).not.toHaveBeenCalled();
    expect(s.timers.planned).toEqual([]);
  });

  it('never retries a failure that is not worth retrying', async () => {
    const timers = heldTimers();
    const refresh = vi.fn(async () => {
      throw signedOutError();
    });
    const background = createRefreshScheduler({
      tokens: { epoch: 1, held: true, accessExpiresAt: T0, freshAccessToken: () => undefined, refresh },
      signedIn: () => true,
      timers,
      now: () => T0,
      skewMs: SKEW,
      delayAfter: () => 1_000,
      log: () => {},
    });
    background.plan();
    timers.runNext();
    await new Promise(setImmediate);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(timers.planned).toEqual([]);
  });

  it('stops when the server refuses the sign-in for good', async () => {
    const s = scheduled('refused');
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    await s.runPlanned();
    expect(s.tokens.held).toBe(false);
    expect(s.timers.planned).toEqual([]);
  });

  it('drops a plan made for a sign-in that has ended', async () => {
    const s = scheduled();
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    s.tokens.end();
    s.tokens.adopt(token(T0 + 600_000));
    await s.runPlanned();
    expect(s.refresh).not.toHaveBeenCalled();
    expect(s.timers.planned).toEqual([]);
  });

  it('a failure that lands after a new sign-in leaves that sign-in and its plan alone', async () => {
    const s = scheduled();
    let fail!: (error: Error) => void;
    s.refresh.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    await s.runPlanned(); // the refresh is on its way
    s.tokens.end();
    s.background.reset();
    s.tokens.adopt(token(s.now() + 600_000));
    s.background.plan();
    fail(new OAuthError('network', 'offline'));
    await new Promise(setImmediate);
    expect(s.timers.planned).toEqual([600_000 - SKEW]);
    expect(s.logged).toEqual([]);
  });

  it('after a sign-out, an outage starts at the first delay again', async () => {
    const s = scheduled('offline', 'offline');
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    await s.runPlanned();
    expect(s.timers.planned).toEqual([1_000]);
    s.tokens.end();
    s.background.reset();
    expect(s.timers.planned).toEqual([]);
    s.at(T0);
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    await s.runPlanned();
    expect(s.timers.planned).toEqual([1_000]);
  });

  it('once closed, clears its timer and plans nothing more', async () => {
    const s = scheduled();
    s.tokens.adopt(token(T0 + 600_000));
    s.background.plan();
    s.background.close();
    expect(s.timers.planned).toEqual([]);
    s.background.plan();
    s.background.refreshed();
    expect(s.timers.planned).toEqual([]);
  });
});
