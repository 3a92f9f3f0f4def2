// The bridge over Electron IPC. Only the main window's top frame, showing the app's own origin,
// may call; everything else is answered `forbidden` before any handler runs. Validation and
// error mapping are core's dispatcher, the same as over HTTP in the browser shell.
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { AllHandlers, BridgeResult } from '../../shared/bridge.ts';
import { createDispatcher } from '../core/bridge-dispatch.ts';
import type { EventHub } from '../core/event-hub.ts';
import { originOf } from './app-identity.ts';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from './ipc-channels.ts';

export interface IpcBridgeOptions {
  window: BrowserWindow;
  /** The origin the renderer is loaded from (app://companion, or the dev server's). */
  appOrigin: string;
  handlers: AllHandlers;
  events: EventHub;
  log?: (message: string) => void;
}

const FORBIDDEN: BridgeResult = {
  ok: false,
  error: { code: 'forbidden', message: 'This caller may not use the companion bridge.', retryable: false },
};

/** Attaches the bridge; returns a function that detaches it. */
export function attachIpcBridge(options: IpcBridgeOptions): () => void {
  const { window, appOrigin, events } = options;
  const log = options.log ?? console.error;
  const dispatcher = createDispatcher(options.handlers, log);

  ipcMain.handle(BRIDGE_CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, window, appOrigin)) {
      log(`bridge: refused ${String(method)} from ${event.senderFrame?.url ?? 'a vanished frame'}`);
      return FORBIDDEN;
    }
    return dispatcher.dispatch(method, input);
  });

  const unsubscribe = events.subscribe((message) => {
    if (!window.isDestroyed()) window.webContents.send(BRIDGE_EVENT_CHANNEL, message);
  });

  return () => {
    ipcMain.removeHandler(BRIDGE_CALL_CHANNEL);
    unsubscribe();
  };
}

export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow,
  appOrigin: string,
): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  if (!frame || frame !== window.webContents.mainFrame) return false;
  return originOf(frame.url) === appOrigin;
}
