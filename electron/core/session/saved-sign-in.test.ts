import { describe, expect, it } from 'vitest';
import { createMemorySecretStore, type SecretStore } from '../secrets/secret-store.ts';
import { createSavedSignIn } from './saved-sign-in.ts';

const KEY = 'session:test';

function saved(store: SecretStore) {
  const logged: string[] = [];
  return { kept: createSavedSignIn({ store, key: KEY, log: (m) => logged.push(m) }), logged };
}

describe('the sign-in kept in the secret store', () => {
  it('reads back what it saved, under its own entry only', async () => {
    const store = createMemorySecretStore();
    await store.set('session:other', 'theirs');
    const { kept } = saved(store);
    expect(await kept.load()).toBeUndefined();
    await kept.save('rt-1', 'a@example.com');
    expect(await kept.load()).toEqual({ refreshToken: 'rt-1', email: 'a@example.com' });
    await kept.forget();
    expect(await kept.load()).toBeUndefined();
    expect(await store.get('session:other')).toBe('theirs');
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['another version', JSON.stringify({ v: 2, refreshToken: 'rt-1', email: 'a@example.com' })],
    ['no refresh token', JSON.stringify({ v: 1, refreshToken: '', email: 'a@example.com' })],
    ['no e-mail', JSON.stringify({ v: 1, refreshToken: 'rt-1', email: 'nobody' })],
  ])('treats a damaged entry (%s) as no sign-in and deletes it', async (_, raw) => {
    const store = createMemorySecretStore();
    await store.set(KEY, raw);
    const { kept } = saved(store);
    expect(await kept.load()).toBeUndefined();
    expect(await store.get(KEY)).toBeNull();
  });

  it('never throws when the store fails: it logs, and the sign-in is simply not kept', async () => {
    const broken: SecretStore = {
      kind: 'keychain',
      get: async () => {
        throw new Error('locked');
      },
      set: async () => {
        throw new Error('locked');
      },
      delete: async () => {
        throw new Error('locked');
      },
    };
    const { kept, logged } = saved(broken);
    await kept.save('rt-1', 'a@example.com');
    expect(await kept.load()).toBeUndefined();
    await kept.forget();
    expect(logged).toEqual([
      'session: could not save the sign-in to the keychain: locked',
      'session: could not read the saved sign-in from the keychain: locked',
      'session: could not delete the sign-in from the keychain: locked',
    ]);
  });
});
