import { describe, expect, it, vi } from 'vitest';
import { type HeldTimers, heldTimers } from '../../../test/support/held-timers.ts';
import { OAuthError } from './oauth-client.ts';
import { createRevocationQueue } from './revocation-queue.ts';

const unreachable = () => new OAuthError('network', 'The accounts server cannot be reached.');
const busy = () => new OAuthError('refused', 'Too many requests.', 'slow_down', 429);
const refused = () => new OAuthError('refused', 'The accounts server refused it.', 'invalid_request', 400);

/** A queue whose server answers each revocation with the next scripted outcome ('ok' once they run out). */
function queue(...answers: Array<'ok' | (() => Error)>) {
  const timers = heldTimers();
  const revoke = vi.fn(async (_refreshToken: string) => {
    const answer = answers.shift() ?? 'ok';
    if (answer !== 'ok') throw answer();
  });
  const onAllRevoked = vi.fn();
  const logged: string[] = [];
  const q = createRevocationQueue({
    revoke,
    timers,
    delayAfter: (failures) => failures * 1_000,
    log: (message) => logged.push(message),
    onAllRevoked,
  });
  return { q, timers, revoke, onAllRevoked, logged };
}

/** Runs the pending retry and lets its revocations answer (they settle within one turn). */
async function retry(timers: HeldTimers): Promise<void> {
  timers.runNext();
  await new Promise(setImmediate);
}

describe('revocation retries', () => {
  it('says true and keeps nothing when the server confirms at once', async () => {
    const { q, timers, onAllRevoked } = queue('ok');
    expect(await q.revoke('rt-1')).toBe(true);
    expect(timers.planned).toEqual([]);
    expect(onAllRevoked).not.toHaveBeenCalled();
  });

  it('keeps a token the server could not be told about, and tries again with growing waits', async () => {
    const { q, timers, revoke, onAllRevoked, logged } = queue(unreachable, busy, 'ok');
    expect(await q.revoke('rt-1')).toBe(false);
    expect(timers.planned).toEqual([1_000]);
    await retry(timers);
    expect(revoke).toHaveBeenLastCalledWith('rt-1');
    expect(timers.planned).toEqual([2_000]); // a 429 is worth asking again, a bit later
    expect(onAllRevoked).not.toHaveBeenCalled();
    await retry(timers);
    expect(revoke).toHaveBeenCalledTimes(3);
    expect(timers.planned).toEqual([]);
    expect(onAllRevoked).toHaveBeenCalledTimes(1);
    expect(logged).toEqual([
      'session: revoking a refresh token failed: The accounts server cannot be reached.',
      'session: revoking a refresh token failed again: Too many requests.',
    ]);
  });

  it('does not keep a token the server refused for good', async () => {
    const { q, timers } = queue(refused);
    expect(await q.revoke('rt-1')).toBe(false);
    expect(timers.planned).toEqual([]);
  });

  it('drops a kept token the server then refuses for good, and is done', async () => {
    const { q, timers, revoke, onAllRevoked } = queue(unreachable, refused);
    await q.revoke('rt-1');
    await retry(timers);
    expect(revoke).toHaveBeenCalledTimes(2);
    expect(timers.planned).toEqual([]);
    expect(onAllRevoked).toHaveBeenCalledTimes(1);
  });

  it('retries every kept token on one timer, and starts the waits over once all are revoked', async () => {
    const { q, timers, revoke } = queue(unreachable, unreachable, 'ok', 'ok', unreachable);
    await q.revoke('rt-1');
    await q.revoke('rt-2');
    expect(timers.planned).toEqual([1_000]);
    await retry(timers);
    expect(revoke.mock.calls.slice(2)).toEqual([['rt-1'], ['rt-2']]);
    expect(timers.planned).toEqual([]);
    await q.revoke('rt-3');
    expect(timers.planned).toEqual([1_000]);
  });

  it('on close, stops retrying and forgets what it kept', async () => {
    const { q, timers, revoke } = queue(unreachable, unreachable);
    await q.revoke('rt-1');
    q.close();
    expect(timers.planned).toEqual([]);
    expect(await q.revoke('rt-2')).toBe(false);
    expect(timers.planned).toEqual([]);
    expect(revoke).toHaveBeenCalledTimes(2);
  });

  it('closing stops a retry under way: nothing more is sent, nobody is told', async () => {
    const { q, timers, revoke, onAllRevoked } = queue(unreachable, unreachable);
    await q.revoke('rt-1');
    await q.revoke('rt-2');
    let answer!: () => void;
    revoke.mockImplementationOnce(() => new Promise<void>((resolve) => (answer = resolve)));
    timers.runNext(); // rt-1 is on its way
    q.close();
    answer();
    await new Promise(setImmediate);
    expect(revoke.mock.calls.map(([token]) => token)).toEqual(['rt-1', 'rt-2', 'rt-1']);
    expect(onAllRevoked).not.toHaveBeenCalled();
    expect(timers.planned).toEqual([]);
  });

  it('closing as the last retry answers: nobody is told', async () => {
    const { q, timers, revoke, onAllRevoked } = queue(unreachable);
    await q.revoke('rt-1');
    let answer!: () => void;
    revoke.mockImplementationOnce(() => new Promise<void>((resolve) => (answer = resolve)));
    timers.runNext();
    q.close();
    answer();
    await new Promise(setImmediate);
    expect(onAllRevoked).not.toHaveBeenCalled();
  });
});
