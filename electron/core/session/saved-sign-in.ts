// The sign-in kept across restarts: the refresh token and the e-mail, in one secret store entry.
// A store that fails costs only the restart (logged, never thrown); a damaged entry is deleted.

import { z } from 'zod';
import { errorMessage } from '../../../shared/error-message.ts';
import type { SecretStore } from '../secrets/secret-store.ts';

const StoredSession = z.object({ v: z.literal(1), refreshToken: z.string().min(1), email: z.email() });

export interface SavedSignIn {
  /** The kept sign-in, or undefined when there is none (or it could not be read). */
  load(): Promise<{ refreshToken: string; email: string } | undefined>;
  save(refreshToken: string, email: string): Promise<void>;
  forget(): Promise<void>;
}

export function createSavedSignIn(options: {
  store: SecretStore;
  /** The secret store entry for this accounts server. */
  key: string;
  log: (message: string) => void;
}): SavedSignIn {
  const { store, key, log } = options;

  async function forget(): Promise<void> {
    try {
      await store.delete(key);
    } catch (error) {
      log(`session: could not delete the sign-in from the ${store.kind}: ${errorMessage(error)}`);
    }
  }

  return {
    async load() {
      let raw: string | null = null;
      try {
        raw = await store.get(key);
      } catch (error) {
        log(`session: could not read the saved sign-in from the ${store.kind}: ${errorMessage(error)}`);
      }
      if (raw === null) return undefined;
      const saved = StoredSession.safeParse(safeJson(raw));
      if (saved.success) return { refreshToken: saved.data.refreshToken, email: saved.data.email };
      await forget();
      return undefined;
    },

    async save(refreshToken, email) {
      try {
        await store.set(key, JSON.stringify({ v: 1, refreshToken, email }));
      } catch (error) {
        // The session still works for this run; it just will not survive a restart.
        log(`session: could not save the sign-in to the ${store.kind}: ${errorMessage(error)}`);
      }
    },

    forget,
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
