// Payouts and license credits through core against a real sandbox: idempotent filing, crash and
// reconciliation from the requests file, thresholds from the terms in force, partial credits and
// auto-apply.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disqualify } from '../../../sandbox/program/disqualification.ts';
import { recordPurchase } from '../../../sandbox/program/purchases.ts';
import { publishTerms } from '../../../sandbox/program/terms.ts';
import { type RunningSandbox, startSandbox } from '../../../sandbox/server.ts';
import type { BridgeEventMessage } from '../../../shared/bridge.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings.ts';
import { sandboxTokens } from '../../../test/support/sandbox-sign-in.ts';
import { createAccountsClient } from '../accounts-client.ts';
import { createEventHub } from '../event-hub.ts';
import { createPayoutAndCreditRequests, type PayoutAndCreditRequests } from './payout-and-credit-requests.ts';
import { openRequestsFile } from './requests-file.ts';

const owner = 'demo|partner';
let sandbox: RunningSandbox;
let dir: string;
let token: string;
let started: PayoutAndCreditRequests[] = [];
let settings: Settings;
let events: BridgeEventMessage[];

beforeEach(async () => {
  sandbox = await startSandbox({ mode: 'demo' });
  dir = mkdtempSync(join(tmpdir(), 'companion-requests-'));
  token = (await sandboxTokens(sandbox.url)).accessToken;
  settings = DEFAULT_SETTINGS;
  events = [];
});
afterEach(async () => {
  for (const requests of started) requests.close();
  started = [];
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(
  afterSend?: () => void,
  extra: { pollMs?: number; active?: () => boolean } = {},
): PayoutAndCreditRequests {
  const hub = createEventHub();
  hub.subscribe((message) => events.push(message));
  const accounts = createAccountsClient({
    baseUrl: sandbox.url,
    auth: {
      accessToken: async () => token,
      renew: async () => token,
      rejectedAgain: async (detail) => Promise.reject(new Error(detail)),
    },
  });
  const requests = createPayoutAndCreditRequests({
    accounts,
    events: hub,
    storage: openRequestsFile({ cwd: dir }),
    settings: () => settings,
    owner: () => owner,
    log: () => {},
    ...(afterSend ? { afterSend } : {}),
    ...extra,
  });
  started.push(requests);
  return requests;
}

const payout = { amountCents: 6_000, method: 'paypal' as const, destination: 'demo.partner@example.com' };
const partnerId = () => sandbox.demoPartnerId as string;

describe('payout requests through core', () => {
  it('files one payout for a double click, and lists it', async () => {
    const m = start();
    const before = await m.handlers.getPayouts({});
    expect(before.blockers).toEqual([]);
    const draft = await m.handlers.preparePayout(payout);
    expect(draft).toMatchObject({
      amountCents: 6_000,
      methodName: 'PayPal',
      availableAfterCents: 14_335 - 6_000,
    });
    const [a, b] = await Promise.all([
      m.handlers.submitPayout({ key: draft.key }),
      m.handlers.submitPayout({ key: draft.key }),
    ]);
    expect(a.id).toBe(b.id);
    // Even a late repeat of the key answers the same payout.
    await expect(m.handlers.submitPayout({ key: draft.key })).resolves.toMatchObject({ id: a.id });
    const after = await m.handlers.getPayouts({});
    expect(after.items.filter((p) => p.status === 'requested')).toEqual([a]);
    expect(after.program.withdrawal.availableCents).toBe(14_335 - 6_000);
    expect(events.some((e) => e.event === 'payoutsChanged')).toBe(true);

    const cancelled = await m.handlers.cancelPayout({ id: a.id });
    expect(cancelled.status).toBe('cancelled');
  });

  it('reconciles after a crash between the answer and the acknowledgement: exactly one payout', async () => {
    const crashing = start(() => {
      throw new Error('killed');
    });
    const draft = await crashing.handlers.preparePayout(payout);
    await expect(crashing.handlers.submitPayout({ key: draft.key })).rejects.toThrow('killed');
    crashing.close();

    const restarted = start();
    expect((await restarted.handlers.getPayouts({})).outbox).toMatchObject([
      { key: draft.key, state: 'sending', amountCents: 6_000 },
    ]);
    await restarted.reconcile();
    const view = await restarted.handlers.getPayouts({});
    expect(view.outbox).toEqual([]);
    expect(view.items.filter((p) => p.status === 'requested').map((p) => p.amountCents)).toEqual([6_000]);
  });

  it('retries unacknowledged requests on its own, and asks nothing while signed out', async () => {
    const crashing = start(() => {
      throw new Error('killed');
    });
    const draft = await crashing.handlers.preparePayout(payout);
    await expect(crashing.handlers.submitPayout({ key: draft.key })).rejects.toThrow('killed');
    crashing.close();
    events = [];

    let signedIn = false;
    const restarted = start(undefined, { pollMs: 30, active: () => signedIn });
    await restarted.reconcile();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events).toEqual([]);
    expect(restarted.outbox.pending(owner)).toBe(true);

    signedIn = true;
    await expect.poll(() => restarted.outbox.pending(owner)).toBe(false);
    const view = await restarted.handlers.getPayouts({});
    expect(view.items.filter((p) => p.status === 'requested').map((p) => p.amountCents)).toEqual([6_000]);
  });

  it('explains what is missing from the terms in force, and the sandbox refuses too', async () => {
    publishTerms(sandbox.ctx, {
      rateBp: 1500,
      minPayoutCents: 20_000,
      minReferrals: 5,
      holdDays: 0,
      summary: 'Higher thresholds.',
    });
    const m = start();
    const view = await m.handlers.getPayouts({});
    expect(view.blockers).toEqual([
      { code: 'below-minimum', minCents: 20_000, availableCents: 14_335 },
      { code: 'not-enough-referrals', minReferrals: 5, referrals: 4 },
    ]);
    // Refused with the code and its data (the UI words it); the message is the catalog's English.
    await expect(m.handlers.preparePayout(payout)).rejects.toMatchObject({
      code: 'rejected',
      refusal: { code: 'below-minimum', minCents: 20_000, availableCents: 14_335 },
      message: 'The minimum withdrawal is $200.00; you have $143.35 available.',
    });
  });

  it('tells a disqualified partner why, for payouts and credits', async () => {
    disqualify(sandbox.ctx, partnerId(), 'Self-referral through a second account.');
    const m = start();
    expect((await m.handlers.getPayouts({})).blockers).toEqual([
      { code: 'disqualified', reason: 'Self-referral through a second account.' },
    ]);
    expect((await m.handlers.getLicenses({})).blockers).toMatchObject([{ code: 'disqualified' }]);
    await expect(m.handlers.prepareCredit({ sku: 'crypto-1m' })).rejects.toMatchObject({
      refusal: { code: 'disqualified', reason: 'Self-referral through a second account.' },
    });
  });
});

describe('license credits through core', () => {
  beforeEach(() => {
    recordPurchase(sandbox.ctx, { buyerId: partnerId(), sku: 'crypto-1m' });
  });

  it('lists licenses with days left and renewal options, and applies a full credit', async () => {
    const m = start();
    const view = await m.handlers.getLicenses({});
    expect(view.licenses).toHaveLength(1);
    const [row] = view.licenses;
    expect(row?.license.productId).toBe('crypto');
    expect(row?.daysLeft).toBeGreaterThanOrEqual(28);
    expect(row?.options.map((o) => o.sku)).toEqual([
      'crypto-1m',
      'crypto-3m',
      'crypto-6m',
      'crypto-1y',
      'crypto-lifetime',
    ]);
    const draft = await m.handlers.prepareCredit({ sku: 'crypto-1m' });
    expect(draft).toMatchObject({ priceCents: 5_000, creditCents: 5_000, remainderCents: 0 });
    const [a, b] = await Promise.all([
      m.handlers.submitCredit({ key: draft.key }),
      m.handlers.submitCredit({ key: draft.key }),
    ]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: 'applied', checkoutUrl: null });
    const after = await m.handlers.getLicenses({});
    expect(after.credits).toHaveLength(1);
    expect(Date.parse(after.licenses[0]?.license.availableTill ?? '')).toBeGreaterThan(
      Date.parse(row?.license.availableTill ?? ''),
    );
  });

  it('applies part of the balance and hands out the checkout for the rest', async () => {
    const m = start();
    const draft = await m.handlers.prepareCredit({ sku: 'crypto-1y' });
    expect(draft).toMatchObject({ priceCents: 45_000, creditCents: 14_335, remainderCents: 45_000 - 14_335 });
    const credit = await m.handlers.submitCredit({ key: draft.key });
    expect(credit.status).toBe('awaiting-payment');
    expect(new URL(credit.checkoutUrl ?? '').origin).toBe(new URL(sandbox.url).origin);
  });

  it('auto-apply asks once per occasion; "not now" hides the offer', async () => {
    settings = {
      ...DEFAULT_SETTINGS,
      licenseAutoApply: {
        renewals: [{ productId: 'crypto', sku: 'crypto-1m' }],
        withinDays: 31,
        allowPartial: false,
        action: 'ask',
      },
    };
    const m = start();
    await m.licenses.refresh();
    await m.licenses.refresh();
    const notices = events.filter((e) => e.event === 'autoApplyNotice');
    expect(notices).toMatchObject([
      { payload: { kind: 'offer', offer: { sku: 'crypto-1m', creditCents: 5_000 } } },
    ]);
    expect((await m.handlers.getLicenses({})).offers).toHaveLength(1);
    expect((await m.handlers.dismissOffer({ productId: 'crypto' })).offers).toEqual([]);
    expect((await m.handlers.getLicenses({})).credits).toEqual([]);
  });

  it('auto-apply applies once and notifies, and waits while the license is far from expiry', async () => {
    settings = {
      ...DEFAULT_SETTINGS,
      licenseAutoApply: {
        renewals: [{ productId: 'crypto', sku: 'crypto-1m' }],
        withinDays: 7,
        allowPartial: false,
        action: 'apply',
      },
    };
    const m = start();
    await m.licenses.refresh();
    expect((await m.handlers.getLicenses({})).credits).toEqual([]);

    settings = { ...settings, licenseAutoApply: { ...settings.licenseAutoApply, withinDays: 31 } };
    await m.licenses.refresh();
    await m.licenses.refresh();
    const view = await m.handlers.getLicenses({});
    expect(view.credits).toMatchObject([{ sku: 'crypto-1m', status: 'applied', creditCents: 5_000 }]);
    expect(events.filter((e) => e.event === 'autoApplyNotice')).toMatchObject([
      { payload: { kind: 'applied', productName: 'Crypto', credit: { sku: 'crypto-1m' } } },
    ]);
  });
});
