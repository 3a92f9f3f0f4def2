// Generates the accounts API's OpenAPI 3.1 document from the shared zod schemas, so the
// document can never say something the runtime validation does not.
//   npm run openapi          writes shared/openapi.json
//   npm run openapi:check    fails when shared/openapi.json is not what the schemas give
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import * as api from '../shared/accounts-api.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../shared/openapi.json', import.meta.url));

type PathKey = keyof typeof api.accountsPaths;
interface Operation {
  path: PathKey;
  method: 'get' | 'post';
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A registered (named) schema, or 'sse' for the event stream. */
  response: z.ZodType | 'sse';
  status?: 200 | 201;
  idempotent?: boolean;
}

/** Named schemas: they become components and are referenced by name. */
const components: Record<string, z.ZodType> = {
  ApiError: api.ApiError,
  Profile: api.Profile,
  ReferralInfo: api.ReferralInfo,
  Referral: api.Referral,
  ReferralPage: api.ReferralPage,
  PurchaseSummary: api.PurchaseSummary,
  Commission: api.Commission,
  CommissionPage: api.CommissionPage,
  HistoryEntry: api.HistoryEntry,
  HistoryPage: api.HistoryPage,
  EarningsSeries: api.EarningsSeries,
  ReferralStats: api.ReferralStats,
  ReferralStatsPage: api.ReferralStatsPage,
  Balance: api.Balance,
  Terms: api.Terms,
  TermsInfo: api.TermsInfo,
  ProgramStatus: api.ProgramStatus,
  PayoutMethod: api.PayoutMethod,
  PayoutMethods: api.PayoutMethods,
  Payout: api.Payout,
  PayoutPage: api.PayoutPage,
  CatalogItem: api.CatalogItem,
  Catalog: api.Catalog,
  License: api.License,
  Licenses: api.Licenses,
  Credit: api.Credit,
  CreditPage: api.CreditPage,
  ProgramEvent: api.ProgramEvent,
};

export const operations: Operation[] = [
  { path: 'profile', method: 'get', summary: 'The signed-in partner', response: api.Profile },
  { path: 'referral', method: 'get', summary: 'Referral code and link', response: api.ReferralInfo },
  {
    path: 'referrals',
    method: 'get',
    summary: 'Referrals, newest first',
    query: api.PageQuery,
    response: api.ReferralPage,
  },
  {
    path: 'commissions',
    method: 'get',
    summary: 'Commissions earned and reversed, newest first',
    query: api.CommissionQuery,
    response: api.CommissionPage,
  },
  {
    path: 'history',
    method: 'get',
    summary: 'Every earned, reversed, cancelled, paid-out and credited entry: filtered, searched, sorted',
    query: api.HistoryQuery,
    response: api.HistoryPage,
  },
  {
    path: 'earningsSeries',
    method: 'get',
    summary: 'Earned and reversed commission per local day, week or month of a time zone (tz, default UTC)',
    query: api.EarningsSeriesQuery,
    response: api.EarningsSeries,
  },
  {
    path: 'referralStats',
    method: 'get',
    summary: 'Referrals with their purchases and the commission they brought, newest first',
    query: api.PageQuery,
    response: api.ReferralStatsPage,
  },
  {
    path: 'balance',
    method: 'get',
    summary: 'Balance figures, all derived from the ledger',
    response: api.Balance,
  },
  {
    path: 'program',
    method: 'get',
    summary: 'Standing in the program and withdrawal progress',
    response: api.ProgramStatus,
  },
  {
    path: 'terms',
    method: 'get',
    summary: 'Terms in force and every published version',
    response: api.TermsInfo,
  },
  {
    path: 'payoutMethods',
    method: 'get',
    summary: 'Payout methods and their destinations',
    response: api.PayoutMethods,
  },
  {
    path: 'payouts',
    method: 'get',
    summary: 'Payout requests, newest first',
    query: api.PageQuery,
    response: api.PayoutPage,
  },
  {
    path: 'payouts',
    method: 'post',
    summary: 'Request a payout',
    body: api.PayoutRequest,
    response: api.Payout,
    status: 201,
    idempotent: true,
  },
  { path: 'payout', method: 'get', summary: 'One payout request', response: api.Payout },
  {
    path: 'payoutCancel',
    method: 'post',
    summary: 'Cancel a payout that is still requested',
    response: api.Payout,
  },
  { path: 'licenses', method: 'get', summary: "The partner's own licenses", response: api.Licenses },
  { path: 'catalog', method: 'get', summary: 'Licenses on sale', response: api.Catalog },
  {
    path: 'credits',
    method: 'get',
    summary: 'License credits, newest first',
    query: api.PageQuery,
    response: api.CreditPage,
  },
  {
    path: 'credits',
    method: 'post',
    summary: 'Apply the balance to a license renewal',
    body: api.CreditRequest,
    response: api.Credit,
    status: 201,
    idempotent: true,
  },
  { path: 'credit', method: 'get', summary: 'One license credit', response: api.Credit },
  {
    path: 'events',
    method: 'get',
    summary: 'Server-Sent Events; each event id resumes the stream with Last-Event-ID',
    response: 'sse',
  },
];

