// Generates the accounts API's OpenAPI 3.1 document from the contract table
// (shared/accounts-contract.ts) and its zod schemas, so the document can never say something the
// sandbox's routes, core's client or the runtime validation do not.
//   npm run openapi          writes shared/openapi.json
//   npm run openapi:check    fails when shared/openapi.json is not what the schemas give
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import * as api from '../shared/accounts-api.ts';
import { COMMON_ERRORS, OPERATIONS } from '../shared/accounts-contract.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../shared/openapi.json', import.meta.url));

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

  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, op] of OPERATIONS) {
    const path = op.path.replace(/:([a-zA-Z]+)/gu, '{$1}');
    const parameters: unknown[] = Object.entries(op.params?.shape ?? {}).map(([param, field]) => ({
      name: param,
      in: 'path',
      required: true,
      schema: inline(field as z.ZodType),
    }));
    for (const [param, field] of Object.entries(op.query?.shape ?? {})) {
      parameters.push({
        name: param,
        in: 'query',
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema: inline(field as z.ZodType),
      });
    }
    if (op.idempotencyKey) {
      parameters.push({
        name: api.IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: false,
        description:
          'Same key + same body → the same answer (no second request); same key + another body → 409.',
        schema: inline(api.IdempotencyKey),
      });
    }
    if (op.stream) {
      parameters.push({ name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } });
    }
    if (op.conditional) {
      parameters.push({ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } });
    }
    const success = op.stream
      ? {
          description: 'An endless text/event-stream; each data line is one ProgramEvent as JSON.',
          content: { 'text/event-stream': { schema: ref(op.response) } },
        }
      : {
          description: op.status === 201 ? 'Created' : 'OK',
          ...(op.conditional ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
          content: { 'application/json': { schema: ref(op.response) } },
        };
    const errors: Record<string, unknown> = {};
    const codes = { ...COMMON_ERRORS, ...op.errors } as Record<string, readonly string[]>;
    for (const status of Object.keys(codes).sort()) {
      errors[status] = {
        description: `Error: ${(codes[status] ?? []).join(', ')}`,
        content: { 'application/json': { schema: ref(api.ApiError) } },
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[op.method] = {
      operationId: name,
      summary: op.summary,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: inline(op.body) } } } }
        : {}),
      responses: {
        [String(op.status)]: success,
        ...(op.conditional ? { '304': { description: 'Not modified (ETag)' } } : {}),
        ...errors,
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
        'Generated from shared/accounts-contract.ts by scripts/openapi.ts; do not edit by hand.',
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
