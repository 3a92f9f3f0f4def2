// Opaque page cursors: base64url JSON, validated on the way back in.
import { z } from 'zod';
import { ProgramError } from './errors.ts';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw new ProgramError('invalid', 'bad-cursor', 'The page cursor is not one this server issued.');
}

export const IdCursor = z.tuple([z.number().int()]);
export const TimeIdCursor = z.tuple([z.string(), z.string()]);

/** Takes limit+1 rows and turns them into a page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => unknown,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: more && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
