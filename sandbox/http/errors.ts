// Every non-2xx answer is a JSON ApiError (shared/accounts-api.ts) with a meaningful status.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../shared/accounts-api.ts';
import { ProgramError, type ProgramErrorKind } from '../program/errors.ts';

/** Thrown by routes and domain code; becomes `{ error, message }` with this status. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function problemResponse(c: Context, problem: ApiProblem): Response {
  const body: ApiError = { error: problem.code, message: problem.message };
  return c.json(body, problem.status, problem.headers);
}

const statusOf: Record<ProgramErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
};

/** Where the sandbox reports its own failures: the console standalone, the companion's log embedded. */
export type SandboxLog = (message: string, error?: unknown) => void;

export const consoleSandboxLog: SandboxLog = (message, error) => console.error(`[sandbox] ${message}`, error);

export function handleError(error: unknown, c: Context, log: SandboxLog = consoleSandboxLog): Response {
  if (error instanceof ApiProblem) return problemResponse(c, error);
  if (error instanceof ProgramError) {
    return problemResponse(c, new ApiProblem(statusOf[error.kind], error.code, error.message));
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    return problemResponse(
      c,
      new ApiProblem(status, status < 500 ? 'bad-request' : 'internal', error.message),
    );
  }
  // Internals (SQL, stack traces) stay in the server log, never in the answer.
  log(`unhandled error on ${c.req.method} ${c.req.path}`, error);
  return problemResponse(c, new ApiProblem(500, 'internal', 'The sandbox failed to answer this request.'));
}

export function notFound(c: Context): Response {
  return problemResponse(
    c,
    new ApiProblem(404, 'not-found', `No such endpoint: ${c.req.method} ${c.req.path}`),
  );
}
