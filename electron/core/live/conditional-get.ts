// Conditional GETs for the polling fallback: each path remembers its ETag and asks with
// If-None-Match, so an unchanged resource costs a 304 with no body. The accounts client (ky +
// schema) has no notion of 304, so this is a small fetch of its own that keeps the same auth rules:
// the session's bearer token, one renewal after a 401, then the session ends.
import { fillPath } from '../../../shared/accounts-api.ts';
import {
  type AccountsOperation,
  accountsOperations,
  type OperationInput,
  type OperationName,
  type OperationResult,
} from '../../../shared/accounts-contract.ts';
import { type AccountsAuth, AccountsError } from '../accounts-client.ts';

export type Conditional<T> = { changed: true; body: T } | { changed: false };
/** The operations of the contract table that answer If-None-Match with 304. */
export type ConditionalOperationName = {
  [K in OperationName]: (typeof accountsOperations)[K] extends { conditional: true } ? K : never;
}[OperationName];

export interface ConditionalGetter {
  /** One conditional operation of the contract table, by name: a 304 answers `{ changed: false }`. */
  get<K extends ConditionalOperationName>(
    name: K,
    input?: OperationInput<K>,
  ): Promise<Conditional<OperationResult<K>>>;
  /** Forgets every ETag (after a sign-in change, the same URL is someone else's data). */
  reset(): void;
}

export function createConditionalGetter(options: {
  baseUrl: string;
  auth?: AccountsAuth | undefined;
  fetch: typeof fetch;
  timeoutMs?: number;
}): ConditionalGetter {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const etags = new Map<string, string>();

  async function once(url: URL, token: string | undefined): Promise<Response> {
    const etag = etags.get(url.href);
    try {
      return await options.fetch(url, {
        headers: {
          accept: 'application/json',
          ...(etag ? { 'if-none-match': etag } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new AccountsError(
        timedOut ? 'timeout' : 'network',
        `GET ${url.pathname} failed: ${String(error)}`,
      );
    }
  }

  return {
    async get(name, input) {
      const operation: AccountsOperation = accountsOperations[name];
      const given = (input ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown> };
      const url = new URL(fillPath(operation.path, given.params ?? {}).replace(/^\//u, ''), base);
      for (const [key, value] of Object.entries(given.query ?? {}))
        if (value !== undefined) url.searchParams.set(key, String(value));
      const schema = operation.response;
      let token = options.auth ? await options.auth.accessToken() : undefined;
      let response = await once(url, token);
      if (response.status === 401 && options.auth && token !== undefined) {
        await response.body?.cancel();
        token = await options.auth.renew(token);
        response = await once(url, token);
        if (response.status === 401) {
          await response.body?.cancel();
          return options.auth.rejectedAgain(`GET ${url.pathname} answered 401`);
        }
      }
      if (response.status === 304) return { changed: false };
      if (!response.ok) {
        await response.body?.cancel();
        throw new AccountsError(
          'http',
          `GET ${url.pathname} answered HTTP ${response.status}.`,
          response.status,
        );
      }
      const parsed = schema.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) {
        throw new AccountsError(
          'invalid-response',
          `The accounts server answered GET ${url.pathname} off-contract.`,
        );
      }
      const etag = response.headers.get('etag');
      if (etag) etags.set(url.href, etag);
      return { changed: true, body: parsed.data as OperationResult<typeof name> };
    },
    reset: () => etags.clear(),
  };
}
