// Failed sign-ins are limited per e-mail and per client address (sliding window, in memory:
// the sandbox is one process). A success clears the e-mail's record.

export interface LimiterOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export interface FailureLimiter {
  /** Milliseconds until `key` may try again, or 0 when it may now. */
  retryAfterMs(key: string): number;
  recordFailure(key: string): void;
  clear(key: string): void;
}

export function createFailureLimiter(options: LimiterOptions): FailureLimiter {
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = now() - options.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    retryAfterMs(key) {
      const times = recent(key);
      if (times.length < options.maxFailures) return 0;
      const oldestCounted = times[times.length - options.maxFailures] ?? now();
      return Math.max(1, oldestCounted + options.windowMs - now());
    },
    recordFailure(key) {
      failures.set(key, [...recent(key), now()]);
    },
    clear(key) {
      failures.delete(key);
    },
  };
}
