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

  async function get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    try {
      return (await http.get(path.replace(/^\//u, '')).json(schema)) as z.output<S>;
    } catch (error) {
      throw toAccountsError(error, `GET ${path}`);
    }
  }

  return {
    baseUrl,
    getProfile: () => get(accountsPaths.profile, Profile),
    getReferralInfo: () => get(accountsPaths.referral, ReferralInfo),
  };
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
