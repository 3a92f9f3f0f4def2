// Applying the balance to license renewals: the user's licenses with days left and renewal
// options from the catalog, drafts to confirm, filing through the outbox (same idempotency and
// crash-safety as payouts), and auto-apply (ask once, or apply and notify).
import { randomUUID } from 'node:crypto';
import {
  type Balance,
  type CatalogItem,
  type Credit,
  type CreditRequest,
  Credit as CreditSchema,
  type License,
  type ProgramStatus,
} from '../../../shared/accounts-api.ts';
import type { CreditDraft, LicensesView } from '../../../shared/bridge/payouts.ts';
import { creditBlockers } from '../../../shared/earnings-readiness.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { AccountsClient } from '../accounts-client.ts';
import type { EventHub } from '../event-hub.ts';
import { consoleWarn } from '../logging/logger.ts';
import { createDraftBook, refuse, sendKeyed } from '../payouts/drafts.ts';
import type { Outbox, RequestsStorage } from '../payouts/outbox.ts';
import { type AutoApplyDecision, daysLeft, decideAutoApply } from './auto-apply.ts';

export interface LicenseService {
  view(): Promise<LicensesView>;
  prepare(request: CreditRequest): Promise<CreditDraft>;
  submit(key: string): Promise<Credit>;
  dismissOffer(productId: string): Promise<LicensesView>;
  /** Fetches everything again, runs auto-apply, and announces the result (licensesChanged). */
  refresh(): Promise<LicensesView>;
}

/** What a licenses view and auto-apply's decisions are made from, read fresh from the accounts server. */
interface LicenseInputs {
  licenses: License[];
  catalog: CatalogItem[];
  balance: Balance;
  program: ProgramStatus;
  credits: Credit[];
}

