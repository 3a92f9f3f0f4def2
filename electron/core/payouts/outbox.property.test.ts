// Property: whatever a trader does (file, retry, double click, dismiss) and whatever the server and
// the machine do (acknowledge, refuse for good or for now, lose the answer, crash between the
// answer and the acknowledgement, restart), the outbox on disk holds exactly the requests not yet
// acknowledged — none lost, none doubled — each under the key it was first filed with, and the
// server files each request at most once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountsError } from '../accounts-client.ts';
import { createOutbox, type Outbox, type RequestKind } from './outbox.ts';
import { openRequestsFile } from './requests-file.ts';

const OWNERS = ['demo|ann@example.com', 'demo|bob@example.com', 'https://accounts.example|ann'] as const;
const KINDS = ['payout', 'credit'] as const;

/**
 * How the server and the machine answer one send:
 * - ack: filed (or, for a key it knows, replayed) and answered;
 * - final: refused for good (bad input, rules) — a key the server already filed is replayed instead;
 * - retryable: never reached the server or refused for now (401, 408, 429, 5xx, network);
 * - lost: filed (or replayed), but the answer never arrives (timeout);
 * - crash: filed and answered, then the process dies before the acknowledgement is written.
 */
const ANSWERS = ['ack', 'final', 'retryable', 'lost', 'crash'] as const;
type Answer = (typeof ANSWERS)[number];
const answer = fc.constantFrom(...ANSWERS);
const RETRYABLE = [
  () => new AccountsError('http', 'Signed out.', 401),
  () => new AccountsError('http', 'Request timeout.', 408),
  () => new AccountsError('http', 'Too many requests.', 429),
  () => new AccountsError('http', 'Server error.', 500),
  () => new AccountsError('http', 'Unavailable.', 503),
  () => new AccountsError('network', 'unreachable'),
];
const FINAL = [
  () => new AccountsError('http', 'Below the minimum.', 422, 'below-minimum'),
  () => new AccountsError('http', 'Bad request.', 400),
  () => new AccountsError('http', 'Key reused with another body.', 409),
];

