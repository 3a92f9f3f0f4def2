import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionReason } from '../../../shared/bridge.ts';
import { silentLogger } from '../logging/logger.ts';
import type { CallbackParams, FlowOutcome, LoopbackReceiver } from './loopback-receiver.ts';
import { type AuthorizationServer, type OAuthClient, OAuthError, type TokenSet } from './oauth-client.ts';
import { challengeFor } from './pkce.ts';
import { createSignInFlow, type SignInAttempt } from './sign-in-flow.ts';

const SERVER: AuthorizationServer = {
  issuer: 'https://accounts.example.com',
  authorization_endpoint: 'https://accounts.example.com/oauth/authorize',
  token_endpoint: 'https://accounts.example.com/oauth/token',
  authorization_response_iss_parameter_supported: true,
};
const ISSUED: TokenSet = { accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 2_000_000 };

/** A receiver the test answers by hand: what the browser brought, and where it was sent on. */
function fakeReceiver(port: number) {
  let deliver!: (params: CallbackParams) => void;
  let closedWith!: (error: Error) => void;
  const sentTo: FlowOutcome[] = [];
  const callback = new Promise<{ params: CallbackParams; finish(o: FlowOutcome): void }>(
    (resolve, reject) => {
      deliver = (params) => resolve({ params, finish: (outcome) => sentTo.push(outcome) });
      closedWith = reject;
    },
  );
  callback.catch(() => {});
  const receiver: LoopbackReceiver & { closed: boolean } = {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    callback,
    closed: false,
    close: async () => {
      receiver.closed = true;
      closedWith(new Error('closed'));
    },
  };
  return { receiver, sentTo, answer: deliver };
}

function flow(options: { server?: AuthorizationServer | Error; exchange?: () => Promise<TokenSet> } = {}) {
  const receivers: Array<ReturnType<typeof fakeReceiver>> = [];
  const states: string[] = [];
  const oauth: OAuthClient = {
    discover: vi.fn(async () => {
      if (options.server instanceof Error) throw options.server;
      return options.server ?? SERVER;
    }),
    authorizeUrl: (server, request) =>
      `${server.authorization_endpoint}?${new URLSearchParams({ ...request, redirect_uri: request.redirectUri })}`,
    exchangeCode: vi.fn(options.exchange ?? (async () => ISSUED)),
    refresh: vi.fn(),
    revoke: vi.fn(),
  };
  const ended: Array<SessionReason | undefined> = [];
  const issued: Array<{ tokens: TokenSet; attempt: SignInAttempt }> = [];
  const started = vi.fn();
  const signIn = createSignInFlow({
    oauth,
    startReceiver: async ({ state }) => {
      states.push(state);
      const fake = fakeReceiver(4000 + receivers.length);
      receivers.push(fake);
      return fake.receiver;
    },
    timeoutMs: 300_000,
    logger: silentLogger,
    onStarted: started,
    onEnded: (why) => ended.push(why),
    onIssued: async (tokens, attempt) => {
      issued.push({ tokens, attempt });
    },
  });
  return { signIn, oauth, receivers, states, ended, issued, started };
}

/** Lets the flow act on the browser's answer (it settles within one turn). */
const settle = () => new Promise(setImmediate);

