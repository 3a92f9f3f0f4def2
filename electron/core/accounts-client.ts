// The accounts API client. Every answer is validated against the shared contract; every
// failure becomes an AccountsError with a kind the UI can act on.

import ky, { HTTPError, isNetworkError, isTimeoutError, type KyInstance, SchemaValidationError } from 'ky';
import type { z } from 'zod';
import {
  ApiError,
  fillPath,
  IDEMPOTENCY_KEY_HEADER,
  type Profile,
  type ReferralInfo,
} from '../../shared/accounts-api.ts';
import {
  type AccountsOperation,
  accountsOperations,
  type JsonOperationName,
  type OperationInput,
  type OperationResult,
} from '../../shared/accounts-contract.ts';
import { errorMessage } from '../../shared/error-message.ts';
import type { Logger } from './logging/logger.ts';

export type AccountsErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response';

export class AccountsError extends Error {
  override name = 'AccountsError';
  readonly kind: AccountsErrorKind;
  readonly status: number | undefined;
  readonly apiError: string | undefined;
  constructor(kind: AccountsErrorKind, message: string, status?: number, apiError?: string) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.apiError = apiError;
  }
}

export interface AccountsClientOptions {
  baseUrl: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Retries for idempotent requests (GET, PUT, DELETE, HEAD) after network errors, timeouts, 5xx. */
  retries?: number;
  fetch?: typeof fetch;
  /** Bearer tokens for every request (the session); absent: requests go unauthenticated. */
  auth?: AccountsAuth;
  /** Each request and its answer at debug level (scrubbed by the logger). */
  logger?: Logger;
}

/** How the client gets and renews access tokens; implemented by the session (session/session.ts). */
export interface AccountsAuth {
  /** A valid access token; throws (a 'rejected' BridgeError) when signed out. */
  accessToken(): Promise<string>;
  /** The server answered 401 to `rejected`: a fresh token to retry with once, or throws. */
  renew(rejected: string): Promise<string>;
  /** The retry was refused too; ends the session and throws. */
  rejectedAgain(detail: string): Promise<never>;
}

export interface AccountsClient {
  readonly baseUrl: string;
  /**
   * One call to the accounts API, authenticated by the session and validated against `schema`.
   * Domain modules (earnings, payouts, …) build their endpoints on this, so every request gets the
   * same auth, refresh-on-401, timeouts, retries and typed errors.
   */
  request<S extends z.ZodType>(path: string, schema: S, options?: AccountsRequest): Promise<z.output<S>>;
  /**
   * One operation of the contract table (shared/accounts-contract.ts) by name: its method, path,
   * parameters and answer schema come from the table, so no call site names a path or a schema.
   * An operation that takes an Idempotency-Key is retried only when a key is given.
   */
  call<K extends JsonOperationName>(
    name: K,
    input?: OperationInput<K>,
    options?: { idempotencyKey?: string },
  ): Promise<OperationResult<K>>;
  getProfile(): Promise<Profile>;
  getReferralInfo(): Promise<ReferralInfo>;
}

export interface AccountsRequest {
  method?: 'get' | 'post' | 'put' | 'delete';
  json?: unknown;
  searchParams?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /**
   * POST is retried only when the caller says it is safe (an Idempotency-Key makes a repeat
   * return the first result instead of filing twice).
   */
  idempotent?: boolean;
}

const RETRIED_METHODS = ['get', 'put', 'delete', 'head'];

export function createAccountsClient(options: AccountsClientOptions): AccountsClient {
  // Contract paths are resolved relative to the base, so a base with a path (a tenant, a proxy
  // prefix) keeps it: 'https://x/tenant/' + 'api/v1/me'.
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const retry = {
    limit: options.retries ?? 2,
    methods: RETRIED_METHODS,
    retryOnTimeout: true,
    backoffLimit: 2_000,
    jitter: true,
  };
  const http: KyInstance = ky.create({
    baseUrl,
    timeout: options.timeoutMs ?? 10_000,
    retry,
    headers: { accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      afterResponse: [
        ({ request, response }) => {
          options.logger?.debug(`${request.method} ${request.url} → ${response.status}`);
        },
      ],
    },
  });

  async function send<S extends z.ZodType>(
    path: string,
    schema: S,
    request: AccountsRequest,
    token?: string,
  ): Promise<z.output<S>> {
    const method = request.method ?? 'get';
    try {
      const searchParams = Object.fromEntries(
        Object.entries(request.searchParams ?? {}).filter(
          (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
        ),
      );
      return (await http(path.replace(/^\//u, ''), {
        method,
        headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        searchParams,
        ...(request.json === undefined ? {} : { json: request.json }),
        ...(request.idempotent ? { retry: { ...retry, methods: [...RETRIED_METHODS, method] } } : {}),
      }).json(schema)) as z.output<S>;
    } catch (error) {
      throw toAccountsError(error, `${method.toUpperCase()} ${path}`);
    }
  }

  async function request<S extends z.ZodType>(
    path: string,
    schema: S,
    call: AccountsRequest = {},
  ): Promise<z.output<S>> {
    const auth = options.auth;
    if (!auth) return send(path, schema, call);
    const token = await auth.accessToken();
    try {
      return await send(path, schema, call, token);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
    }
    // 401: the token may have been revoked or expired early; one shared refresh, one retry.
    const fresh = await auth.renew(token);
    try {
      return await send(path, schema, call, fresh);
    } catch (error) {
      if (isUnauthorized(error)) return auth.rejectedAgain((error as AccountsError).message);
      throw error;
    }
  }

  function call<K extends JsonOperationName>(
    name: K,
    input?: OperationInput<K>,
    options: { idempotencyKey?: string } = {},
  ): Promise<OperationResult<K>> {
    const operation: AccountsOperation = accountsOperations[name];
    const given = (input ?? {}) as { params?: Record<string, string>; query?: object; body?: unknown };
    const key = operation.idempotencyKey ? options.idempotencyKey : undefined;
    return request(fillPath(operation.path, given.params ?? {}), operation.response, {
      method: operation.method,
      ...(given.query ? { searchParams: given.query as AccountsRequest['searchParams'] } : {}),
      ...(operation.body ? { json: given.body } : {}),
      ...(key ? { headers: { [IDEMPOTENCY_KEY_HEADER]: key } } : {}),
      ...(key || operation.repeatable ? { idempotent: true } : {}),
    }) as Promise<OperationResult<K>>;
  }

  return {
    baseUrl,
    request,
    call,
    getProfile: () => call('getProfile'),
    getReferralInfo: () => call('getReferralInfo'),
  };
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof AccountsError && error.kind === 'http' && error.status === 401;
}

function toAccountsError(error: unknown, what: string): AccountsError {
  if (error instanceof AccountsError) return error;
  if (error instanceof HTTPError) {
    const body = ApiError.safeParse(error.data);
    const detail = body.success ? body.data.message : `HTTP ${error.response.status}`;
    return new AccountsError(
      'http',
      detail,
      error.response.status,
      body.success ? body.data.error : undefined,
    );
  }
  if (isTimeoutError(error)) return new AccountsError('timeout', `${what} timed out.`);
  if (isNetworkError(error))
    return new AccountsError('network', `The accounts server cannot be reached (${what}).`);
  if (error instanceof SchemaValidationError || error instanceof SyntaxError) {
    return new AccountsError('invalid-response', `The accounts server answered ${what} off-contract.`);
  }
  return new AccountsError('network', errorMessage(error));
}