export function createLicenseService(deps: {
  accounts: AccountsClient;
  outbox: Outbox;
  storage: RequestsStorage;
  events: EventHub;
  settings: () => Settings;
  owner: () => string;
  now?: () => Date;
  log?: (message: string) => void;
}): LicenseService {
  const { accounts, outbox, events, storage } = deps;
  const now = deps.now ?? (() => new Date());
  const drafts = createDraftBook<CreditDraft, CreditRequest>(now);

  async function load(): Promise<LicenseInputs> {
    const [licenses, catalog, balance, program, credits] = await Promise.all([
      accounts.call('listLicenses'),
      accounts.call('getCatalog'),
      accounts.call('getBalance'),
      accounts.call('getProgramStatus'),
      accounts.call('listCredits', { query: { limit: 50 } }),
    ]);
    return {
      licenses: licenses.items,
      catalog: catalog.items,
      balance,
      program,
      credits: credits.items,
    };
  }

  function busyProducts(inputs: LicenseInputs): Set<string> {
    const busy = new Set<string>();
    const productOf = (sku: string) => inputs.catalog.find((i) => i.sku === sku)?.productId;
    for (const credit of inputs.credits)
      if (credit.status === 'awaiting-payment') busy.add(productOf(credit.sku) ?? '');
    for (const item of outbox.items('credit', deps.owner()))
      if (item.state === 'sending') busy.add(productOf(item.label) ?? '');
    return busy;
  }

  function decisions(inputs: LicenseInputs): AutoApplyDecision[] {
    return decideAutoApply({
      now: now(),
      settings: deps.settings().licenseAutoApply,
      licenses: inputs.licenses,
      catalog: inputs.catalog,
      availableCents: inputs.balance.availableCents,
      allowed: creditBlockers(inputs.program, inputs.balance.availableCents).length === 0,
      busyProducts: busyProducts(inputs),
    });
  }

  function toView(inputs: LicenseInputs): LicensesView {
    const at = now();
    const renewals = deps.settings().licenseAutoApply.renewals;
    const outboxItems = outbox.items('credit', deps.owner());
    const { dismissed } = storage.read().autoApply;
    const ask = deps.settings().licenseAutoApply.action === 'ask';
    return {
      licenses: inputs.licenses.map((license) => ({
        license,
        daysLeft:
          license.lifetime || license.availableTill === null ? null : daysLeft(license.availableTill, at),
        options: license.lifetime ? [] : inputs.catalog.filter((i) => i.productId === license.productId),
        autoApplySku: renewals.find((r) => r.productId === license.productId)?.sku ?? null,
      })),
      availableCents: inputs.balance.availableCents,
      blockers: creditBlockers(inputs.program, inputs.balance.availableCents),
      credits: inputs.credits,
      outbox: outboxItems,
      offers: ask
        ? decisions(inputs)
            .filter((d) => !dismissed.includes(d.occasion))
            .map(({ occasion: _occasion, ...offer }) => offer)
        : [],
      asOf: at.toISOString(),
    };
  }

  function remember(list: 'asked' | 'applied' | 'dismissed', occasion: string) {
    const state = storage.read();
    if (state.autoApply[list].includes(occasion)) return;
    // Bounded: the oldest occasions are long past.
    const kept = [...state.autoApply[list], occasion].slice(-500);
    storage.write({ ...state, autoApply: { ...state.autoApply, [list]: kept } });
  }

  /** Asks once per occasion, or applies once per occasion, by the user's choice. */
  async function runAutoApply(inputs: LicenseInputs): Promise<boolean> {
    const action = deps.settings().licenseAutoApply.action;
    const state = storage.read().autoApply;
    let applied = false;
    for (const decision of decisions(inputs)) {
      const { occasion, ...offer } = decision;
      if (action === 'ask') {
        if (state.asked.includes(occasion) || state.dismissed.includes(occasion)) continue;
        remember('asked', occasion);
        events.emit('autoApplyNotice', { kind: 'offer', offer });
        continue;
      }
      if (state.applied.includes(occasion)) continue;
      // Recorded before filing: the outbox entry (written next) carries the crash-safety from here.
      remember('applied', occasion);
      const key = `credit-auto-${randomUUID()}`;
      try {
        const answer = await outbox.file({
          key,
          kind: 'credit',
          owner: deps.owner(),
          body: { sku: offer.sku, amountCents: offer.creditCents },
          amountCents: offer.creditCents,
          label: offer.sku,
        });
        const credit = CreditSchema.parse(answer);
        events.emit('autoApplyNotice', { kind: 'applied', productName: offer.productName, credit });
        applied = true;
      } catch (error) {
        (deps.log ?? consoleWarn)(
          `Auto-apply for ${offer.productName} did not go through: ${(error as Error).message}`,
        );
      }
    }
    return applied;
  }

  async function refresh(): Promise<LicensesView> {
    let inputs = await load();
    if (await runAutoApply(inputs)) inputs = await load();
    const current = toView(inputs);
    events.emit('licensesChanged', current);
    return current;
  }

  return {
    view: async () => toView(await load()),
    refresh,
    async prepare(request) {
      const inputs = await load();
      const available = inputs.balance.availableCents;
      const first = creditBlockers(inputs.program, available)[0];
      if (first) refuse(first);
      const item = inputs.catalog.find((i) => i.sku === request.sku);
      if (!item) refuse({ code: 'unknown-license', sku: request.sku });
      const license = inputs.licenses.find((l) => l.productId === item.productId);
      if (license?.lifetime) refuse({ code: 'lifetime-license', productName: item.productName });
      const creditCents = request.amountCents ?? Math.min(available, item.priceCents);
      if (creditCents > available) refuse({ code: 'above-available', availableCents: available });
      if (creditCents > item.priceCents) refuse({ code: 'above-price', priceCents: item.priceCents });
      if (creditCents <= 0) refuse({ code: 'no-balance', availableCents: available });
      const key = `credit-${randomUUID()}`;
      const draft: CreditDraft = {
        key,
        sku: item.sku,
        productName: item.productName,
        term: item.term,
        priceCents: item.priceCents,
        creditCents,
        remainderCents: item.priceCents - creditCents,
        availableCents: available,
        availableTill: license?.availableTill ?? null,
      };
      // The body names the amount, so a resend means exactly what was confirmed.
      drafts.hold(key, { draft, body: { sku: item.sku, amountCents: creditCents } });
      return draft;
    },
    async submit(key) {
      const held = drafts.take(key);
      try {
        const answer = await outbox.file({
          key,
          kind: 'credit',
          owner: deps.owner(),
          body: { ...held.body },
          amountCents: held.draft.creditCents,
          label: held.draft.sku,
        });
        return CreditSchema.parse(answer);
      } finally {
        await refresh().catch(() => undefined);
      }
    },
    async dismissOffer(productId) {
      const inputs = await load();
      for (const decision of decisions(inputs))
        if (decision.productId === productId) remember('dismissed', decision.occasion);
      const current = toView(inputs);
      events.emit('licensesChanged', current);
      return current;
    },
  };
}

export function sendCredit(accounts: AccountsClient, body: Record<string, unknown>, key: string) {
  return sendKeyed(accounts, 'applyCredit', body, key);
}
