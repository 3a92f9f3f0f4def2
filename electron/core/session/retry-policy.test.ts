import { describe, expect, it } from 'vitest';
import { OAuthError } from './oauth-client.ts';
import { DEFAULT_RETRY_DELAYS_MS, retryDelays, worthRetrying } from './retry-policy.ts';

describe('when to ask the accounts server again', () => {
  it('waits the given delays in turn, the last one repeating', () => {
    const delayAfter = retryDelays([5, 15, 60]);
    expect([1, 2, 3, 4, 10].map(delayAfter)).toEqual([5, 15, 60, 60, 60]);
  });

  it('falls back to 5 s, 15 s, 1 min, then every 5 min when no delays are given', () => {
    expect(DEFAULT_RETRY_DELAYS_MS).toEqual([5_000, 15_000, 60_000, 300_000]);
    for (const given of [undefined, []]) {
      expect([1, 4, 5].map(retryDelays(given))).toEqual([5_000, 300_000, 300_000]);
    }
  });
});

describe('whether the server is worth asking again', () => {
  it.each([
    ['unreachable', new OAuthError('network', 'offline')],
    ['an off-spec answer', new OAuthError('invalid-response', 'HTTP 502', undefined, 502)],
    ['a refusal from an overloaded server (5xx)', new OAuthError('refused', 'down', 'server_error', 500)],
    ['a refusal to slow down (429)', new OAuthError('refused', 'slow', 'slow_down', 429)],
    ['anything else that went wrong', new TypeError('fetch failed')],
  ])('yes: %s', (_, error) => {
    expect(worthRetrying(error)).toBe(true);
  });

  it.each([
    ['invalid_grant (400)', new OAuthError('refused', 'used', 'invalid_grant', 400)],
    ['invalid_client (401)', new OAuthError('refused', 'who', 'invalid_client', 401)],
    ['a 499, just under the server errors', new OAuthError('refused', 'odd', 'odd', 499)],
    ['a refusal without a status', new OAuthError('refused', 'no', 'invalid_request')],
  ])('no, the answer is final: %s', (_, error) => {
    expect(worthRetrying(error)).toBe(false);
  });
});
