// The sandbox's partner API, derived from the contract table (shared/accounts-contract.ts): every
// operation of the table is a route here and nothing else is (a mapped type makes a missing
// handler a compile error; routes-match-table.test.ts checks the app). The table's schemas parse
// path parameters, query, body and Idempotency-Key before a handler runs, so a handler receives
// typed input and returns its operation's typed answer.
import type { Context, Handler, Hono } from 'hono';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../../shared/accounts-api.ts';
import {
  type AccountsOperation,
  type accountsOperations,
  OPERATIONS,
  type OperationName,
  type OperationRequest,
  type OperationResult,
} from '../../shared/accounts-contract.ts';
import type { PartnerEnv } from './current-partner.ts';
import { ApiProblem } from './errors.ts';
import { resource } from './resource.ts';
import { parseBody, parseParam, parseQuery } from './validate.ts';

type C = Context<PartnerEnv>;
/** A created resource (201): the answer, and whether it is an idempotent replay of an earlier one. */
export interface Created<T> {
  result: T;
  replayed: boolean;
}
type Reply<K extends OperationName> = (typeof accountsOperations)[K] extends { stream: true }
  ? Response
  : (typeof accountsOperations)[K] extends { status: 201 }
    ? Created<OperationResult<K>>
    : OperationResult<K>;

export type ContractHandlers = {
  [K in OperationName]: (request: OperationRequest<K>, c: C) => Reply<K> | Promise<Reply<K>>;
};

export function contractRoutes(app: Hono<PartnerEnv>, handlers: ContractHandlers): void {
  const byPath = new Map<string, Partial<Record<'get' | 'post', Handler<PartnerEnv>>>>();
  for (const [name, operation] of OPERATIONS) {
    const methods = byPath.get(operation.path) ?? {};
    methods[operation.method] = route(operation, handlers[name] as Implementation);
    byPath.set(operation.path, methods);
  }
  for (const [path, methods] of byPath) resource(app, path, methods);
}

type Implementation = (request: OperationRequest<OperationName>, c: C) => unknown;

function route(operation: AccountsOperation, implementation: Implementation): Handler<PartnerEnv> {
  return async (c) => {
    const params: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(operation.params?.shape ?? {})) {
      params[name] = parseParam(c.req.param(name), schema, name);
    }
    const request = {
      params,
      query: operation.query ? parseQuery(c, operation.query) : {},
      body: operation.body ? await parseBody(c, operation.body) : undefined,
      idempotencyKey: operation.idempotencyKey ? idempotencyKey(c) : undefined,
    } as OperationRequest<OperationName>;
    const reply = await implementation(request, c);
    if (operation.stream) return reply as Response;
    if (operation.status === 201) {
      const { result, replayed } = reply as Created<{ id: string }>;
      return c.json(result, 201, {
        location: `${operation.path}/${encodeURIComponent(result.id)}`,
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
    }
    return c.json(reply as object, operation.status);
  };
}

function idempotencyKey(c: C): string | undefined {
  const raw = c.req.header(IDEMPOTENCY_KEY_HEADER);
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success) {
    throw new ApiProblem(
      400,
      'invalid-idempotency-key',
      'Idempotency-Key must be 1–200 printable characters.',
    );
  }
  return parsed.data;
}
