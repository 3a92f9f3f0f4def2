// The accounts API client. Every answer is validated against the shared contract; every
// failure becomes an AccountsError with a kind the UI can act on.
import ky, { HTTPError, isNetworkError, isTimeoutError, type KyInstance, SchemaValidationError } from 'ky';
import type { z } from 'zod';
import { ApiError, accountsPaths, Profile, ReferralInfo } from '../../shared/accounts-api.ts';

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
}

/** How the client gets and renews access tokens; implemented by the session (session/session.ts). */
export interface AccountsAuth {
  /** TEMPORARY: undefined while signed out sends the request without a token (see companion-session.ts). */
  accessToken(): Promise<string | undefined>;
  /** The server answered 401 to `rejected`: a fresh token to retry with once, or throws. */
  renew(rejected: string): Promise<string>;
  /** The retry was refused too; ends the session and throws. */
  rejectedAgain(detail: string): Promise<never>;
}

export interface AccountsClient {
  readonly baseUrl: string;
  getProfile(): Promise<Profile>;
  getReferralInfo(): Promise<ReferralInfo>;
}

export function createAccountsClient(options: AccountsClientOptions): AccountsClient {
  // Contract paths are resolved relative to the base, so a base with a path (a tenant, a proxy
  // prefix) keeps it: 'https://x/tenant/' + 'api/v1/me'.
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const http: KyInstance = ky.create({
    baseUrl,
    timeout: options.timeoutMs ?? 10_000,
    retry: {
      limit: options.retries ?? 2,
      methods: ['get', 'put', 'delete', 'head'],
      retryOnTimeout: true,
      backoffLimit: 2_000,
      jitter: true,
    },
    headers: { accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function send<S extends z.ZodType>(path: string, schema: S, token?: string): Promise<z.output<S>> {
    try {
      const headers = token ? { authorization: `Bearer ${token}` } : {};
      return (await http.get(path.replace(/^\//u, ''), { headers }).json(schema)) as z.output<S>;
    } catch (error) {
      throw toAccountsError(error, `GET ${path}`);
    }
  }

  async function get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    const auth = options.auth;
    if (!auth) return send(path, schema);
    const token = await auth.accessToken();
    if (token === undefined) return send(path, schema);
    try {
      return await send(path, schema, token);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
    }
    // 401: the token may have been revoked or expired early; one shared refresh, one retry.
    const fresh = await auth.renew(token);
    try {
      return await send(path, schema, fresh);
    } catch (error) {
      if (isUnauthorized(error)) return auth.rejectedAgain((error as AccountsError).message);
      throw error;
    }
  }

  return {
    baseUrl,
    getProfile: () => get(accountsPaths.profile, Profile),
    getReferralInfo: () => get(accountsPaths.referral, ReferralInfo),
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
  return new AccountsError('network', error instanceof Error ? error.message : String(error));
}
