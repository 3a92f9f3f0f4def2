// The sandboxed preload: builds the bridge's task-level API over IPC and exposes only that on
// window.companion. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { type BridgeApi, BridgeError, BridgeEventMessage } from '../../shared/bridge.ts';
import { type BridgeTransport, createBridgeApi } from '../../shared/bridge-client.ts';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from '../main/ipc-channels.ts';

const transport: BridgeTransport = {
  invoke: (method, input) => ipcRenderer.invoke(BRIDGE_CALL_CHANNEL, method, input),
  subscribe(event, listener) {
    const onMessage = (_ipcEvent: Electron.IpcRendererEvent, raw: unknown) => {
      const message = BridgeEventMessage.safeParse(raw);
      if (message.success && message.data.event === event) listener(message.data.payload);
    };
    ipcRenderer.on(BRIDGE_EVENT_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(BRIDGE_EVENT_CHANNEL, onMessage);
    };
  },
};

/**
 * contextBridge copies only `message` of a rejected Error into the page, so a BridgeError's code
 * and retryable flag would be lost; reject with the failure as plain data instead, which the
 * renderer reads field by field (renderer/src/store/bridge-failure.ts).
 */
export function plainFailures(api: BridgeApi): BridgeApi {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(api) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] =
      name === 'on'
        ? fn
        : (...args: unknown[]) =>
            (fn(...args) as Promise<unknown>).catch((error: unknown) => {
              if (!(error instanceof BridgeError)) throw error;
              const failure = {
                name: error.name,
                code: error.code,
                message: error.message,
                retryable: error.retryable,
                ...(error.refusal ? { refusal: error.refusal } : {}),
              };
              return Promise.reject(failure);
            });
  }
  return Object.freeze(wrapped) as BridgeApi;
}

contextBridge.exposeInMainWorld('companion', plainFailures(createBridgeApi(transport)));
