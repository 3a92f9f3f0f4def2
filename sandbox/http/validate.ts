// Input validation at the HTTP boundary: every query and body is parsed with its schema, and a
// failure is a 400 that says which field is wrong.
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiProblem } from './errors.ts';

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiProblem(400, 'invalid-query', describeIssues(parsed.error));
  return parsed.data;
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiProblem(400, 'invalid-json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiProblem(400, 'invalid-body', describeIssues(parsed.error));
  return parsed.data;
}

export function parseParam<S extends z.ZodType>(
  value: string | undefined,
  schema: S,
  name: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiProblem(400, 'invalid-path', `${name}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
