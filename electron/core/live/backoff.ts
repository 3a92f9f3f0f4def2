// Reconnect delays: exponential, capped, with "equal jitter" (half fixed, half random) so a fleet of
// companions that lost the same server does not come back in lockstep, yet never retries at once.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A period with ±`spread` jitter (0.1 = ±10 %), for steady polling. */
export function jittered(periodMs: number, spread: number, random: () => number = Math.random): number {
  return Math.round(periodMs * (1 - spread + random() * 2 * spread));
}
