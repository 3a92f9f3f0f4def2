import type { OperationInput, OperationResult } from '../../../shared/accounts-contract.ts';
import type { Refusal } from '../../../shared/bridge/payouts.ts';
import { BridgeError } from '../../../shared/bridge.ts';
import { INTL_LOCALES } from '../../../shared/i18n/locale.ts';
import { refusalText } from '../../../shared/i18n/refusal-text.ts';
import type { AccountsClient } from '../accounts-client.ts';
import { wordsIn } from '../i18n.ts';

/** Drafts not confirmed within this time are forgotten (nothing was filed for them). */
export const DRAFT_LIFETIME_MS = 60 * 60 * 1000;

export interface HeldDraft<D, B> {
  draft: D;
  /** Exactly what is filed on confirmation, so a resend means what the user confirmed. */
  body: B;
}

export interface DraftBook<D, B> {
  hold(key: string, held: HeldDraft<D, B>): void;
  /** The draft to file, or a 'rejected' bridge failure when it expired or never existed. */
  take(key: string): HeldDraft<D, B>;
}

export function createDraftBook<D, B>(now: () => Date, lifetimeMs = DRAFT_LIFETIME_MS): DraftBook<D, B> {
  const drafts = new Map<string, HeldDraft<D, B> & { expires: number }>();
  return {
    hold(key, held) {
      const at = now().getTime();
      for (const [k, d] of drafts) if (d.expires < at) drafts.delete(k);
      drafts.set(key, { ...held, expires: at + lifetimeMs });
    },
    take(key) {
      const held = drafts.get(key);
      // A key no longer drafted may still be in the outbox (a request from before a restart).
      if (!held) refuse({ code: 'draft-expired' });
      return held;
    },
  };
}

/** Refuses a request with a code and its data (the UI words it); the message is English, for logs. */
export function refuse(refusal: Refusal): never {
  throw new BridgeError({
    code: 'rejected',
    message: refusalText(refusal, wordsIn('en', 'payouts'), INTL_LOCALES.en),
    retryable: false,
    refusal,
  });
}

/** Files a request under its idempotency key; safe to retry, since a repeat returns the first result. */
export function sendKeyed<K extends 'requestPayout' | 'applyCredit'>(
  accounts: Pick<AccountsClient, 'call'>,
  operation: K,
  body: Record<string, unknown>,
  key: string,
): Promise<OperationResult<K>> {
  // The outbox holds the body as it was filed; the server validates it again.
  return accounts.call(operation, { body } as OperationInput<K>, { idempotencyKey: key });
}