/** A flow whose browser came back with a good code, exchanged and handed to the session. */
async function handedOn() {
  const f = flow();
  await f.signIn.start();
  f.receivers[0]?.answer({ code: 'c-1', iss: SERVER.issuer });
  await settle();
  const attempt = f.issued[0]?.attempt;
  if (!attempt) throw new Error('The flow handed no tokens on.');
  return { ...f, attempt, sentTo: f.receivers[0]?.sentTo };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('starting a sign-in', () => {
  it('opens a listener and a page that carries its redirect, a fresh state and the PKCE challenge', async () => {
    const f = flow();
    expect(await f.signIn.start()).toBeUndefined();
    expect(f.started).toHaveBeenCalledTimes(1);
    const page = new URL(f.signIn.authorizeUrl() as string);
    expect(page.searchParams.get('redirect_uri')).toBe(f.receivers[0]?.receiver.redirectUri);
    expect(page.searchParams.get('state')).toBe(f.states[0]);
    // The verifier the exchange sends is the one the challenge was made from.
    f.receivers[0]?.answer({ code: 'c-1', iss: SERVER.issuer });
    await settle();
    const { verifier, redirectUri } = vi.mocked(f.oauth.exchangeCode).mock.calls[0]?.[0] ?? {};
    expect(challengeFor(verifier as string)).toBe(page.searchParams.get('challenge'));
    expect(redirectUri).toBe(f.receivers[0]?.receiver.redirectUri);
  });

  it.each([
    ['unreachable', new OAuthError('network', 'The accounts server cannot be reached.'), 'unreachable'],
    ['without sign-in metadata', new OAuthError('invalid-response', 'No sign-in here.'), 'failed'],
  ])('says why when the server is %s, and opens no listener', async (_, error, code) => {
    const f = flow({ server: error });
    expect(await f.signIn.start()).toEqual({ code, message: error.message });
    expect(f.receivers).toEqual([]);
    expect(f.started).not.toHaveBeenCalled();
    expect(f.signIn.authorizeUrl()).toBeUndefined();
  });
});

describe("the browser's answer", () => {
  it.each<[string, CallbackParams, FlowOutcome, SessionReason]>([
    [
      'a denial',
      { error: 'access_denied' },
      'denied',
      { code: 'denied', message: 'Sign-in was cancelled on the Quantower page.' },
    ],
    [
      'another error, with its description',
      { error: 'server_error', errorDescription: 'try later' },
      'failed',
      { code: 'failed', message: 'The accounts server refused the sign-in (server_error: try later).' },
    ],
    [
      'another error, without a description',
      { error: 'server_error' },
      'failed',
      { code: 'failed', message: 'The accounts server refused the sign-in (server_error).' },
    ],
    [
      'an answer from another server (RFC 9207)',
      { code: 'c-1', iss: 'https://evil.example.com' },
      'failed',
      { code: 'failed', message: 'The sign-in answer came from another server.' },
    ],
    [
      'an answer without a code',
      { iss: SERVER.issuer },
      'failed',
      { code: 'failed', message: 'The sign-in answer carried no code.' },
    ],
  ])('%s ends the attempt with its reason, exchanging nothing', async (_, params, outcome, why) => {
    const f = flow();
    await f.signIn.start();
    f.receivers[0]?.answer(params);
    await settle();
    expect(f.receivers[0]?.sentTo).toEqual([outcome]);
    expect(f.ended).toEqual([why]);
    expect(f.oauth.exchangeCode).not.toHaveBeenCalled();
    expect(f.signIn.authorizeUrl()).toBeUndefined();
    // The listener stays a while, for the browser to fetch its closing page.
    expect(f.receivers[0]?.receiver.closed).toBe(false);
  });

  it('takes an answer without `iss` from a server that does not send one', async () => {
    const f = flow({ server: { ...SERVER, authorization_response_iss_parameter_supported: false } });
    await f.signIn.start();
    f.receivers[0]?.answer({ code: 'c-1' });
    await settle();
    expect(f.issued.map((i) => i.tokens)).toEqual([ISSUED]);
  });

  it.each([
    ['unreachable', new OAuthError('network', 'offline'), { code: 'unreachable', message: 'offline' }],
    [
      'refused',
      new OAuthError('refused', 'code used', 'invalid_grant', 400),
      { code: 'failed', message: 'code used' },
    ],
  ])('a code exchange that fails (%s) ends the attempt with why', async (_, error, why) => {
    const f = flow({
      exchange: async () => {
        throw error;
      },
    });
    await f.signIn.start();
    f.receivers[0]?.answer({ code: 'c-1', iss: SERVER.issuer });
    await settle();
    expect(f.receivers[0]?.sentTo).toEqual(['failed']);
    expect(f.ended).toEqual([why]);
    expect(f.issued).toEqual([]);
  });

  it('hands the tokens on; when the session succeeds, the browser is told and the attempt is over', async () => {
    const f = await handedOn();
    expect(f.attempt.current).toBe(true);
    f.attempt.succeed();
    expect(f.sentTo).toEqual(['signed-in']);
    expect(f.attempt.current).toBe(false);
    // Its listener stays a while, for the browser to fetch the closing page.
    expect(f.receivers[0]?.receiver.closed).toBe(false);
    expect(f.signIn.authorizeUrl()).toBeUndefined();
    expect(f.ended).toEqual([]);
  });

  it('abandoning tells the browser it failed and leaves the rest to whoever settled the session', async () => {
    const f = await handedOn();
    f.attempt.abandon();
    expect(f.sentTo).toEqual(['failed']);
    expect(f.ended).toEqual([]);
    expect(f.attempt.current).toBe(true);
  });

  it('an answer that lands as the attempt ends sends the browser to the failure page, nothing more', async () => {
    const f = flow();
    await f.signIn.start();
    f.receivers[0]?.answer({ code: 'c-1', iss: SERVER.issuer });
    f.signIn.cancel();
    await settle();
    expect(f.receivers[0]?.sentTo).toEqual(['failed']);
    expect(f.oauth.exchangeCode).not.toHaveBeenCalled();
    expect(f.ended).toEqual([undefined]);
  });

  it('an attempt cancelled while its code was exchanged is no longer current', async () => {
    let exchanged!: (tokens: TokenSet) => void;
    const f = flow({ exchange: () => new Promise((resolve) => (exchanged = resolve)) });
    await f.signIn.start();
    f.receivers[0]?.answer({ code: 'c-1', iss: SERVER.issuer });
    await settle();
    f.signIn.cancel();
    exchanged(ISSUED);
    await settle();
    const attempt = f.issued[0]?.attempt as SignInAttempt;
    expect(attempt.current).toBe(false);
    // Failing it now tells the browser, but the session has already heard the cancel.
    attempt.fail({ code: 'failed', message: 'late' });
    expect(f.receivers[0]?.sentTo).toEqual(['failed']);
    expect(f.ended).toEqual([undefined]);
  });
});

describe('ending an attempt', () => {
  it('cancel ends it without a reason and closes its listener at once', async () => {
    const f = flow();
    await f.signIn.start();
    f.signIn.cancel();
    expect(f.ended).toEqual([undefined]);
    expect(f.receivers[0]?.receiver.closed).toBe(true);
    expect(f.signIn.authorizeUrl()).toBeUndefined();
    f.signIn.cancel(); // nothing left to cancel
    expect(f.ended).toEqual([undefined]);
  });

  it('times out when nobody comes back in time, closing the listener', async () => {
    vi.useFakeTimers();
    const f = flow();
    await f.signIn.start();
    vi.advanceTimersByTime(300_000 - 1);
    expect(f.ended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(f.ended).toEqual([
      { code: 'timed-out', message: 'Nobody finished signing in in the browser in time.' },
    ]);
    expect(f.receivers[0]?.receiver.closed).toBe(true);
  });

  it('an answer stops the clock: a slow exchange is not timed out', async () => {
    vi.useFakeTimers();
    let exchanged!: (tokens: TokenSet) => void;
    const f = flow({ exchange: () => new Promise((resolve) => (exchanged = resolve)) });
    await f.signIn.start();
    f.receivers[0]?.answer({ code: 'c-1', iss: SERVER.issuer });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(f.ended).toEqual([]);
    exchanged(ISSUED);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.issued[0]?.attempt.current).toBe(true);
  });

  it('a listener that served its closing page closes a minute later', async () => {
    vi.useFakeTimers();
    const f = flow();
    await f.signIn.start();
    f.receivers[0]?.answer({ error: 'access_denied' });
    await vi.advanceTimersByTimeAsync(60_000 - 1);
    expect(f.receivers[0]?.receiver.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.receivers[0]?.receiver.closed).toBe(true);
  });

  it('close shuts every listener, current or retired, and tells nobody', async () => {
    const f = flow();
    await f.signIn.start();
    f.receivers[0]?.answer({ error: 'access_denied' });
    await settle();
    await f.signIn.start();
    await f.signIn.close();
    expect(f.receivers.map((r) => r.receiver.closed)).toEqual([true, true]);
    expect(f.ended).toHaveLength(1); // the denial only
    expect(f.signIn.authorizeUrl()).toBeUndefined();
  });
});
