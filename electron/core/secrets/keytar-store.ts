// The OS keychain through keytar: Windows Credential Manager, macOS Keychain, libsecret (Secret
// Service) on Linux. Used by both shells; keytar is a native module, so it is loaded lazily and
// probed, and a machine without a usable keychain gets a reason instead of a crash.
import { errorMessage } from '../../../shared/error-message.ts';
import type { SecretStore } from './secret-store.ts';

/** The part of keytar this adapter uses (keytar's own API). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export type KeytarOpenResult = { ok: true; store: SecretStore } | { ok: false; problem: string };

export interface KeytarStoreOptions {
  service: string;
  /** Default: import('keytar'). */
  load?: () => Promise<KeytarLike>;
  /** A keychain daemon that never answers must not hang start-up. */
  probeTimeoutMs?: number;
}

export async function openKeytarStore(options: KeytarStoreOptions): Promise<KeytarOpenResult> {
  let keytar: KeytarLike;
  try {
    keytar = await (options.load ?? loadKeytar)();
  } catch (error) {
    return { ok: false, problem: `the keychain module could not load: ${errorMessage(error)}` };
  }
  try {
    // Reading proves the keychain service answers (on Linux: a Secret Service on D-Bus).
    await withTimeout(keytar.findCredentials(options.service), options.probeTimeoutMs ?? 5_000);
  } catch (error) {
    return { ok: false, problem: `the keychain is not reachable: ${errorMessage(error)}` };
  }
  return { ok: true, store: createKeytarStore(keytar, options.service) };
}

export function createKeytarStore(keytar: KeytarLike, service: string): SecretStore {
  return {
    kind: 'keychain',
    get: (key) => keytar.getPassword(service, key),
    set: (key, value) => keytar.setPassword(service, key, value),
    delete: async (key) => {
      await keytar.deletePassword(service, key);
    },
  };
}

async function loadKeytar(): Promise<KeytarLike> {
  const module = (await import('keytar')) as unknown as { default?: KeytarLike } & KeytarLike;
  return module.default ?? module;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
