// Checks real answers of an accounts server against the published OpenAPI document
// (shared/openapi.json) with an independent JSON Schema validator (Ajv, draft 2020-12), not with
// the zod schemas the document was generated from: a status the document does not list for the
// operation, or a body its schema refuses, is recorded as a violation.
//   const checker = openApiChecker(); … fetch: checker.fetch … expect(checker.violations).toEqual([])
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';

const DOCUMENT = JSON.parse(
  readFileSync(new URL('../../shared/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, unknown> };
}
interface OpenApiResponse {
  content?: Record<string, { schema: unknown }>;
}

export interface AnswerChecker {
  /** A fetch that checks every answer of the accounts API (`/api/v1/…`) it passes through. */
  fetch: typeof fetch;
  /** Answers checked so far, as "METHOD /path status". */
  readonly checked: string[];
  readonly violations: string[];
  /** Checks one answer already read: method, URL path, status and the parsed JSON body (if any). */
  check(method: string, pathname: string, status: number, body: unknown): void;
}

export function openApiChecker(underlying: typeof fetch = fetch): AnswerChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'openapi', components: DOCUMENT.components });
  const compiled = new Map<unknown, ValidateFunction>();
  const validator = (schema: unknown) => {
    let validate = compiled.get(schema);
    if (!validate) {
      // References point into the document: '#/components/schemas/X' → 'openapi#/components/schemas/X'.
      const rebased = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'),
      );
      validate = ajv.compile(rebased);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const templates = Object.keys(DOCUMENT.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/gu, '[^/]+')}$`, 'u'),
  }));
  const checked: string[] = [];
  const violations: string[] = [];

  function check(method: string, pathname: string, status: number, body: unknown): void {
    const what = `${method.toUpperCase()} ${pathname} ${status}`;
    checked.push(what);
    const match = templates.find(({ pattern }) => pattern.test(pathname));
    const operation = match && DOCUMENT.paths[match.template]?.[method.toLowerCase()];
    if (!operation) {
      // A method the document does not list on a path it does: 405 with the error body is right.
      if (match && status === 405) {
        const validate = validator({ $ref: '#/components/schemas/ApiError' });
        if (!validate(body)) violations.push(`${what}: ${ajv.errorsText(validate.errors)}`);
        return;
      }
      violations.push(`${what}: no such operation in the document`);
      return;
    }
    const response = operation.responses[String(status)];
    if (!response) {
      violations.push(`${what}: status not documented (${Object.keys(operation.responses).join(', ')})`);
      return;
    }
    const schema = response.content?.['application/json']?.schema;
    if (status === 304 || !schema) return;
    const validate = validator(schema);
    if (!validate(body)) violations.push(`${what}: ${ajv.errorsText(validate.errors)}`);
  }

  const checkingFetch: typeof fetch = async (input, init) => {
    const response = await underlying(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const type = response.headers.get('content-type') ?? '';
    if (url.pathname.startsWith('/api/v1/') && !type.startsWith('text/event-stream')) {
      const text = await response.clone().text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        violations.push(`${method} ${url.pathname} ${response.status}: the body is not JSON`);
        return response;
      }
      check(method, url.pathname, response.status, body);
    }
    return response;
  };
  return { fetch: checkingFetch, checked, violations, check };
}
