// Idempotency-Key: a retry of the same request with its key is answered from the first time and
// creates nothing; the same key with another request is refused; a refusal is not remembered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAccount } from './accounts.ts';
import { ProgramError } from './errors.ts';
import { withIdempotencyKey } from './idempotency.ts';
import { createProgramTestBed, type ProgramTestBed } from './program-test-bed.ts';

let world: ProgramTestBed;
let runs: number;
beforeEach(() => {
  world = createProgramTestBed();
  runs = 0;
});
afterEach(() => world.close());

/** Files "a request" and answers what it created: a new id each time it really runs. */
function file(
  key: string | undefined,
  request: unknown,
  options: { partnerId?: string; scope?: string } = {},
) {
  return withIdempotencyKey(
    world.ctx,
    options.partnerId ?? world.partnerId,
    options.scope ?? 'payout',
    key,
    request,
    () => {
      runs += 1;
      return { id: `po_${runs}`, amountCents: 5_000 };
    },
  );
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProgramError) return error.code;
    throw error;
  }
  return undefined;
}

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer and creates nothing more', () => {
    const request = { amountCents: 5_000, method: 'paypal', destination: 'me@example.com' };
    expect(file('k1', request)).toEqual({ result: { id: 'po_1', amountCents: 5_000 }, replayed: false });
    expect(file('k1', { ...request })).toEqual({
      result: { id: 'po_1', amountCents: 5_000 },
      replayed: true,
    });
    expect(runs).toBe(1);
  });

  it('without a key, every request is a new one', () => {
    expect(file(undefined, { a: 1 }).replayed).toBe(false);
    expect(file(undefined, { a: 1 })).toEqual({
      result: { id: 'po_2', amountCents: 5_000 },
      replayed: false,
    });
    expect(runs).toBe(2);
  });

  it('takes the same fields in another order, or an absent field left undefined, as the same request', () => {
    file('k1', { amountCents: 5_000, method: 'paypal', note: undefined });
    expect(file('k1', { method: 'paypal', amountCents: 5_000 }).replayed).toBe(true);
    expect(file('k1', { method: 'paypal', amountCents: 5_000, extra: undefined }).replayed).toBe(true);
    // Nested objects too.
    file('k2', { to: { method: 'wire', iban: 'DE89' }, amountCents: 1 });
    expect(file('k2', { amountCents: 1, to: { iban: 'DE89', method: 'wire' } }).replayed).toBe(true);
    expect(runs).toBe(2);
  });

  it('refuses the same key with another request, whatever differs', () => {
    file('k1', { amountCents: 5_000, method: 'paypal', tags: ['a', 'b'], to: { x: 1 } });
    for (const other of [
      { amountCents: 5_001, method: 'paypal', tags: ['a', 'b'], to: { x: 1 } },
      { amountCents: 5_000, method: 'wire', tags: ['a', 'b'], to: { x: 1 } },
      { amountCents: 5_000, method: 'paypal', tags: ['b', 'a'], to: { x: 1 } },
      { amountCents: 5_000, method: 'paypal', tags: ['a'], to: { x: 1 } },
      { amountCents: 5_000, method: 'paypal', tags: ['a', 'b'], to: { x: 2 } },
      { amountCents: 5_000, method: 'paypal', tags: ['a', 'b'], to: { y: 1 } },
      { amountCents: 5_000, method: 'paypal', tags: ['a', 'b'], to: { x: 1 }, more: null },
      { amountCents: '5000', method: 'paypal', tags: ['a', 'b'], to: { x: 1 } },
      [5_000, 'paypal'],
      null,
    ])
      expect([other, codeOf(() => file('k1', other))]).toEqual([other, 'idempotency-key-reused']);
    expect(() => file('k1', null)).toThrow('This Idempotency-Key was already used with a different request.');
    expect(runs).toBe(1);
  });

  it('tells apart requests whose fields only look alike once joined', () => {
    file('k1', { ab: 'c' });
    expect(codeOf(() => file('k1', { a: 'bc' }))).toBe('idempotency-key-reused');
    file('k2', ['a,b']);
    expect(codeOf(() => file('k2', ['a', 'b']))).toBe('idempotency-key-reused');
    file('k4', [1, 2]);
    expect(codeOf(() => file('k4', [12]))).toBe('idempotency-key-reused');
    file('k5', ['a']);
    expect(codeOf(() => file('k5', { 0: 'a' }))).toBe('idempotency-key-reused');
    file('k3', { a: [1, { b: 2 }] });
    expect(file('k3', { a: [1, { b: 2 }] }).replayed).toBe(true);
    expect(codeOf(() => file('k3', { a: [1, { b: 3 }] }))).toBe('idempotency-key-reused');
  });

  it('keeps keys apart per partner and per kind of request', () => {
    const other = registerAccount(world.ctx, { email: 'other@example.com', displayName: 'Other' }).id;
    file('k1', { a: 1 });
    expect(file('k1', { a: 1 }, { partnerId: other }).replayed).toBe(false);
    expect(file('k1', { a: 1 }, { scope: 'credit' }).replayed).toBe(false);
    expect(file('k1', { a: 2 }, { scope: 'credit-2' }).replayed).toBe(false);
    expect(runs).toBe(4);
  });

  it('does not remember a refusal: the same key may be retried and then succeeds once', () => {
    expect(() =>
      withIdempotencyKey(world.ctx, world.partnerId, 'payout', 'k1', { a: 1 }, () => {
        throw new ProgramError('unprocessable', 'insufficient-balance', 'Only 0 cents are available.');
      }),
    ).toThrow('Only 0 cents are available.');
    expect(file('k1', { a: 1 })).toEqual({ result: { id: 'po_1', amountCents: 5_000 }, replayed: false });
    expect(file('k1', { a: 1 }).replayed).toBe(true);
  });
});
