// Builds the renderer-facing BridgeApi from any transport, so the Electron preload and the
// browser shell's page script expose exactly the same functions, validated the same way.
import {
  type BridgeApi,
  BridgeError,
  BridgeResult,
  bridgeEvents,
  bridgeMethods,
  type EventName,
  type MethodName,
  methodNames,
} from './bridge.ts';

export interface BridgeTransport {
  /** Sends one call; resolves with the raw envelope (BridgeResult) the other side produced. */
  invoke(method: MethodName, input: unknown): Promise<unknown>;
  /** Delivers raw event payloads; returns an unsubscribe function. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function createBridgeApi(
  transport: BridgeTransport,
  local: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {},
): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    const spec = bridgeMethods[method];
    api[method] = async (input: unknown = {}) => {
      const checked = spec.input.safeParse(input);
      if (!checked.success) {
        throw new BridgeError({ code: 'invalid-input', message: checked.error.message, retryable: false });
      }
      const handleLocally = local[method];
      if (handleLocally)
        return offContractGuard(method, spec.output.safeParse(await handleLocally(checked.data)));
      const envelope = BridgeResult.safeParse(await transport.invoke(method, checked.data));
      if (!envelope.success) {
        throw new BridgeError({
          code: 'internal',
          message: 'Malformed answer from the companion.',
          retryable: true,
        });
      }
      if (!envelope.data.ok) throw new BridgeError(envelope.data.error);
      return offContractGuard(method, spec.output.safeParse(envelope.data.value));
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe(event, (raw) => {
      const parsed = bridgeEvents[event].safeParse(raw);
      if (parsed.success) listener(parsed.data);
      else console.warn(`Dropped a malformed ${event} event.`);
    });
  return Object.freeze(api) as BridgeApi;
}

function offContractGuard(method: string, result: { success: boolean; data?: unknown }): unknown {
  if (result.success) return result.data;
  throw new BridgeError({
    code: 'internal',
    message: `The companion answered ${method} off-contract.`,
    retryable: false,
  });
}
