import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountsPaths } from '../shared/accounts-api.ts';
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
