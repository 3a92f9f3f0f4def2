// Assembles payouts and license credits for startCompanion: one outbox for both, the bridge
// handlers, and when lists are refreshed. Status changes arrive as live events (electron/core/live
// calls reconcile()); this module only retries while the outbox holds unacknowledged requests,
// and looks at licenses hourly for auto-apply. Nothing touches the network while signed out.

import type { PayoutMethodName } from '../../../shared/bridge/payouts.ts';
import type { CoreHandlers } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { AccountsClient } from '../accounts-client.ts';
import type { EventHub } from '../event-hub.ts';
import { createLicenseService, type LicenseService, sendCredit } from '../licenses/license-service.ts';
import { consoleWarn, type Logger } from '../logging/logger.ts';
import { createOutbox, type Outbox, type RequestKind, type RequestsStorage } from './outbox.ts';
import { createPayoutService, type PayoutService, sendPayout } from './payout-service.ts';

export type RequestHandlers = Pick<CoreHandlers, PayoutMethodName>;

export interface PayoutAndCreditRequests {
  readonly payouts: PayoutService;
  readonly licenses: LicenseService;
  readonly outbox: Outbox;
  readonly handlers: RequestHandlers;
  /** Resends what the last run left unacknowledged, then refreshes both lists. */
  reconcile(): Promise<void>;
  close(): void;
}

export interface PayoutAndCreditRequestsOptions {
  accounts: AccountsClient;
  events: EventHub;
  storage: RequestsStorage;
  settings: () => Settings;
  owner: () => string;
  now?: () => Date;
  /** Retry period while the outbox holds unacknowledged requests (default 20 s). */
  pollMs?: number;
  /** Whether the accounts server can be asked now (signed in); default always. */
  active?: () => boolean;
  /** Auto-apply's look at licenses (default 1 h). */
  licenseCheckMs?: number;
  /** TEST ONLY, see outbox.ts: runs between the server's answer and the recorded acknowledgement. */
  afterSend?: (kind: RequestKind) => void;
  log?: (message: string) => void;
  logger?: Logger;
}

export function createPayoutAndCreditRequests(
  options: PayoutAndCreditRequestsOptions,
): PayoutAndCreditRequests {
  const { accounts, events } = options;
  const log = options.log ?? consoleWarn;
  const outbox = createOutbox({
    storage: options.storage,
    send: (kind, body, key) =>
      kind === 'payout' ? sendPayout(accounts, body, key) : sendCredit(accounts, body, key),
    ...(options.now ? { now: options.now } : {}),
    ...(options.afterSend ? { afterSend: options.afterSend } : {}),
    log,
    ...(options.logger ? { logger: options.logger.scope('outbox') } : {}),
  });
  const common = {
    accounts,
    outbox,
    events,
    owner: options.owner,
    ...(options.now ? { now: options.now } : {}),
  };
  const payouts = createPayoutService(common);
  const licenses = createLicenseService({
    ...common,
    storage: options.storage,
    settings: options.settings,
    log,
  });

  const quietly = (what: string, run: () => Promise<unknown>) =>
    run().catch((error: unknown) => log(`${what}: ${errorMessage(error)}`));

  async function reconcile(): Promise<void> {
    await outbox.flush(options.owner());
    await Promise.all([
      quietly('Payouts refresh', () => payouts.refresh()),
      quietly('Licenses refresh', () => licenses.refresh()),
    ]);
  }

  // One pass at a time; a request for a full pass while one runs (e.g. a live event) runs after it.
  let running: Promise<void> | undefined;
  let again = false;
  const pass = async (all: boolean): Promise<void> => {
    if (!(options.active?.() ?? true)) return;
    if (all || outbox.pending(options.owner())) await reconcile();
    while (again) {
      again = false;
      await reconcile();
    }
  };
  const tick = (all: boolean): Promise<void> => {
    if (running) {
      again ||= all;
      return running;
    }
    // `finally` runs after this assignment even when the pass ends at once.
    const current = pass(all).finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  const poll = setInterval(() => void tick(false), options.pollMs ?? 20_000);
  const hourly = setInterval(() => void tick(true), options.licenseCheckMs ?? 3_600_000);
  poll.unref?.();
  hourly.unref?.();

  // A fresh sign-in is the moment to resend what an earlier run could not (tokens were missing);
  // changed auto-apply settings are looked at at once.
  let lastAutoApply = JSON.stringify(options.settings().licenseAutoApply);
  const unsubscribe = events.subscribe((message) => {
    if (message.event === 'sessionChanged' && (message.payload as { state?: string }).state === 'signed-in')
      void tick(true);
    if (message.event === 'settingsChanged') {
      const autoApply = JSON.stringify((message.payload as Settings).licenseAutoApply);
      if (autoApply !== lastAutoApply) void quietly('Licenses refresh', () => licenses.refresh());
      lastAutoApply = autoApply;
    }
  });

  const handlers: RequestHandlers = {
    getPayouts: () => payouts.view(),
    preparePayout: (input) => payouts.prepare(input),
    submitPayout: ({ key }) => payouts.submit(key),
    cancelPayout: ({ id }) => payouts.cancel(id),
    dismissRequest: async ({ key }) => {
      const dismissed = outbox.dismiss(key);
      if (dismissed) await Promise.all([payouts.refresh(), licenses.refresh()]).catch(() => undefined);
      return { dismissed };
    },
    getLicenses: () => licenses.view(),
    prepareCredit: (input) => licenses.prepare(input),
    submitCredit: ({ key }) => licenses.submit(key),
    dismissOffer: ({ productId }) => licenses.dismissOffer(productId),
  };

  return {
    payouts,
    licenses,
    outbox,
    handlers,
    reconcile: () => tick(true),
    close() {
      clearInterval(poll);
      clearInterval(hourly);
      unsubscribe();
    },
  };
}
