// The referral program over HTTP: contract shapes, idempotency under concurrency, ETag/304,
// the event stream with Last-Event-ID resume, and the operator API's gating.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  accountsPaths,
  Balance,
  Catalog,
  CommissionPage,
  Credit,
  EarningsSeries,
  fillPath,
  Licenses,
  Payout,
  PayoutMethods,
  PayoutPage,
  ProgramEvent,
  ProgramStatus,
  ReferralPage,
  TermsInfo,
} from '../../shared/accounts-api.ts';
import { type AnswerChecker, openApiChecker } from '../../test/support/openapi-answers.ts';
import { sandboxAuthHeaders } from '../../test/support/sandbox-sign-in.ts';
import { DEMO_PARTNER } from '../db/seed.ts';
import { type RunningSandbox, startSandbox } from '../server.ts';

let sandbox: RunningSandbox;
/** Every answer of these tests is checked against the published OpenAPI document. */
let answers: AnswerChecker;
/** The demo partner's bearer token, from the real sign-in flow. */
let auth: { authorization: string };
beforeEach(async () => {
  sandbox = await startSandbox({ mode: 'test' });
  auth = await sandboxAuthHeaders(sandbox.url);
  answers = openApiChecker();
});
afterEach(async () => {
  await sandbox.close();
  expect(answers.violations, 'answers off the OpenAPI document').toEqual([]);
});

async function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  return answers.fetch(new URL(path.replace(/^\//u, ''), sandbox.url), {
    ...rest,
    ...(json === undefined ? {} : { body: JSON.stringify(json), method: rest.method ?? 'POST' }),
    headers: { 'content-type': 'application/json', ...auth, ...(rest.headers as Record<string, string>) },
  });
}
async function ok<S extends z.ZodType>(
  response: Response | Promise<Response>,
  schema: S,
): Promise<z.output<S>> {
  const res = await response;
  const body = await res.json();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
  return schema.parse(body);
}
async function problem(response: Response | Promise<Response>, status: number): Promise<string> {
  const res = await response;
  expect(res.status).toBe(status);
  return ApiError.parse(await res.json()).error;
}

const OperatorAccount = z.object({ id: z.string(), referredBy: z.string().nullable() });
async function register(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const account = await ok(
      call('/operator/accounts', {
        json: { email: `r${i}@example.com`, displayName: `R${i}`, referralCode: DEMO_PARTNER.referralCode },
      }),
      OperatorAccount,
    );
    expect(account.referredBy).toBe(DEMO_PARTNER.id);
    ids.push(account.id);
  }
  return ids;
}
async function purchase(buyerId: string, sku: string, discountCents = 0) {
  return ok(
    call('/operator/purchases', { json: { buyerId, sku, discountCents } }),
    z.object({
      purchase: z.object({ id: z.number() }),
      commission: z.object({ amountCents: z.number() }).nullable(),
    }),
  );
}
/** 3 referrals and 297 $ available. */
async function funded(): Promise<string[]> {
  const ids = await register(3);
  await purchase(ids[0] as string, 'all-in-one-lifetime');
  return ids;
}
const paypal = { method: 'paypal', destination: 'partner@example.com' };

