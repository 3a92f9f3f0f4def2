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
  it('waits between half and all of the ceiling, a negative attempt counting as the first', () => {
    expect(backoffDelay(2, { ...options, random: () => 0.5 })).toBe(3_000);
    expect(backoffDelay(-3, { ...options, random: () => 0 })).toBe(500);
    // The cap holds for any attempt, however late.
    expect(backoffDelay(1_000, { ...options, random: () => 1 })).toBe(60_000);
  });
  it('spreads a polling period both ways', () => {
    expect(jittered(60_000, 0.1, () => 0.5)).toBe(60_000);
    expect(jittered(60_000, 0.25, () => 0)).toBe(45_000);
    expect(jittered(60_000, 0.1, () => 0)).toBe(54_000);
    expect(jittered(60_000, 0.1, () => 1)).toBe(66_000);
  });
});
