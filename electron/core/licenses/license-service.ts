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

interface World {
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

  async function load(): Promise<World> {
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

  function busyProducts(world: World): Set<string> {
    const busy = new Set<string>();
    const productOf = (sku: string) => world.catalog.find((i) => i.sku === sku)?.productId;
    for (const credit of world.credits)
      if (credit.status === 'awaiting-payment') busy.add(productOf(credit.sku) ?? '');
    for (const item of outbox.items('credit', deps.owner()))
      if (item.state === 'sending') busy.add(productOf(item.label) ?? '');
    return busy;
  }

  function decisions(world: World): AutoApplyDecision[] {
    return decideAutoApply({
      now: now(),
      settings: deps.settings().licenseAutoApply,
      licenses: world.licenses,
      catalog: world.catalog,
      availableCents: world.balance.availableCents,
      allowed: creditBlockers(world.program, world.balance.availableCents).length === 0,
      busyProducts: busyProducts(world),
    });
  }

  function toView(world: World): LicensesView {
    const at = now();
    const renewals = deps.settings().licenseAutoApply.renewals;
    const outboxItems = outbox.items('credit', deps.owner());
    const { dismissed } = storage.read().autoApply;
    const ask = deps.settings().licenseAutoApply.action === 'ask';
    return {
      licenses: world.licenses.map((license) => ({
        license,
        daysLeft:
          license.lifetime || license.availableTill === null ? null : daysLeft(license.availableTill, at),
        options: license.lifetime ? [] : world.catalog.filter((i) => i.productId === license.productId),
        autoApplySku: renewals.find((r) => r.productId === license.productId)?.sku ?? null,
      })),
      availableCents: world.balance.availableCents,
      blockers: creditBlockers(world.program, world.balance.availableCents),
      credits: world.credits,
      outbox: outboxItems,
      offers: ask
        ? decisions(world)
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
  async function runAutoApply(world: World): Promise<boolean> {
    const action = deps.settings().licenseAutoApply.action;
    const state = storage.read().autoApply;
    let applied = false;
    for (const decision of decisions(world)) {
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
    let world = await load();
    if (await runAutoApply(world)) world = await load();
    const current = toView(world);
    events.emit('licensesChanged', current);
    return current;
  }

  return {
    view: async () => toView(await load()),
    refresh,
    async prepare(request) {
      const world = await load();
      const available = world.balance.availableCents;
      const first = creditBlockers(world.program, available)[0];
      if (first) refuse(first);
      const item = world.catalog.find((i) => i.sku === request.sku);
      if (!item) refuse({ code: 'unknown-license', sku: request.sku });
      const license = world.licenses.find((l) => l.productId === item.productId);
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
      const world = await load();
      for (const decision of decisions(world))
        if (decision.productId === productId) remember('dismissed', decision.occasion);
      const current = toView(world);
      events.emit('licensesChanged', current);
      return current;
    },
  };
}

export function sendCredit(accounts: AccountsClient, body: Record<string, unknown>, key: string) {
  return sendKeyed(accounts, 'applyCredit', body, key);
}