describe('partner endpoints answer on contract', () => {
  it('every GET matches its shared schema', async () => {
    const [a] = await funded();
    await purchase(a as string, 'crypto-1m', 1);
    await ok(call(accountsPaths.referrals), ReferralPage);
    const commissions = await ok(call(`${accountsPaths.commissions}?limit=1&type=earned`), CommissionPage);
    expect(commissions.items[0]?.amountCents).toBe(750);
    expect(commissions.nextCursor).not.toBeNull();
    const balance = await ok(call(accountsPaths.balance), Balance);
    expect(balance.availableCents).toBe(29_700 + 750);
    expect((await ok(call(accountsPaths.program), ProgramStatus)).withdrawal.eligible).toBe(true);
    expect((await ok(call(accountsPaths.terms), TermsInfo)).current).toMatchObject({
      version: 2,
      rateBp: 1500,
    });
    expect((await ok(call(accountsPaths.payoutMethods), PayoutMethods)).items.map((m) => m.id)).toEqual([
      'paypal',
      'usdt-trc20',
      'wire',
    ]);
    const catalog = await ok(call(accountsPaths.catalog), Catalog);
    expect(catalog.items.some((i) => i.sku === 'crypto-lifetime' && i.term === 'lifetime')).toBe(true);
    expect(await ok(call(accountsPaths.licenses), Licenses)).toEqual({ items: [] });
    await ok(call(accountsPaths.payouts), PayoutPage);
  });

  it('answers the earnings series in the asked time zone; an unknown zone is 400 with a reason', async () => {
    await funded();
    const utc = await ok(call(`${accountsPaths.earningsSeries}?bucket=day`), EarningsSeries);
    expect(utc.timeZone).toBe('UTC');
    const moscow = await ok(
      call(`${accountsPaths.earningsSeries}?bucket=month&tz=Europe/Moscow`),
      EarningsSeries,
    );
    expect(moscow.timeZone).toBe('Europe/Moscow');
    expect(moscow.points.map((point) => point.start.slice(10))).toEqual(['T21:00:00.000Z']);
    for (const tz of ['Mars/Olympus_Mons', '+03:00', '']) {
      const res = await call(`${accountsPaths.earningsSeries}?tz=${encodeURIComponent(tz)}`);
      expect(res.status).toBe(400);
      const body = ApiError.parse(await res.json());
      expect(body.error).toBe('invalid-query');
      expect(body.message).toMatch(/tz/u);
    }
  });

  it('bad queries, bodies and cursors are 400 with a reason', async () => {
    expect(await problem(call(`${accountsPaths.commissions}?limit=0`), 400)).toBe('invalid-query');
    expect(await problem(call(`${accountsPaths.commissions}?type=maybe`), 400)).toBe('invalid-query');
    expect(await problem(call(`${accountsPaths.referrals}?cursor=zzz`), 400)).toBe('bad-cursor');
    expect(await problem(call(accountsPaths.payouts, { method: 'POST', body: '{oops' }), 400)).toBe(
      'invalid-json',
    );
    const res = await call(accountsPaths.payouts, {
      json: { amountCents: 5_000, method: 'wire', destination: 'x' },
    });
    expect(res.status).toBe(400);
    expect(ApiError.parse(await res.json()).message).toMatch(/destination: A wire destination is an IBAN/);
    expect(await problem(call(accountsPaths.payouts, { json: { ...paypal, amountCents: 1.5 } }), 400)).toBe(
      'invalid-body',
    );
    expect(await problem(call(fillPath(accountsPaths.payout, { id: 'po_nope' })), 404)).toBe(
      'unknown-payout',
    );
    expect(await problem(call(accountsPaths.balance, { method: 'POST', json: {} }), 405)).toBe(
      'method-not-allowed',
    );
  });

  it('rule failures are 422/403/409 with stable codes', async () => {
    await register(1);
    expect(await problem(call(accountsPaths.payouts, { json: { ...paypal, amountCents: 5_000 } }), 422)).toBe(
      'not-enough-referrals',
    );
  });
});

