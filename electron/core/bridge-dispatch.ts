// Transport-neutral handling of one bridge call: look up, validate input, run, validate output,
// and turn any failure into a BridgeFailure. Both the IPC and the HTTP transports use this, so
// the rules at the boundary are the same in both shells.
import {
  type AllHandlers,
  BridgeError,
  type BridgeFailure,
  type BridgeResult,
  bridgeMethods,
  type CoreHandlers,
  isMethodName,
} from '../../shared/bridge.ts';
import { AccountsError } from './accounts-client.ts';
import { consoleWarn } from './logging/logger.ts';

export type DispatchHandlers = CoreHandlers & Partial<AllHandlers>;

export interface Dispatcher {
  dispatch(method: unknown, input: unknown): Promise<BridgeResult>;
}

export function createDispatcher(
  handlers: DispatchHandlers,
  log: (message: string) => void = consoleWarn,
): Dispatcher {
  return {
    async dispatch(method, input) {
      const handler = isMethodName(method) ? (handlers as Partial<AllHandlers>)[method] : undefined;
      if (!isMethodName(method) || !handler) {
        return fail({
          code: 'unknown-method',
          message: `No bridge method ${String(method)}.`,
          retryable: false,
        });
      }
      const spec = bridgeMethods[method];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail({
          code: 'invalid-input',
          message: `Invalid input for ${method}: ${parsed.error.message}`,
          retryable: false,
        });
      }
      try {
        const value = await (handler as (input: unknown) => Promise<unknown>)(parsed.data);
        const output = spec.output.safeParse(value);
        if (!output.success) {
          log(`bridge: ${method} produced off-contract output: ${output.error.message}`);
          return fail({
            code: 'internal',
            message: `The companion produced an invalid answer for ${method}.`,
            retryable: false,
          });
        }
        return { ok: true, value: output.data };
      } catch (error) {
        return fail(toFailure(error, method, log));
      }
    },
  };
}

function fail(error: BridgeFailure): BridgeResult {
  return { ok: false, error };
}

export function toFailure(error: unknown, method: string, log: (message: string) => void): BridgeFailure {
  if (error instanceof BridgeError)
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.refusal ? { refusal: error.refusal } : {}),
    };
  if (error instanceof AccountsError) {
    switch (error.kind) {
      case 'network':
        return { code: 'unavailable', message: error.message, retryable: true };
      case 'timeout':
        return { code: 'timeout', message: error.message, retryable: true };
      case 'invalid-response':
        return { code: 'invalid-response', message: error.message, retryable: true };
      case 'http':
        return { code: 'rejected', message: error.message, retryable: (error.status ?? 500) >= 500 };
    }
  }
  // Unknown failures are logged with detail but reach the UI without internals.
  log(`bridge: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { code: 'internal', message: `Something went wrong in ${method}.`, retryable: true };
}
