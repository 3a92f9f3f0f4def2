import { afterEach, describe, expect, it, vi } from 'vitest';
import { testCrashHook } from './cli.ts';

afterEach(() => vi.restoreAllMocks());

describe('COMPANION_TEST_CRASH_AFTER_SEND', () => {
  it('is off unless set', () => {
    expect(testCrashHook({})).toBeUndefined();
    expect(testCrashHook({ COMPANION_TEST_CRASH_AFTER_SEND: ' ' })).toBeUndefined();
  });

  it('refuses values other than payout or credit', () => {
    expect(() => testCrashHook({ COMPANION_TEST_CRASH_AFTER_SEND: 'yes' })).toThrow(/payout or credit/u);
  });

  it('exits only after a request of the named kind', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const hook = testCrashHook({ COMPANION_TEST_CRASH_AFTER_SEND: 'credit' });
    hook?.('payout');
    expect(exit).not.toHaveBeenCalled();
    hook?.('credit');
    expect(exit).toHaveBeenCalledWith(86);
  });
});
