import { describe, expect, it } from 'vitest';
import { backoffDelay, jittered } from './backoff.ts';

describe('reconnect backoff', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };
  it('doubles up to the cap, never retrying at once', () => {
    expect([0, 1, 2, 3, 10].map((attempt) => backoffDelay(attempt, { ...options, random: () => 0 }))).toEqual(
      [500, 1_000, 2_000, 4_000, 30_000],
    );
    expect([0, 1, 2, 3, 10].map((attempt) => backoffDelay(attempt, { ...options, random: () => 1 }))).toEqual(
      [1_000, 2_000, 4_000, 8_000, 60_000],
    );
  });
  it('spreads a polling period both ways', () => {
    expect(jittered(60_000, 0.1, () => 0)).toBe(54_000);
    expect(jittered(60_000, 0.1, () => 1)).toBe(66_000);
  });
});