describe('Idempotency-Key', () => {
  it('same key + same body → same payout; same key + other body → 409', async () => {
    await funded();
    const headers = { 'idempotency-key': 'payout-1' };
    const first = await call(accountsPaths.payouts, { headers, json: { ...paypal, amountCents: 5_000 } });
    expect(first.status).toBe(201);
    const payout = Payout.parse(await first.json());
    expect(first.headers.get('location')).toBe(`${accountsPaths.payouts}/${payout.id}`);
    const again = await call(accountsPaths.payouts, { headers, json: { amountCents: 5_000, ...paypal } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(Payout.parse(await again.json())).toEqual(payout);
    expect(
      await problem(call(accountsPaths.payouts, { headers, json: { ...paypal, amountCents: 6_000 } }), 409),
    ).toBe('idempotency-key-reused');
    expect((await ok(call(accountsPaths.balance), Balance)).reservedCents).toBe(5_000);
  });

  it('50 concurrent requests with one key create exactly one payout', async () => {
    await funded();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(accountsPaths.payouts, {
          headers: { 'idempotency-key': 'double-click' },
          json: { ...paypal, amountCents: 7_000 },
        }),
      ),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(bodies.map((b) => (b as { id: string }).id)).size).toBe(1);
    const page = await ok(call(accountsPaths.payouts), PayoutPage);
    expect(page.items).toHaveLength(1);
    expect((await ok(call(accountsPaths.balance), Balance)).reservedCents).toBe(7_000);
  });

  it('50 concurrent different requests never overdraw', async () => {
    await funded(); // 29 700 available
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(accountsPaths.payouts, {
          headers: { 'idempotency-key': `k-${i}` },
          json: { ...paypal, amountCents: 5_000 + i },
        }),
      ),
    );
    const accepted = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 422);
    expect(accepted.length + refused.length).toBe(50);
    const payouts = await Promise.all(accepted.map(async (r) => Payout.parse(await r.json())));
    const held = payouts.reduce((sum, p) => sum + p.amountCents, 0);
    expect(accepted.length).toBe(5); // 5 × ~50 $ fit in 297 $, a 6th never does
    expect(held).toBeLessThanOrEqual(29_700);
    const balance = await ok(call(accountsPaths.balance), Balance);
    expect(balance.availableCents).toBe(29_700 - held);
    expect(balance.availableCents).toBeGreaterThanOrEqual(0);
  });

  it('license credits follow the same rules', async () => {
    await funded();
    const headers = { 'idempotency-key': 'renew-crypto' };
    const one = await ok(call(accountsPaths.credits, { headers, json: { sku: 'crypto-1m' } }), Credit);
    const two = await ok(call(accountsPaths.credits, { headers, json: { sku: 'crypto-1m' } }), Credit);
    expect(two).toEqual(one);
    expect(await problem(call(accountsPaths.credits, { headers, json: { sku: 'crypto-3m' } }), 409)).toBe(
      'idempotency-key-reused',
    );
    const licenses = await ok(call(accountsPaths.licenses), Licenses);
    expect(licenses.items).toHaveLength(1);
    expect(await ok(call(fillPath(accountsPaths.credit, { id: one.id })), Credit)).toEqual(one);
  });

  it('a partial credit answers a checkout URL that the sandbox serves', async () => {
    const [a] = await register(1);
    await purchase(a as string, 'crypto-1m'); // 7.50 $
    const credit = await ok(call(accountsPaths.credits, { json: { sku: 'crypto-1m' } }), Credit);
    expect(credit).toMatchObject({ status: 'awaiting-payment', creditCents: 750, remainderCents: 4_250 });
    const page = await fetch(credit.checkoutUrl as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('42.50');
    const done = await ok(call(`/operator/credits/${credit.id}/complete`, { json: {} }), Credit);
    expect(done).toMatchObject({ status: 'applied', checkoutUrl: null });
  });
});