const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('file' as const),
      owner: fc.constantFrom(...OWNERS),
      kind: fc.constantFrom(...KINDS),
      amountCents: fc.integer({ min: 1, max: 1_000_000 }),
      answer,
      twice: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('refile' as const), pick: fc.nat(), answer }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('flush' as const),
      owner: fc.constantFrom(...OWNERS),
      answers: fc.array(answer, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dismiss' as const), pick: fc.nat() }) },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

interface ModelEntry {
  key: string;
  kind: RequestKind;
  owner: string;
  body: Record<string, unknown>;
  state: 'sending' | 'failed';
}

class Crash extends Error {}

describe('the request outbox, against a plain model', () => {
  it('keeps on disk exactly the unacknowledged requests, under their first key, through any run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), fc.nat(), async (steps, seed) => {
        const dir = mkdtempSync(join(tmpdir(), 'companion-outbox-model-'));
        try {
          await run(dir, steps, seed);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  });
});

async function run(dir: string, steps: readonly Step[], seed: number): Promise<void> {
  // The model: the outbox as a list in filing order, and what the server has filed, by key.
  const model: ModelEntry[] = [];
  const modelServer = new Map<string, Record<string, unknown>>();
  const issued = new Map<string, Record<string, unknown>>();

  // The fake server: files a key once and replays it after, like the sandbox. `script` is the
  // answer of each send in turn; it also records every key and body it receives.
  const server = new Map<string, { id: string; body: Record<string, unknown> }>();
  let script: Answer[] = [];
  let sends = 0;
  let variant = seed;
  const pickError = (list: (() => AccountsError)[]) => {
    variant += 1;
    return (list[variant % list.length] as () => AccountsError)();
  };
  // A crash ends the process: from then on nothing reaches the server or the disk.
  let crashed = false;
  const violations: string[] = [];
  const send = async (_kind: RequestKind, body: Record<string, unknown>, key: string) => {
    if (crashed) throw new Crash('the process is gone');
    const said = script[sends % script.length] ?? 'ack';
    sends += 1;
    // Never under a key the trader did not file, never with another body than the first.
    if (!issued.has(key)) violations.push(`sent under a key never filed: ${key}`);
    else if (!isDeepStrictEqual(body, issued.get(key))) violations.push(`${key} resent with another body`);
    const known = server.get(key);
    if (said === 'retryable') throw pickError(RETRYABLE);
    if (said === 'final' && !known) throw pickError(FINAL);
    const filed = known ?? { id: `id_${server.size + 1}`, body };
    server.set(key, filed);
    if (said === 'lost') throw new AccountsError('timeout', 'POST timed out.');
    if (said === 'crash') crashed = true;
    return { id: filed.id, replayed: known !== undefined };
  };
  const open = (): Outbox => {
    const file = openRequestsFile({ cwd: dir });
    return createOutbox({
      storage: {
        read: () => file.read(),
        write: (state) => {
          if (!crashed) file.write(state);
        },
      },
      send,
      afterSend: () => {
        if (crashed) throw new Crash('process killed');
      },
      log: () => undefined,
    });
  };
  let outbox = open();

  // What one send does to the model. `mode` is how the outbox sent it: a refusal met while the
  // trader waits (file) drops the request, one met on a resend (flush) marks it failed.
  const apply = (entry: ModelEntry, said: Answer, mode: 'file' | 'flush') => {
    const known = modelServer.has(entry.key);
    if (said === 'retryable') return;
    if (said === 'final' && !known) {
      if (mode === 'file') model.splice(model.indexOf(entry), 1);
      else entry.state = 'failed';
      return;
    }
    modelServer.set(entry.key, entry.body);
    if (said === 'ack' || said === 'final') model.splice(model.indexOf(entry), 1);
    // lost, crash: filed, but still unacknowledged on disk.
  };

  let nextKey = 0;
  for (const s of steps) {
    crashed = false;
    sends = 0;
    if (s.op === 'file') {
      const key = `key-${nextKey++}`;
      const body = { amountCents: s.amountCents, owner: s.owner, note: `request ${key}` };
      issued.set(key, body);
      script = [s.answer];
      const request = { key, kind: s.kind, owner: s.owner, body, amountCents: s.amountCents, label: key };
      // A double click files the same key twice at once: one send, one entry.
      const results = await Promise.allSettled(
        s.twice ? [outbox.file(request), outbox.file(request)] : [outbox.file(request)],
      );
      const entry: ModelEntry = { key, kind: s.kind, owner: s.owner, body, state: 'sending' };
      model.push(entry);
      apply(entry, s.answer, 'file');
      expect(sends).toBe(1);
      expectOutcome(results, s.answer, false);
    } else if (s.op === 'refile') {
      // Retrying a request still on disk (sending or refused): same key, same body.
      const entry = model[s.pick % Math.max(1, model.length)];
      if (!entry) continue;
      script = [s.answer];
      const request = {
        key: entry.key,
        kind: entry.kind,
        owner: entry.owner,
        body: entry.body,
        amountCents: entry.body.amountCents as number,
        label: entry.key,
      };
      const wasKnown = modelServer.has(entry.key);
      const results = await Promise.allSettled([outbox.file(request)]);
      entry.state = 'sending';
      apply(entry, s.answer, 'file');
      expect(sends).toBe(1);
      expectOutcome(results, s.answer, wasKnown);
    } else if (s.op === 'flush') {
      script = s.answers;
      const due = model.filter((e) => e.owner === s.owner && e.state === 'sending');
      let acknowledged = 0;
      let died = false;
      for (const [i, entry] of due.entries()) {
        if (died) break;
        const said = s.answers[i % s.answers.length] as Answer;
        const filedBefore = modelServer.has(entry.key);
        apply(entry, said, 'flush');
        if (said === 'ack' || (said === 'final' && filedBefore)) acknowledged += 1;
        // The crash kills the process: nothing after it is sent in this run.
        if (said === 'crash') died = true;
      }
      const count = await outbox.flush(s.owner);
      // After a crash nobody is told anything.
      if (!died) expect(count).toBe(acknowledged);
    } else if (s.op === 'dismiss') {
      const entry = model[s.pick % Math.max(1, model.length)];
      if (!entry) continue;
      // Only a refused request can be dismissed: one still sending may already have been filed.
      expect(outbox.dismiss(entry.key)).toBe(entry.state === 'failed');
      if (entry.state === 'failed') model.splice(model.indexOf(entry), 1);
    }
    expect(violations).toEqual([]);
    // A crash, or a quit, and the companion starts again on the same file.
    if (s.op === 'reopen' || crashed) {
      crashed = false;
      outbox = open();
    }

    // After every step: the file on disk is the model, entry for entry, in filing order.
    const onDisk = JSON.parse(readFileSync(join(dir, 'requests.json'), 'utf8')) as {
      entries: { key: string; kind: string; owner: string; body: unknown; state: string }[];
    };
    expect(
      onDisk.entries.map(({ key, kind, owner, body, state }) => ({ key, kind, owner, body, state })),
    ).toEqual(model.map(({ key, kind, owner, body, state }) => ({ key, kind, owner, body, state })));
    // What the trader sees per kind and account is that, filtered; "waiting" means something sending.
    for (const owner of OWNERS) {
      for (const kind of KINDS)
        expect(outbox.items(kind, owner).map((item) => [item.key, item.state])).toEqual(
          model.filter((e) => e.kind === kind && e.owner === owner).map((e) => [e.key, e.state]),
        );
      expect(outbox.pending(owner)).toBe(model.some((e) => e.owner === owner && e.state === 'sending'));
    }
    // The server filed each request at most once, with its first body.
    expect([...server].map(([key, filed]) => [key, filed.body])).toEqual([...modelServer]);
  }

  // In the end, once the server answers every resend, each request still waiting is filed exactly
  // once and leaves the outbox; only refusals the trader has not dismissed stay.
  script = ['ack'];
  outbox = open();
  for (const owner of OWNERS) await outbox.flush(owner);
  for (const entry of model.filter((e) => e.state === 'sending')) modelServer.set(entry.key, entry.body);
  for (const owner of OWNERS) expect(outbox.pending(owner)).toBe(false);
  const left = JSON.parse(readFileSync(join(dir, 'requests.json'), 'utf8')) as { entries: { key: string }[] };
  expect(left.entries.map((e) => e.key)).toEqual(model.filter((e) => e.state === 'failed').map((e) => e.key));
  expect(new Set(server.keys())).toEqual(new Set(modelServer.keys()));
  expect(server.size).toBe(new Set([...server.values()].map((filed) => filed.id)).size);
}

/** What the trader waiting on a file() (or two, on a double click) is told. */
function expectOutcome(results: PromiseSettledResult<unknown>[], said: Answer, filed: boolean) {
  for (const result of results) {
    if (said === 'ack' || (said === 'final' && filed))
      expect(result).toMatchObject({ status: 'fulfilled', value: { id: expect.any(String) } });
    else if (said === 'crash')
      expect(result).toMatchObject({ status: 'rejected', reason: expect.any(Crash) });
    else expect(result.status).toBe('rejected');
  }
}
