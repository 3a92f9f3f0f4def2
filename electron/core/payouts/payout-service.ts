// Payout requests: what the terms in force allow, drafts to confirm, filing through the outbox
// (one Idempotency-Key per draft, persisted before sending), cancelling, and the requests list.
import { randomUUID } from 'node:crypto';
import { type Payout, type PayoutRequest, Payout as PayoutSchema } from '../../../shared/accounts-api.ts';
import type { PayoutDraft, PayoutsView } from '../../../shared/bridge/payouts.ts';
import { payoutBlockers } from '../../../shared/earnings-readiness.ts';
import { destinationProblemCode } from '../../../shared/payout-destination.ts';
import type { AccountsClient } from '../accounts-client.ts';
import type { EventHub } from '../event-hub.ts';
import { createDraftBook, refuse, sendKeyed } from './drafts.ts';
import type { Outbox } from './outbox.ts';

export interface PayoutService {
  view(): Promise<PayoutsView>;
  prepare(request: PayoutRequest): Promise<PayoutDraft>;
  submit(key: string): Promise<Payout>;
  cancel(id: string): Promise<Payout>;
  /** Fetches the list again and announces it (payoutsChanged); for live updates and polling. */
  refresh(): Promise<PayoutsView>;
}

export function createPayoutService(deps: {
  accounts: AccountsClient;
  outbox: Outbox;
  events: EventHub;
  /** Who is filing (accounts server + account), for the outbox. */
  owner: () => string;
  now?: () => Date;
}): PayoutService {
  const { accounts, outbox, events } = deps;
  const now = deps.now ?? (() => new Date());
  const drafts = createDraftBook<PayoutDraft, PayoutRequest>(now);

  const program = () => accounts.call('getProgramStatus');
  const methods = () => accounts.call('listPayoutMethods');

  async function view(): Promise<PayoutsView> {
    const [status, terms, methodList, page, referral] = await Promise.all([
      program(),
      accounts.call('getTerms'),
      methods(),
      accounts.call('listPayouts', { query: { limit: 50 } }),
      accounts.call('getReferralInfo'),
    ]);
    const outboxItems = outbox.items('payout', deps.owner());
    return {
      program: status,
      terms: terms.current,
      methods: methodList.items,
      blockers: payoutBlockers(status),
      items: page.items,
      outbox: outboxItems,
      referralCode: referral.code,
      asOf: now().toISOString(),
    };
  }

  async function refresh(): Promise<PayoutsView> {
    const current = await view();
    events.emit('payoutsChanged', current);
    return current;
  }

  return {
    view,
    refresh,
    async prepare(request) {
      const [status, methodList] = await Promise.all([program(), methods()]);
      const blockers = payoutBlockers(status);
      const first = blockers[0];
      if (first) refuse(first);
      const method = methodList.items.find((m) => m.id === request.method);
      if (!method) refuse({ code: 'method-not-offered', method: request.method });
      const problem = destinationProblemCode(request.method, request.destination);
      if (problem) refuse({ code: 'destination', problem });
      const available = status.withdrawal.availableCents;
      if (request.amountCents > available) refuse({ code: 'above-available', availableCents: available });
      if (request.amountCents < status.withdrawal.minPayoutCents)
        refuse({ code: 'amount-below-minimum', minCents: status.withdrawal.minPayoutCents });
      const key = `payout-${randomUUID()}`;
      const draft: PayoutDraft = {
        key,
        amountCents: request.amountCents,
        method: request.method,
        methodName: method.name,
        destination: request.destination,
        termsVersion: status.termsVersion,
        availableCents: available,
        availableAfterCents: available - request.amountCents,
      };
      drafts.hold(key, { draft, body: request });
      return draft;
    },
    async submit(key) {
      const held = drafts.take(key);
      try {
        const answer = await outbox.file({
          key,
          kind: 'payout',
          owner: deps.owner(),
          body: { ...held.body },
          amountCents: held.body.amountCents,
          label: held.draft.methodName,
        });
        return PayoutSchema.parse(answer);
      } finally {
        await refresh().catch(() => undefined);
      }
    },
    async cancel(id) {
      // Cancelling twice lands on the same state: the table marks it repeatable, so it is retried.
      const payout = await accounts.call('cancelPayout', { params: { id } });
      await refresh().catch(() => undefined);
      return payout;
    },
  };
}

/** Sends a request the outbox holds, with its key. */
export function sendPayout(accounts: AccountsClient, body: Record<string, unknown>, key: string) {
  return sendKeyed(accounts, 'requestPayout', body, key);
}
