// The Electron side of the secret store port: keytar (the OS keychain) first; Electron's
// safeStorage as the fallback when keytar cannot load or reach the keychain; memory only when
// neither protects the secret (on Linux safeStorage's 'basic_text' backend is a fixed key, no
// better than plaintext). Never plaintext on disk.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import { type KeytarOpenResult, openKeytarStore } from '../core/secrets/keytar-store.ts';
import {
  createMemorySecretStore,
  DEFAULT_SECRET_SERVICE,
  memoryOnlyNote,
  type SecretStore,
} from '../core/secrets/secret-store.ts';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** Why safeStorage cannot protect secrets here, or null when it can. */
export function safeStorageProblem(storage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  if (!storage.isEncryptionAvailable()) return 'Electron safeStorage has no encryption available';
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      return `Electron safeStorage uses the ${backend} backend, which does not protect secrets`;
    }
  }
  return null;
}

/** Secrets encrypted by safeStorage, kept in one JSON file (owner-only) in the app's data dir. */
export function createSafeStorageSecretStore(options: {
  file: string;
  storage: SafeStorageLike;
  note?: string;
}): SecretStore {
  const { file, storage } = options;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return {};
    }
    const parsed: unknown = JSON.parse(text);
    const entries = (parsed as { entries?: unknown }).entries;
    if (typeof entries !== 'object' || entries === null)
      throw new Error(`${file} is not a secret store file.`);
    return entries as Record<string, string>;
  }

  async function save(entries: Record<string, string>): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    // Write-then-rename: a crash mid-write never leaves a half file behind.
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify({ v: 1, entries }), { mode: 0o600 });
    await rename(temporary, file);
  }

  /** One change at a time, so two writers never lose each other's entries. */
  function serialized<T>(step: () => Promise<T>): Promise<T> {
    const next = queue.then(step, step);
    queue = next.catch(() => {});
    return next;
  }

  return {
    kind: 'safe-storage',
    note: options.note,
    get: (key) =>
      serialized(async () => {
        const sealed = (await load())[key];
        return sealed === undefined ? null : storage.decryptString(Buffer.from(sealed, 'base64'));
      }),
    set: (key, value) =>
      serialized(async () => {
        const entries = await load();
        entries[key] = storage.encryptString(value).toString('base64');
        await save(entries);
      }),
    delete: (key) =>
      serialized(async () => {
        const entries = await load();
        if (!(key in entries)) return;
        delete entries[key];
        if (Object.keys(entries).length === 0) await rm(file, { force: true });
        else await save(entries);
      }),
  };
}

export interface ElectronSecretStoreOptions {
  /** The safeStorage fallback's file. */
  file: string;
  service?: string;
  platform?: NodeJS.Platform;
  storage?: SafeStorageLike;
  openKeychain?: () => Promise<KeytarOpenResult>;
  log?: (message: string) => void;
}

/** Must run after the app is ready (safeStorage's rule). */
export async function openElectronSecretStore(options: ElectronSecretStoreOptions): Promise<SecretStore> {
  const log = options.log ?? console.warn;
  const keychain = await (
    options.openKeychain ?? (() => openKeytarStore({ service: options.service ?? DEFAULT_SECRET_SERVICE }))
  )();
  if (keychain.ok) return keychain.store;
  log(`Keychain unavailable: ${keychain.problem}`);
  const storage = options.storage ?? safeStorage;
  const problem = safeStorageProblem(storage, options.platform ?? process.platform);
  if (problem === null) {
    return createSafeStorageSecretStore({
      file: options.file,
      storage,
      note: `The keychain is not available (${keychain.problem}), so your sign-in is encrypted with the operating system's key by Electron instead.`,
    });
  }
  log(`safeStorage unavailable: ${problem}`);
  return createMemorySecretStore(memoryOnlyNote([keychain.problem, problem]));
}
