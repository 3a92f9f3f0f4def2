// Bearer access tokens on the accounts API (RFC 6750): who is calling, or a 401 that says why.
import type { Database } from '../db/database.ts';
import { ApiProblem } from '../http/errors.ts';
import { accountForAccessToken } from './grants.ts';

const challenge = (error: string, description: string) =>
  `Bearer realm="accounts", error="${error}", error_description="${description}"`;

/** The partner id for an Authorization header value; throws a 401 ApiProblem otherwise. */
export function partnerForAuthorization(db: Database, header: string | undefined, now: number): string {
  if (!header) {
    throw new ApiProblem(
      401,
      'unauthenticated',
      'Sign in first: this endpoint needs a bearer access token.',
      {
        'www-authenticate': 'Bearer realm="accounts"',
      },
    );
  }
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/u.exec(header.trim());
  if (!match?.[1]) {
    const description = 'The Authorization header must be: Bearer <access token>.';
    throw new ApiProblem(400, 'invalid-request', description, {
      'www-authenticate': challenge('invalid_request', description),
    });
  }
  const accountId = accountForAccessToken(db, match[1], now);
  if (!accountId) {
    const description = 'The access token is invalid, expired or revoked.';
    throw new ApiProblem(401, 'invalid-token', description, {
      'www-authenticate': challenge('invalid_token', description),
    });
  }
  return accountId;
}
