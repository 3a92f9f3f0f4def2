// The keytar adapter against a real Secret Service: npm's test:unit runs vitest inside
// scripts/with-secret-service.ts (a private D-Bus session with gnome-keyring). On CI these tests
// must run, so a missing Secret Service fails them instead of skipping.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type KeytarLike, openKeytarStore } from './keytar-store.ts';

const isolated = process.env.COMPANION_SECRET_SERVICE === 'isolated';
const required = isolated || process.env.CI === 'true';

describe.runIf(required)('keytar adapter on a real Secret Service', () => {
  it('opens, stores, reads back and deletes a secret', async () => {
    const service = `Referral Companion test ${randomUUID()}`;
    const opened = await openKeytarStore({ service });
    if (!opened.ok) throw new Error(`No usable keychain on this machine: ${opened.problem}`);
    const store = opened.store;
    expect(store.kind).toBe('keychain');
    expect(await store.get('session:a')).toBeNull();
    const value = JSON.stringify({ v: 1, refreshToken: 'rt-ünïcødé-✓', email: 'a@example.com' });
    await store.set('session:a', value);
    await store.set('session:b', 'other');
    expect(await store.get('session:a')).toBe(value);
    await store.set('session:a', 'replaced');
    expect(await store.get('session:a')).toBe('replaced');
    await store.delete('session:a');
    expect(await store.get('session:a')).toBeNull();
    expect(await store.get('session:b')).toBe('other');
    await store.delete('session:b');
    // Deleting what is not there is not an error (sign-out twice).
    await store.delete('session:b');
  });

  it('is seen by a fresh keytar load (the entry is in the keyring, not in this process)', async () => {
    const service = `Referral Companion test ${randomUUID()}`;
    const first = await openKeytarStore({ service });
    if (!first.ok) throw new Error(first.problem);
    await first.store.set('k', 'persisted');
    const keytar = (await import('keytar')).default as unknown as KeytarLike;
    expect(await keytar.getPassword(service, 'k')).toBe('persisted');
    await first.store.delete('k');
  });
});

describe('keytar adapter without a usable keychain', () => {
  it('reports why when keytar cannot load', async () => {
    const result = await openKeytarStore({
      service: 'x',
      load: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/could not load: libsecret/u) });
  });

  it('reports why when the keychain does not answer', async () => {
    const silent: KeytarLike = {
      getPassword: async () => null,
      setPassword: async () => {},
      deletePassword: async () => true,
      findCredentials: () => new Promise(() => {}),
    };
    const result = await openKeytarStore({ service: 'x', load: async () => silent, probeTimeoutMs: 20 });
    expect(result).toEqual({
      ok: false,
      problem: expect.stringMatching(/not reachable: no answer within 20 ms/u),
    });
  });

  it('reports why when the Secret Service is missing', async () => {
    const broken: KeytarLike = {
      getPassword: async () => null,
      setPassword: async () => {},
      deletePassword: async () => true,
      findCredentials: async () => {
        throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
      },
    };
    const result = await openKeytarStore({ service: 'x', load: async () => broken });
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(/org\.freedesktop\.secrets/u) });
  });
});