function clean(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

export function buildOpenApi(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries(components)) {
    registry.add(schema, { id });
    names.set(schema, id);
  }
  const generated = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => [id, clean(schema as Record<string, unknown>)]),
  );
  const ref = (schema: z.ZodType) => {
    const name = names.get(schema);
    if (!name) throw new Error('A response schema must be a named component.');
    return { $ref: `#/components/schemas/${name}` };
  };
  const inline = (schema: z.ZodType) =>
    clean(z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>);
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: ref(api.ApiError) } },
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(api.accountsPaths) as PathKey[]) {
    if (!operations.some((op) => op.path === key))
      throw new Error(`accountsPaths.${key} has no documented operation.`);
  }
  for (const op of operations) {
    const template = api.accountsPaths[op.path];
    const path = template.replace(/:([a-zA-Z]+)/gu, '{$1}');
    const parameters: unknown[] = [...template.matchAll(/:([a-zA-Z]+)/gu)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema: inline(field as z.ZodType),
      });
    }
    if (op.idempotent) {
      parameters.push({
        name: api.IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: false,
        description:
          'Same key + same body → the same answer (no second request); same key + another body → 409.',
        schema: inline(api.IdempotencyKey),
      });
    }
    if (op.path === 'events') {
      parameters.push({ name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } });
    }
    if (op.method === 'get' && op.response !== 'sse') {
      parameters.push({ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } });
    }
    const success =
      op.response === 'sse'
        ? {
            description: 'An endless text/event-stream; each data line is one ProgramEvent as JSON.',
            content: { 'text/event-stream': { schema: ref(api.ProgramEvent) } },
          }
        : {
            description: 'OK',
            headers: op.method === 'get' ? { ETag: { schema: { type: 'string' } } } : undefined,
            content: { 'application/json': { schema: ref(op.response) } },
          };
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[op.method] = {
      operationId: `${op.method}${op.path[0]?.toUpperCase()}${op.path.slice(1)}`,
      summary: op.summary,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: inline(op.body) } } } }
        : {}),
      responses: {
        [String(op.status ?? 200)]: success,
        ...(op.method === 'get' && op.response !== 'sse'
          ? { '304': { description: 'Not modified (ETag)' } }
          : {}),
        default: errorResponse,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Referral Companion accounts API',
      version: '1',
      description:
        'The contract between the companion and an accounts server (the bundled sandbox implements it). ' +
        'Generated from shared/accounts-api.ts by scripts/openapi.ts; do not edit by hand.',
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

function main(): void {
  const text = renderOpenApi();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (current !== text) {
      console.error('shared/openapi.json is out of date: run `npm run openapi` and commit it.');
      process.exit(1);
    }
    console.log('shared/openapi.json is up to date.');
    return;
  }
  writeFileSync(OPENAPI_FILE, text);
  console.log(`Wrote ${OPENAPI_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
