// The payouts/licenses side of the fake bridge: views a test can set, drafts and filing that
// answer like core (one request per key), and events it can emit.
import type { Credit, Payout } from '../../../shared/accounts-api.ts';
import type {
  CreditDraft,
  LicensesView,
  PayoutDraft,
  PayoutMethodName,
  PayoutsView,
  Refusal,
} from '../../../shared/bridge/payouts.ts';
import { type BridgeApi, BridgeError, type EventName, type EventPayload } from '../../../shared/bridge.ts';
import {
  FIXTURE_AS_OF,
  payout,
  payoutMethods,
  programStatus,
  terms,
} from '../../../shared/testing/accounts-api-fixtures.ts';

export type PayoutEventName = 'payoutsChanged' | 'licensesChanged' | 'autoApplyNotice';
const PAYOUT_EVENTS: readonly string[] = ['payoutsChanged', 'licensesChanged', 'autoApplyNotice'];

export function isPayoutEvent(event: EventName): event is PayoutEventName {
  return PAYOUT_EVENTS.includes(event);
}

type PayoutMethodsApi = Pick<BridgeApi, PayoutMethodName>;

const at = FIXTURE_AS_OF;

export const demoPayoutsView: PayoutsView = {
  program: programStatus({ referralsCount: 4 }, { availableCents: 14_335, eligible: true }),
  terms: terms(),
  methods: payoutMethods('paypal', 'wire'),
  blockers: [],
  items: [],
  outbox: [],
  referralCode: 'QT+DEMO/42=',
  asOf: at,
};

export const demoLicensesView: LicensesView = {
  licenses: [
    {
      license: {
        productId: 'crypto',
        productName: 'Crypto',
        kind: 'platform',
        lifetime: false,
        availableTill: '2026-11-26T06:00:00.000Z',
      },
      daysLeft: 5,
      options: [
        {
          sku: 'crypto-1m',
          productId: 'crypto',
          productName: 'Crypto',
          kind: 'platform',
          term: '1m',
          priceCents: 5_000,
        },
        {
          sku: 'crypto-1y',
          productId: 'crypto',
          productName: 'Crypto',
          kind: 'platform',
          term: '1y',
          priceCents: 45_000,
        },
      ],
      autoApplySku: null,
    },
  ],
  availableCents: 14_335,
  blockers: [],
  credits: [],
  outbox: [],
  offers: [],
  asOf: at,
};

export class FakePayouts {
  payouts: PayoutsView = demoPayoutsView;
  licenses: LicensesView = demoLicensesView;
  /** Requests filed, by key: a key filed twice is one request, like core. */
  readonly filed = new Map<string, Payout | Credit>();
  readonly calls: string[] = [];
  private drafts = 0;
  /** Core refuses the next payout request with this (as core does: code, English message, data). */
  refusePayout: Refusal | null = null;
  private readonly creditDrafts = new Map<string, CreditDraft>();
  private readonly listeners = new Map<PayoutEventName, Set<(payload: never) => void>>();

  readonly methods: PayoutMethodsApi = {
    getPayouts: async () => {
      this.calls.push('getPayouts');
      return this.payouts;
    },
    preparePayout: async (input): Promise<PayoutDraft> => {
      this.calls.push('preparePayout');
      if (this.refusePayout)
        throw new BridgeError({
          code: 'rejected',
          message: 'Refused.',
          retryable: false,
          refusal: this.refusePayout,
        });
      const available = this.payouts.program.withdrawal.availableCents;
      return {
        key: `payout-${++this.drafts}`,
        amountCents: input.amountCents,
        method: input.method,
        methodName: this.payouts.methods.find((m) => m.id === input.method)?.name ?? input.method,
        destination: input.destination,
        termsVersion: this.payouts.terms.version,
        availableCents: available,
        availableAfterCents: available - input.amountCents,
      };
    },
    submitPayout: async ({ key }) => {
      this.calls.push('submitPayout');
      const known = this.filed.get(key);
      if (known) return known as Payout;
      const filed = payout({ id: `po_${this.filed.size + 1}` });
      this.filed.set(key, filed);
      this.payouts = { ...this.payouts, items: [filed, ...this.payouts.items] };
      this.emit('payoutsChanged', this.payouts);
      return filed;
    },
    cancelPayout: async ({ id }) => {
      this.calls.push('cancelPayout');
      const found = this.payouts.items.find((p) => p.id === id);
      if (!found) throw new Error(`No payout ${id}.`);
      const cancelled: Payout = { ...found, status: 'cancelled' };
      this.payouts = { ...this.payouts, items: this.payouts.items.map((p) => (p.id === id ? cancelled : p)) };
      this.emit('payoutsChanged', this.payouts);
      return cancelled;
    },
    dismissRequest: async ({ key }) => {
      this.calls.push('dismissRequest');
      const before = this.payouts.outbox.length + this.licenses.outbox.length;
      this.payouts = { ...this.payouts, outbox: this.payouts.outbox.filter((o) => o.key !== key) };
      this.licenses = { ...this.licenses, outbox: this.licenses.outbox.filter((o) => o.key !== key) };
      return { dismissed: before > this.payouts.outbox.length + this.licenses.outbox.length };
    },
    getLicenses: async () => {
      this.calls.push('getLicenses');
      return this.licenses;
    },
    prepareCredit: async (input): Promise<CreditDraft> => {
      this.calls.push('prepareCredit');
      const item = this.licenses.licenses.flatMap((l) => l.options).find((o) => o.sku === input.sku);
      if (!item) throw new Error(`No ${input.sku}.`);
      const creditCents = input.amountCents ?? Math.min(this.licenses.availableCents, item.priceCents);
      const draft: CreditDraft = {
        key: `credit-${++this.drafts}`,
        sku: item.sku,
        productName: item.productName,
        term: item.term,
        priceCents: item.priceCents,
        creditCents,
        remainderCents: item.priceCents - creditCents,
        availableCents: this.licenses.availableCents,
        availableTill: this.licenses.licenses[0]?.license.availableTill ?? null,
      };
      this.creditDrafts.set(draft.key, draft);
      return draft;
    },
    submitCredit: async ({ key }) => {
      this.calls.push('submitCredit');
      const known = this.filed.get(key);
      if (known) return known as Credit;
      const draft = this.creditDrafts.get(key);
      if (!draft) throw new Error(`No draft ${key}.`);
      const partial = draft.remainderCents > 0;
      const credit: Credit = {
        id: `cr_${this.filed.size + 1}`,
        sku: draft.sku,
        priceCents: draft.priceCents,
        creditCents: draft.creditCents,
        remainderCents: draft.remainderCents,
        status: partial ? 'awaiting-payment' : 'applied',
        checkoutUrl: partial ? 'http://127.0.0.1:4100/checkout/cr_1' : null,
        createdAt: at,
        updatedAt: at,
      };
      this.filed.set(key, credit);
      this.licenses = { ...this.licenses, credits: [credit, ...this.licenses.credits] };
      this.emit('licensesChanged', this.licenses);
      return credit;
    },
    dismissOffer: async ({ productId }) => {
      this.calls.push('dismissOffer');
      this.licenses = {
        ...this.licenses,
        offers: this.licenses.offers.filter((o) => o.productId !== productId),
      };
      return this.licenses;
    },
  };

  on<E extends PayoutEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends PayoutEventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (p: EventPayload<E>) => void)(payload);
  }
}
