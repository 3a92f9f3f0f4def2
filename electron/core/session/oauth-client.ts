// The companion's side of OAuth 2.0 against the accounts server: discovery (RFC 8414), the
// authorization URL, code exchange, refresh and revocation. Every answer is validated; failures
// are OAuthError with a kind the session acts on (network vs. a refusal such as invalid_grant).
import { z } from 'zod';

export const COMPANION_CLIENT_ID = 'quantower-referral-companion';

const Metadata = z.object({
  issuer: z.url(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  revocation_endpoint: z.url().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});
export type AuthorizationServer = z.infer<typeof Metadata>;

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/iu),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
});

const ErrorResponse = z.object({ error: z.string().min(1), error_description: z.string().optional() });

export type OAuthErrorKind = 'network' | 'refused' | 'invalid-response';

export class OAuthError extends Error {
  override name = 'OAuthError';
  readonly kind: OAuthErrorKind;
  /** The server's error code (e.g. invalid_grant) for 'refused'. */
  readonly code: string | undefined;
  /** The HTTP status of a refusal or an off-spec answer; absent for network failures. */
  readonly status: number | undefined;
  constructor(kind: OAuthErrorKind, message: string, code?: string, status?: number) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.status = status;
  }
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface OAuthClientOptions {
  /** The accounts server's base URL; discovery lives under it. */
  accountsUrl: string;
  clientId?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
}

export interface OAuthClient {
  discover(): Promise<AuthorizationServer>;
  authorizeUrl(
    server: AuthorizationServer,
    request: { redirectUri: string; state: string; challenge: string },
  ): string;
  exchangeCode(request: { code: string; redirectUri: string; verifier: string }): Promise<TokenSet>;
  refresh(refreshToken: string): Promise<TokenSet>;
  /** RFC 7009; resolves when the server confirmed, rejects otherwise. */
  revoke(token: string): Promise<void>;
}

export function createOAuthClient(options: OAuthClientOptions): OAuthClient {
  const doFetch = options.fetch ?? fetch;
  const clientId = options.clientId ?? COMPANION_CLIENT_ID;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const base = new URL(options.accountsUrl.endsWith('/') ? options.accountsUrl : `${options.accountsUrl}/`);
  let discovered: Promise<AuthorizationServer> | undefined;

  async function request(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await doFetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'failed';
      throw new OAuthError('network', `The accounts server cannot be reached (${what} ${reason}).`);
    }
  }

  async function discover(): Promise<AuthorizationServer> {
    const url = new URL('.well-known/oauth-authorization-server', base).href;
    const response = await request(url, { headers: { accept: 'application/json' } }, 'discovery');
    if (!response.ok) {
      throw new OAuthError(
        'invalid-response',
        `The accounts server has no sign-in (HTTP ${response.status} at ${url}).`,
      );
    }
    const parsed = Metadata.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new OAuthError('invalid-response', 'The accounts server sent invalid sign-in metadata.');
    const server = parsed.data;
    if (trimSlash(server.issuer) !== trimSlash(base.href)) {
      throw new OAuthError(
        'invalid-response',
        `The sign-in issuer ${server.issuer} is not this accounts server.`,
      );
    }
    // Sign-in opens only pages of the accounts server itself (the link allow-list trusts its origin).
    for (const endpoint of [
      server.authorization_endpoint,
      server.token_endpoint,
      server.revocation_endpoint,
    ]) {
      if (endpoint && new URL(endpoint).origin !== base.origin) {
        throw new OAuthError(
          'invalid-response',
          `The sign-in endpoint ${endpoint} is not on the accounts server.`,
        );
      }
    }
    if (
      server.code_challenge_methods_supported &&
      !server.code_challenge_methods_supported.includes('S256')
    ) {
      throw new OAuthError('invalid-response', 'The accounts server does not support PKCE with S256.');
    }
    return server;
  }

  function cachedServer(): Promise<AuthorizationServer> {
    if (!discovered) {
      const attempt = discover();
      discovered = attempt;
      // A failed discovery is not remembered: the next call tries again.
      attempt.catch(() => {
        if (discovered === attempt) discovered = undefined;
      });
    }
    return discovered;
  }

  async function tokenRequest(body: Record<string, string>, what: string): Promise<TokenSet> {
    const server = await cachedServer();
    const response = await request(
      server.token_endpoint,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ ...body, client_id: clientId }),
      },
      what,
    );
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw refusal(response.status, json, what);
    const tokens = TokenResponse.safeParse(json);
    if (!tokens.success)
      throw new OAuthError('invalid-response', `The accounts server answered ${what} off-spec.`);
    return {
      accessToken: tokens.data.access_token,
      refreshToken: tokens.data.refresh_token,
      expiresAt: now() + tokens.data.expires_in * 1000,
    };
  }

  return {
    /** Always asks afresh (each sign-in), and caches for refresh and revocation. */
    discover() {
      discovered = undefined;
      return cachedServer();
    },
    authorizeUrl(server, { redirectUri, state, challenge }) {
      const url = new URL(server.authorization_endpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('code_challenge', challenge);
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('state', state);
      return url.href;
    },
    exchangeCode: ({ code, redirectUri, verifier }) =>
      tokenRequest(
        { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
        'the sign-in',
      ),
    refresh: (refreshToken) =>
      tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, 'the session refresh'),
    async revoke(token) {
      const server = await cachedServer();
      if (!server.revocation_endpoint) return;
      const response = await request(
        server.revocation_endpoint,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, token_type_hint: 'refresh_token', client_id: clientId }),
        },
        'sign-out',
      );
      if (!response.ok)
        throw refusal(response.status, await response.json().catch(() => undefined), 'sign-out');
    },
  };
}

function refusal(status: number, json: unknown, what: string): OAuthError {
  const body = ErrorResponse.safeParse(json);
  if (!body.success)
    return new OAuthError(
      'invalid-response',
      `The accounts server refused ${what} (HTTP ${status}).`,
      undefined,
      status,
    );
  const detail = body.data.error_description ? `: ${body.data.error_description}` : '';
  return new OAuthError(
    'refused',
    `The accounts server refused ${what} (${body.data.error}${detail})`,
    body.data.error,
    status,
  );
}

function trimSlash(url: string): string {
  return new URL(url).href.replace(/\/+$/u, '');
}
