import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemorySecretStore } from '../core/secrets/secret-store.ts';

vi.mock('electron', async () => (await import('./testing/fake-electron.ts')).fakeElectron);
const { createSafeStorageSecretStore, openElectronSecretStore, safeStorageProblem } = await import(
  './secret-store-safe-storage.ts'
);

/** Reversible but visibly not plaintext, like the real thing from the outside. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true) {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed: Buffer) =>
      Buffer.from(sealed.toString().replace(/^sealed:/u, ''), 'hex').toString(),
    getSelectedStorageBackend: () => backend,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'companion-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('safeStorage secret store', () => {
  it('keeps entries encrypted in an owner-only file, never in plaintext', async () => {
    const file = join(dir, 'secrets.json');
    const store = createSafeStorageSecretStore({ file, storage: fakeSafeStorage() });
    expect(store.kind).toBe('safe-storage');
    await Promise.all([store.set('a', 'refresh-token-A'), store.set('b', 'refresh-token-B')]);
    expect(await store.get('a')).toBe('refresh-token-A');
    expect(await store.get('b')).toBe('refresh-token-B');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('refresh-token');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
    await store.delete('b');
    await expect(stat(file)).rejects.toThrow();
    expect(await store.get('b')).toBeNull();
  });

  it('refuses backends that do not protect secrets', () => {
    expect(safeStorageProblem(fakeSafeStorage('basic_text'), 'linux')).toMatch(/basic_text/u);
    expect(safeStorageProblem(fakeSafeStorage('gnome_libsecret', false), 'linux')).toMatch(/no encryption/u);
    expect(safeStorageProblem(fakeSafeStorage('gnome_libsecret'), 'linux')).toBeNull();
    expect(safeStorageProblem(fakeSafeStorage('unknown'), 'darwin')).toBeNull();
  });
});

describe('choosing the Electron secret store', () => {
  const file = () => join(dir, 'secrets.json');
  const log = () => {};

  it('uses the keychain when keytar works', async () => {
    const keychain = { ...createMemorySecretStore(), kind: 'keychain' as const };
    const store = await openElectronSecretStore({
      file: file(),
      openKeychain: async () => ({ ok: true, store: keychain }),
      storage: fakeSafeStorage(),
      log,
    });
    expect(store).toBe(keychain);
  });

  it('falls back to safeStorage, and says why', async () => {
    const store = await openElectronSecretStore({
      file: file(),
      openKeychain: async () => ({ ok: false, problem: 'the keychain module could not load: oops' }),
      storage: fakeSafeStorage('kwallet5'),
      platform: 'linux',
      log,
    });
    expect(store.kind).toBe('safe-storage');
    expect(store.note).toMatch(/could not load: oops/u);
  });

  it('keeps the session in memory with basic_text on Linux, telling the user why', async () => {
    const store = await openElectronSecretStore({
      file: file(),
      openKeychain: async () => ({ ok: false, problem: 'the keychain is not reachable: no D-Bus' }),
      storage: fakeSafeStorage('basic_text'),
      platform: 'linux',
      log,
    });
    expect(store.kind).toBe('memory');
    expect(store.note).toMatch(/no D-Bus.*basic_text.*sign in again/su);
    await store.set('k', 'v');
    await expect(stat(file())).rejects.toThrow();
  });
});
