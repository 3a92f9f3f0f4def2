// The sandbox serves exactly the contract table: a route the table lacks, or an operation of the
// table without a route, fails here (the routes are derived from the table, so this guards against
// a hand-added route or a lost registration).
import { describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../shared/accounts-api.ts';
import { OPERATIONS } from '../../shared/accounts-contract.ts';
import { openSandboxDatabase } from '../db/database.ts';
import { createSandboxApp } from './app.ts';
import { createEventBell } from './event-stream.ts';

describe('the sandbox routes and the contract table', () => {
  it('are the same set of method + path', () => {
    const db = openSandboxDatabase(':memory:');
    try {
      const app = createSandboxApp({
        ctx: { db, now: () => new Date(), baseUrl: () => 'http://127.0.0.1:1/', onEvents: () => {} },
        bell: createEventBell(),
        linkBase: 'https://accounts.quantower.com/referral',
        demoPartnerId: undefined,
        operator: true,
        oauth: { issuer: () => 'http://127.0.0.1:1', demoCredentials: undefined },
      });
      const served = app.routes
        .filter((route) => route.path.startsWith(`${API_PREFIX}/`) && !route.path.endsWith('*'))
        .filter((route) => route.method !== 'ALL') // the 405 answer for other methods
        .map((route) => `${route.method} ${route.path}`);
      const declared = OPERATIONS.map(([, op]) => `${op.method.toUpperCase()} ${op.path}`);
      expect(new Set(served)).toEqual(new Set(declared));
      expect(served).toHaveLength(declared.length);
      // The ETag middleware tags every GET but the stream: the table must say the same.
      for (const [name, op] of OPERATIONS)
        expect(op.conditional, name).toBe(op.method === 'get' && !('stream' in op));
    } finally {
      db.close();
    }
  });
});
