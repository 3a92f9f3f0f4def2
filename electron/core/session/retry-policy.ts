// Whether the accounts server is worth asking again, and after how long: shared by the background
// refresh and the revocation retries, so both back off alike.

import { OAuthError } from './oauth-client.ts';

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 60_000, 5 * 60_000];

/** The wait before the next attempt after `failures` in a row: the delays in turn, the last one repeating. */
export function retryDelays(delays: readonly number[] | undefined): (failures: number) => number {
  const chosen = delays?.length ? delays : DEFAULT_RETRY_DELAYS_MS;
  return (failures) => chosen[Math.min(failures, chosen.length) - 1] ?? 0;
}

/** The server could not be told (unreachable, 5xx, 429, an off-spec answer): worth asking again. */
export function worthRetrying(error: unknown): boolean {
  if (!(error instanceof OAuthError)) return true;
  if (error.kind !== 'refused') return true;
  return error.status !== undefined && (error.status >= 500 || error.status === 429);
}
