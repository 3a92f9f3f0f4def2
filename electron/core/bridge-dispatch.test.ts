import { describe, expect, it, vi } from 'vitest';
import { aboutMethods } from '../../shared/bridge/about.ts';
import { earningsMethods } from '../../shared/bridge/earnings.ts';
import { liveMethods } from '../../shared/bridge/live.ts';
import { payoutMethods } from '../../shared/bridge/payouts.ts';
import { supportJournalMethods } from '../../shared/bridge/support-journal.ts';
import { BridgeError, type CoreHandlers } from '../../shared/bridge.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { AccountsError } from './accounts-client.ts';
import { createDispatcher } from './bridge-dispatch.ts';

const referral = {
  code: 'QT+1',
  link: 'https://accounts.quantower.com/referral?referral_code=QT%2B1',
  linkBase: 'https://accounts.quantower.com/referral',
  partner: { partnerId: 'p1', email: 'demo@example.com', displayName: 'Demo' },
};
const appInfo = {
  version: '0.1.0',
  mode: 'demo',
  accountsUrl: 'http://127.0.0.1:1/',
  shell: 'browser',
} as const;

const signedOut = { state: 'signed-out', storage: 'memory' } as const;

function handlers(overrides: Partial<CoreHandlers> = {}): CoreHandlers {
  return {
    getAppInfo: async () => appInfo,
    getReferral: async () => referral,
    getSettings: async () => DEFAULT_SETTINGS,
    updateSettings: async () => DEFAULT_SETTINGS,
    getSession: async () => signedOut,
    signIn: async () => signedOut,
    cancelSignIn: async () => signedOut,
    signOut: async () => signedOut,
    ...unusedLiveHandlers,
    ...unusedPayoutHandlers,
    ...unusedEarningsHandlers,
    ...unusedJournalHandlers,
    ...unusedAboutHandlers,
    ...overrides,
  };
}

const unused = async (): Promise<never> => {
  throw new Error('Not called in these tests.');
};
const unusedPayoutHandlers = Object.fromEntries(
  Object.keys(payoutMethods).map((name) => [name, unused]),
) as unknown as Pick<CoreHandlers, keyof typeof payoutMethods>;

const unusedJournalHandlers = Object.fromEntries(
  Object.keys(supportJournalMethods).map((name) => [name, unused]),
) as unknown as Pick<CoreHandlers, keyof typeof supportJournalMethods>;
const unusedAboutHandlers = Object.fromEntries(
  Object.entries(aboutMethods)
    .filter(([, spec]) => spec.side === 'core')
    .map(([name]) => [name, unused]),
) as unknown as Pick<
  CoreHandlers,
  'getDiagnostics' | 'getUpdateStatus' | 'restartToUpdate' | 'postponeUpdate'
>;

const unusedEarningsHandlers = Object.fromEntries(
  Object.keys(earningsMethods).map((name) => [name, unused]),
) as unknown as Pick<CoreHandlers, keyof typeof earningsMethods>;

const unusedLiveHandlers = Object.fromEntries(
  Object.keys(liveMethods).map((name) => [
    name,
    async () => {
      throw new Error('Not called in these tests.');
    },
  ]),
) as unknown as Pick<CoreHandlers, keyof typeof liveMethods>;

describe('bridge dispatcher', () => {
  it('runs a valid call and returns the validated value', async () => {
    const d = createDispatcher(handlers());
    await expect(d.dispatch('getReferral', {})).resolves.toEqual({ ok: true, value: referral });
    await expect(d.dispatch('getAppInfo', undefined)).resolves.toEqual({ ok: true, value: appInfo });
  });

  it('refuses unknown methods, including prototype names', async () => {
    const d = createDispatcher(handlers());
    for (const name of ['nope', 'toString', '__proto__', 42, null]) {
      await expect(d.dispatch(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
  });

  it('refuses shell methods this side does not provide', async () => {
    const d = createDispatcher(handlers());
    await expect(d.dispatch('copyText', { text: 'x' })).resolves.toMatchObject({
      error: { code: 'unknown-method' },
    });
  });

  it('validates input before any handler runs', async () => {
    const copyText = vi.fn(async () => ({ copied: true as const }));
    const d = createDispatcher({ ...handlers(), copyText });
    for (const input of [{}, { text: '' }, { text: 1 }, { text: 'x', extra: true }, 'text']) {
      await expect(d.dispatch('copyText', input)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(copyText).not.toHaveBeenCalled();
    await expect(d.dispatch('copyText', { text: 'x' })).resolves.toEqual({
      ok: true,
      value: { copied: true },
    });
  });

  it('never lets off-contract output across', async () => {
    const log = vi.fn();
    const d = createDispatcher(
      handlers({ getReferral: async () => ({ ...referral, link: 'not a url' }) }),
      log,
    );
    await expect(d.dispatch('getReferral', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(log).toHaveBeenCalled();
  });

  it('maps failures to codes the UI can act on, without internals', async () => {
    const failing = (error: unknown) =>
      createDispatcher(handlers({ getReferral: async () => Promise.reject(error) }), () => {});
    const cases: [unknown, string, boolean][] = [
      [new AccountsError('network', 'down'), 'unavailable', true],
      [new AccountsError('timeout', 'slow'), 'timeout', true],
      [new AccountsError('invalid-response', 'bad'), 'invalid-response', true],
      [new AccountsError('http', 'nope', 403), 'rejected', false],
      [new AccountsError('http', 'busy', 503), 'rejected', true],
      [new BridgeError({ code: 'forbidden', message: 'no', retryable: false }), 'forbidden', false],
    ];
    for (const [error, code, retryable] of cases) {
      await expect(failing(error).dispatch('getReferral', {})).resolves.toMatchObject({
        ok: false,
        error: { code, retryable },
      });
    }
    const secret = await failing(new Error('SQLITE_CORRUPT at /home/user/secret.db')).dispatch(
      'getReferral',
      {},
    );
    expect(secret).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(secret)).not.toContain('secret.db');
  });
});
