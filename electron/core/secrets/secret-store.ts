// The port for keeping the session's refresh token: the OS keychain where there is one,
// Electron's safeStorage as the fallback, memory when neither is safe. Never plaintext on disk.
// Adapters: keytar-store.ts (both shells), electron/main/secret-store-safe-storage.ts, memory below.

export type SecretStorageKind = 'keychain' | 'safe-storage' | 'memory';

export interface SecretStore {
  readonly kind: SecretStorageKind;
  /** Why this store was chosen when it is a fallback (shown to the user). */
  readonly note?: string | undefined;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The keychain's service name: what the user sees in Keychain Access / Credential Manager. */
export const DEFAULT_SECRET_SERVICE = 'Referral Companion for Quantower';

export function createMemorySecretStore(note?: string): SecretStore {
  const values = new Map<string, string>();
  return {
    kind: 'memory',
    note,
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}

export function memoryOnlyNote(reasons: readonly string[]): string {
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return `No secure keychain is available${why}, so your sign-in is kept in memory only: you will be asked to sign in again after the companion restarts.`;
}