describe('ETag', () => {
  it('GETs carry an ETag; If-None-Match answers 304 until the data changes', async () => {
    const [a] = await funded();
    const first = await call(accountsPaths.commissions);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"/u);
    const same = await call(accountsPaths.commissions, { headers: { 'if-none-match': tag as string } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    await purchase(a as string, 'crypto-1m');
    const changed = await call(accountsPaths.commissions, { headers: { 'if-none-match': tag as string } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });
});

describe('ETag on every GET', () => {
  it('every GET of the contract answers 304 to its own ETag while nothing changed', async () => {
    await funded();
    const headers = { 'idempotency-key': 'etag-every-get-1' };
    const payout = Payout.parse(
      await (await call(accountsPaths.payouts, { headers, json: { ...paypal, amountCents: 5_000 } })).json(),
    );
    const params = { id: payout.id };
    const gets: string[] = [];
    for (const [name, template] of Object.entries(accountsPaths)) {
      if (name === 'events' || name === 'credit') continue; // the stream never ends; no credit filed here
      const path = fillPath(template, params);
      const first = await call(path);
      if (first.status === 405) continue; // not a GET resource
      expect(first.status, path).toBe(200);
      const tag = first.headers.get('etag');
      expect(tag, path).toMatch(/^"/u);
      const again = await call(path, { headers: { 'if-none-match': tag as string } });
      expect(again.status, `${path} answers 304 to its own ETag`).toBe(304);
      gets.push(name);
    }
    expect(gets).toEqual(expect.arrayContaining(['balance', 'profile', 'commissions', 'payouts', 'payout']));
  });

  it("the balance's asOf is when its figures last changed, so its ETag holds until they change", async () => {
    const [a] = await funded();
    const first = await call(accountsPaths.balance);
    const before = Balance.parse(await first.json());
    const tag = first.headers.get('etag') as string;
    expect((await call(accountsPaths.balance, { headers: { 'if-none-match': tag } })).status).toBe(304);
    await purchase(a as string, 'crypto-1m');
    const changed = await call(accountsPaths.balance, { headers: { 'if-none-match': tag } });
    expect(changed.status).toBe(200);
    const after = Balance.parse(await changed.json());
    expect(after.pendingCents + after.availableCents).toBeGreaterThan(
      before.pendingCents + before.availableCents,
    );
    expect(after.asOf > before.asOf).toBe(true);
  });
});

describe('event stream', () => {
  /** Reads SSE frames until `count` program events arrived. */
  async function readEvents(response: Response, count: number): Promise<ProgramEvent[]> {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const events: ProgramEvent[] = [];
    let buffer = '';
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        const id = /^id: (.*)$/mu.exec(frame)?.[1];
        if (id && data) {
          const event = ProgramEvent.parse(JSON.parse(data));
          expect(event.id).toBe(id);
          events.push(event);
        }
        end = buffer.indexOf('\n\n');
      }
    }
    await reader.cancel();
    return events;
  }

  it('pushes program events live and resumes after Last-Event-ID', async () => {
    const controller = new AbortController();
    const live = await call(accountsPaths.events, { signal: controller.signal });
    expect(live.headers.get('content-type')).toMatch(/text\/event-stream/u);
    const reading = readEvents(live, 4);
    const [a] = await funded();
    const received = await reading;
    expect(received.map((e) => e.type)).toEqual([
      'referral.registered',
      'referral.registered',
      'referral.registered',
      'commission.earned',
    ]);
    controller.abort();

    const payout = await ok(call(accountsPaths.payouts, { json: { ...paypal, amountCents: 5_000 } }), Payout);
    await ok(call(`/operator/payouts/${payout.id}/status`, { json: { status: 'processing' } }), Payout);
    await purchase(a as string, 'crypto-1m');
    await ok(call('/operator/purchases/1/refunds', { json: { amountCents: 100 } }), z.object({}).loose());
    await ok(
      call(`/operator/partners/${DEMO_PARTNER.id}/disqualify`, { json: { reason: 'test' } }),
      ProgramStatus,
    );
    await ok(
      call('/operator/terms', {
        json: { rateBp: 1000, minPayoutCents: 0, minReferrals: 0, holdDays: 0, summary: 'v3' },
      }),
      z.object({ version: z.literal(3) }).loose(),
    );

    const lastSeen = received.at(3)?.id as string;
    const resumed = await call(accountsPaths.events, { headers: { 'last-event-id': lastSeen } });
    const missed = await readEvents(resumed, 7);
    expect(missed.map((e) => e.type)).toEqual([
      'payout.status',
      'payout.status',
      'commission.earned',
      'commission.reversed',
      'payout.status', // the open payout is rejected on disqualification
      'partner.disqualified',
      'terms.published',
    ]);
    expect(Number(missed[0]?.id)).toBe(Number(lastSeen) + 1);
  });

  it('refuses a malformed Last-Event-ID', async () => {
    expect(await problem(call(accountsPaths.events, { headers: { 'last-event-id': 'abc' } }), 400)).toBe(
      'invalid-last-event-id',
    );
  });
});

describe('operator API', () => {
  it('is absent in standalone mode', async () => {
    const standalone = await startSandbox({ mode: 'standalone' });
    try {
      const res = await fetch(new URL('operator/purchases', standalone.url), { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    } finally {
      await standalone.close();
    }
  });

  it('seeds a large history through the real code paths', async () => {
    const res = await call('/operator/history', { json: { referrals: 20, purchases: 500 } });
    expect(res.status).toBe(201);
    const balance = await ok(call(accountsPaths.balance), Balance);
    expect(balance.earnedCents).toBeGreaterThan(0);
    const page = await ok(call(`${accountsPaths.commissions}?limit=500`), CommissionPage);
    expect(page.items).toHaveLength(500);
    expect(page.nextCursor).toBeNull();
    expect((await ok(call(accountsPaths.program), ProgramStatus)).referralsCount).toBe(20);
  });
});
