// The sandboxed preload: builds the bridge's task-level API over IPC and exposes only that on
// window.companion. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { BridgeEventMessage } from '../../shared/bridge.ts';
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

contextBridge.exposeInMainWorld('companion', createBridgeApi(transport));
