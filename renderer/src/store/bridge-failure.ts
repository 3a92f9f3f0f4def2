// Turns whatever a bridge call threw into a BridgeFailure the UI can show. It reads the fields
// instead of checking `instanceof BridgeError`: an error that crosses Electron's contextBridge
// arrives as a plain Error copy, and importing the class would pull zod into the UI bundle.

import type { Refusal } from '../../../shared/bridge/payouts.ts';
import type { BridgeErrorCode, BridgeFailure } from '../../../shared/bridge.ts';

// Every code once; the Record type makes a code added to the contract a compile error here.
const CODES: Record<BridgeErrorCode, true> = {
  'invalid-input': true,
  'unknown-method': true,
  unavailable: true,
  timeout: true,
  rejected: true,
  'invalid-response': true,
  forbidden: true,
  internal: true,
};

function isBridgeErrorCode(value: unknown): value is BridgeErrorCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value);
}

function isRefusal(value: unknown): value is Refusal {
  return (
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
  );
}

export function toBridgeFailure(error: unknown): BridgeFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message =
    typeof fields.message === 'string' && fields.message.length > 0 ? fields.message : String(error);
  if (isBridgeErrorCode(fields.code)) {
    return {
      code: fields.code,
      message,
      retryable: typeof fields.retryable === 'boolean' ? fields.retryable : true,
      // Checked against the contract by the bridge client (BridgeResult) before it got here.
      ...(isRefusal(fields.refusal) ? { refusal: fields.refusal } : {}),
    };
  }
  // Not a bridge failure at all (a bug or a broken transport): say so, and let the user retry.
  return { code: 'internal', message, retryable: true };
}
