// The browser shell's page script: its equivalent of Electron's preload. Deferred, and placed
// before the app's module script, it runs first and defines window.companion with the same createBridgeApi() the preload
// uses, over HTTP (calls) and Server-Sent Events (events) to the shell that served this page.
// Shell-side methods are answered in the page (shell-handlers.ts).

import type { BridgeApi, BridgeResult, EventName, MethodName } from '../../../shared/bridge.ts';
import { type BridgeTransport, createBridgeApi } from '../../../shared/bridge-client.ts';
import { installNotificationDelivery } from './notifications.ts';
import { dropSecretFromAddress } from './secret-address.ts';
import { createPageShellHandlers } from './shell-handlers.ts';

const CALL_PATH = '/bridge/call/';
const EVENTS_PATH = '/bridge/events';

function failure(code: 'unavailable' | 'internal', message: string): BridgeResult {
  return { ok: false, error: { code, message, retryable: true } };
}

async function invoke(method: MethodName, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${CALL_PATH}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return failure('unavailable', 'The companion is not running. Start it again (npm start) and reload.');
  }
  // Every answer of the bridge endpoint, refusals included, is a BridgeResult envelope;
  // createBridgeApi validates it.
  try {
    return await response.json();
  } catch {
    return failure('internal', `The companion answered HTTP ${response.status} without a result.`);
  }
}

/** One EventSource for the page, opened with the first listener and closed with the last. */
function createEventChannel() {
  let source: EventSource | undefined;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function deliver(event: EventName, message: MessageEvent<string>) {
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      console.warn(`Dropped an unreadable ${event} event`);
      return;
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  return function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    source ??= new EventSource(EVENTS_PATH);
    let forEvent = listeners.get(event);
    if (!forEvent) {
      const created = new Set<(payload: unknown) => void>();
      listeners.set(event, created);
      source.addEventListener(event, (message) => deliver(event, message));
      forEvent = created;
    }
    forEvent.add(listener);
    return () => {
      forEvent.delete(listener);
      const remaining = [...listeners.values()].reduce((count, set) => count + set.size, 0);
      if (remaining === 0 && source) {
        source.close();
        source = undefined;
        listeners.clear();
      }
    };
  };
}

const transport: BridgeTransport = { invoke, subscribe: createEventChannel() };

// The accounts server's origin, asked of core once: its sign-in page may open in a new tab.
let accountsOrigin: Promise<readonly string[]> | undefined;
const trustedOrigins = () => {
  accountsOrigin ??= api.getAppInfo({}).then(
    // Link mode and the welcome have no accounts server; asked again later, as the mode may change.
    (info) => {
      if (info.accountsUrl) return [new URL(info.accountsUrl).origin];
      accountsOrigin = undefined;
      return [];
    },
    () => {
      accountsOrigin = undefined;
      return [];
    },
  );
  return accountsOrigin;
};

const api: BridgeApi = createBridgeApi(
  transport,
  createPageShellHandlers(undefined, trustedOrigins) as Partial<
    Record<MethodName, (input: unknown) => Promise<unknown>>
  >,
);
// A change of mode (welcome, Settings) may bring another accounts server: ask again.
api.on('appInfoChanged', () => {
  accountsOrigin = undefined;
});
dropSecretFromAddress(location, history);
Object.defineProperty(window, 'companion', { value: api, enumerable: true });
// Core's notifications, shown by the page (Web Notification or toast).
installNotificationDelivery(api);
