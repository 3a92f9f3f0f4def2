import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { accountsPaths } from '../shared/accounts-api.ts';
import { OPERATIONS } from '../shared/accounts-contract.ts';
import { openApiChecker } from '../test/support/openapi-answers.ts';
import { buildOpenApi, OPENAPI_FILE, renderOpenApi } from './openapi.ts';

describe('the OpenAPI document', () => {
  it('is current: shared/openapi.json is exactly what the shared schemas give (npm run openapi)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi());
  });

  it('documents every accounts path, with schemas resolvable by reference', () => {
    const doc = buildOpenApi() as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    for (const template of Object.values(accountsPaths)) {
      expect(doc.paths).toHaveProperty([template.replace(/:([a-zA-Z]+)/gu, '{$1}')]);
    }
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/gu) ?? [];
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty([ref.split('/').at(-1) as string]);
  });
});

describe('the OpenAPI document, checked independently', () => {
  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)', async () => {
    const result = await new Validator().validate(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has exactly one operation per row of the contract table, under its name', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    expect(documented.sort()).toEqual(OPERATIONS.map(([name]) => name).sort());
  });

  it("the answer checker refuses what the document does not say (so the integration tests' checks can fail)", () => {
    const checker = openApiChecker();
    checker.check('GET', '/api/v1/balance', 200, { availableCents: '12' });
    checker.check('GET', '/api/v1/balance', 418, { error: 'teapot', message: '' });
    checker.check('GET', '/api/v1/nowhere', 200, {});
    checker.check('POST', '/api/v1/payouts', 422, { error: 'below-minimum', message: 'x' });
    checker.check('GET', '/api/v1/balance', 304, undefined);
    expect(checker.violations).toHaveLength(3);
    expect(checker.violations.join('\n')).toMatch(/balance 200.*availableCents/u);
  });
});
