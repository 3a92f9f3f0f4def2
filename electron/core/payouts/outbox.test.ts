import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountsError } from '../accounts-client.ts';
import { createMemoryRequestsStorage, createOutbox, isFinalRefusal, type RequestsStorage } from './outbox.ts';
import { openRequestsFile } from './requests-file.ts';

const owner = 'demo|partner@example.com';
const request = (key = 'payout-1') => ({
  key,
  kind: 'payout' as const,
  owner,
  body: { amountCents: 5_000, method: 'paypal', destination: 'me@example.com' },
  amountCents: 5_000,
  label: 'PayPal',
});

/** A fake server that files each key once and replays it after, like the sandbox does. */
function fakeServer() {
  const filed = new Map<string, { id: string; body: unknown }>();
  const send = vi.fn(async (_kind: string, body: Record<string, unknown>, key: string) => {
    const known = filed.get(key);
    if (known) return { id: known.id, replayed: true };
    const id = `po_${filed.size + 1}`;
    filed.set(key, { id, body });
    return { id, replayed: false };
  });
  return { filed, send };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'companion-outbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the request outbox', () => {
  it('writes the entry with its key before sending, and removes it once acknowledged', async () => {
    const storage = openRequestsFile({ cwd: dir });
    let onDiskWhileSending: unknown;
    const outbox = createOutbox({
      storage,
      send: async () => {
        onDiskWhileSending = JSON.parse(readFileSync(storage.path, 'utf8'));
        return { id: 'po_1' };
      },
    });
    await expect(outbox.file(request())).resolves.toEqual({ id: 'po_1' });
    expect(onDiskWhileSending).toMatchObject({
      entries: [{ key: 'payout-1', state: 'sending', owner, body: request().body }],
    });
    expect(storage.read().entries).toEqual([]);
    expect(JSON.parse(readFileSync(storage.path, 'utf8')).entries).toEqual([]);
  });

  it('files once when the same key is submitted twice at once (double click)', async () => {
    const server = fakeServer();
    const outbox = createOutbox({ storage: createMemoryRequestsStorage(), send: server.send });
    const [a, b] = await Promise.all([outbox.file(request()), outbox.file(request())]);
    expect(a).toEqual(b);
    expect(server.send).toHaveBeenCalledOnce();
    expect(server.filed.size).toBe(1);
  });

  it('keeps a request whose answer was lost and resends it with the same key', async () => {
    const server = fakeServer();
    const storage = createMemoryRequestsStorage();
    // The server files it, but the answer never arrives (timeout).
    const flaky = vi.fn(async (kind: string, body: Record<string, unknown>, key: string) => {
      await server.send(kind, body, key);
      throw new AccountsError('timeout', 'POST /api/v1/payouts timed out.');
    });
    await expect(createOutbox({ storage, send: flaky }).file(request())).rejects.toThrow(/timed out/);
    expect(storage.read().entries).toMatchObject([
      { key: 'payout-1', state: 'sending', problem: /timed out/, problemCode: 'timeout' },
    ]);

    const later = createOutbox({ storage, send: server.send });
    await expect(later.flush(owner)).resolves.toBe(1);
    expect(server.send).toHaveBeenLastCalledWith('payout', request().body, 'payout-1');
    expect(server.filed.size).toBe(1);
    expect(storage.read().entries).toEqual([]);
  });

  it('survives a crash between the answer and the acknowledgement: the restart reconciles to one request', async () => {
    const server = fakeServer();
    const storage = openRequestsFile({ cwd: dir });
    const crashing = createOutbox({
      storage,
      send: server.send,
      afterSend: () => {
        throw new Error('process killed');
      },
    });
    await expect(crashing.file(request())).rejects.toThrow('process killed');
    expect(server.filed.size).toBe(1);

    // A new process opens the same file.
    const restarted = createOutbox({ storage: openRequestsFile({ cwd: dir }), send: server.send });
    expect(restarted.items('payout', owner)).toMatchObject([{ key: 'payout-1', state: 'sending' }]);
    await expect(restarted.flush(owner)).resolves.toBe(1);
    expect(server.send).toHaveBeenCalledTimes(2);
    await expect(server.send.mock.results[1]?.value).resolves.toEqual({ id: 'po_1', replayed: true });
    expect(server.filed.size).toBe(1);
    expect(restarted.items('payout', owner)).toEqual([]);
  });

  it('drops a request the server refuses while the user waits, and throws the reason', async () => {
    const storage = createMemoryRequestsStorage();
    const refusal = new AccountsError('http', 'The minimum withdrawal is 5000 cents.', 422, 'below-minimum');
    const outbox = createOutbox({ storage, send: async () => Promise.reject(refusal) });
    await expect(outbox.file(request())).rejects.toBe(refusal);
    expect(storage.read().entries).toEqual([]);
  });

  it('marks a resent request the server refuses as failed until the user dismisses it', async () => {
    const storage = createMemoryRequestsStorage();
    const first = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
    });
    await expect(first.file(request())).rejects.toThrow('unreachable');
    const refusal = new AccountsError('http', 'Only 100 cents are available.', 422, 'insufficient-balance');
    const later = createOutbox({ storage, send: async () => Promise.reject(refusal) });
    await expect(later.flush(owner)).resolves.toBe(0);
    expect(later.items('payout', owner)).toMatchObject([
      // The server's words are kept; the code is what the UI shows, in the user's language.
      { key: 'payout-1', state: 'failed', problem: 'Only 100 cents are available.', problemCode: 'rejected' },
    ]);
    expect(later.pending(owner)).toBe(false);
    expect(later.dismiss('payout-1')).toBe(true);
    expect(later.items('payout', owner)).toEqual([]);
  });

  it('never dismisses a request that may still have been filed', async () => {
    const storage = createMemoryRequestsStorage();
    const outbox = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
    });
    await expect(outbox.file(request())).rejects.toThrow();
    expect(outbox.dismiss('payout-1')).toBe(false);
    expect(outbox.pending(owner)).toBe(true);
  });

  it('resends only the requests of the account that filed them', async () => {
    const server = fakeServer();
    const storage: RequestsStorage = createMemoryRequestsStorage();
    await createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('http', 'Signed out.', 401)),
    })
      .file(request())
      .catch(() => undefined);
    const outbox = createOutbox({ storage, send: server.send });
    await expect(outbox.flush('demo|someone.else@example.com')).resolves.toBe(0);
    expect(server.send).not.toHaveBeenCalled();
    await expect(outbox.flush(owner)).resolves.toBe(1);
  });

  it('keeps the other waiting requests when one is acknowledged or refused', async () => {
    // A payout filed while a license credit is still being resent: whatever happens to one, the
    // other stays on disk and on screen.
    const storage = openRequestsFile({ cwd: dir });
    const down = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
    });
    const credit = { ...request('credit-1'), kind: 'credit' as const, label: 'crypto-1y' };
    await expect(down.file(credit)).rejects.toThrow('unreachable');
    await expect(down.file(request('payout-1'))).rejects.toThrow('unreachable');
    await expect(down.file(request('payout-2'))).rejects.toThrow('unreachable');

    const server = fakeServer();
    const up = createOutbox({ storage, send: server.send });
    // The second payout is acknowledged while the trader retries it: the others stay.
    await expect(up.file(request('payout-2'))).resolves.toEqual({ id: 'po_1', replayed: false });
    const onDisk = () =>
      (JSON.parse(readFileSync(storage.path, 'utf8')) as { entries: { key: string }[] }).entries.map(
        (e) => e.key,
      );
    expect(onDisk()).toEqual(['credit-1', 'payout-1']);
    expect(up.items('payout', owner).map((i) => i.key)).toEqual(['payout-1']);
    expect(up.items('credit', owner).map((i) => i.key)).toEqual(['credit-1']);

    // The first payout is refused for good while the trader waits: only it goes.
    const refusing = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('http', 'Below the minimum.', 422)),
    });
    await expect(refusing.file(request('payout-1'))).rejects.toThrow('Below the minimum.');
    expect(onDisk()).toEqual(['credit-1']);
    expect(refusing.pending(owner)).toBe(true);
  });

  it('resends only what is still sending, and a refusal on resend marks that one request alone', async () => {
    const storage = createMemoryRequestsStorage();
    const down = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
    });
    for (const key of ['payout-1', 'payout-2', 'payout-3'])
      await expect(down.file(request(key))).rejects.toThrow('unreachable');
    // The server refuses payout-2 for good, files the others.
    const sent: string[] = [];
    const outbox = createOutbox({
      storage,
      send: async (_kind, _body, key) => {
        sent.push(key);
        if (key === 'payout-2') throw new AccountsError('http', 'Only 100 cents are available.', 422);
        return { id: key };
      },
      log: () => undefined,
    });
    await expect(outbox.flush(owner)).resolves.toBe(2);
    expect(sent).toEqual(['payout-1', 'payout-2', 'payout-3']);
    expect(outbox.items('payout', owner)).toMatchObject([
      { key: 'payout-2', state: 'failed', problem: 'Only 100 cents are available.' },
    ]);
    // A refused request is not resent on its own: only the trader's retry sends it again.
    await expect(outbox.flush(owner)).resolves.toBe(0);
    expect(sent).toHaveLength(3);
  });

  it('retries a refused request under its first key, as one request, back to sending', async () => {
    const storage = createMemoryRequestsStorage();
    const refusal = new AccountsError('http', 'Only 100 cents are available.', 422, 'insufficient-balance');
    const network = new AccountsError('network', 'unreachable');
    let answer: Error | null = network;
    const sent: [string, unknown][] = [];
    const outbox = createOutbox({
      storage,
      send: async (_kind, body, key) => {
        sent.push([key, body]);
        if (answer) throw answer;
        return { id: 'po_1' };
      },
      log: () => undefined,
    });
    await expect(outbox.file(request())).rejects.toBe(network);
    answer = refusal;
    await outbox.flush(owner);
    expect(outbox.items('payout', owner)).toMatchObject([{ state: 'failed', problem: refusal.message }]);

    // The retry finds the network down again: the request is sending again, not failed, with the
    // new reason, and still one entry.
    answer = network;
    await expect(outbox.file(request())).rejects.toBe(network);
    expect(outbox.items('payout', owner)).toMatchObject([
      { key: 'payout-1', state: 'sending', problem: 'unreachable' },
    ]);
    expect(outbox.pending(owner)).toBe(true);
    expect(outbox.dismiss('payout-1')).toBe(false);

    answer = null;
    await expect(outbox.file(request())).resolves.toEqual({ id: 'po_1' });
    expect(sent.map(([key]) => key)).toEqual(['payout-1', 'payout-1', 'payout-1', 'payout-1']);
    expect(new Set(sent.map(([, body]) => JSON.stringify(body))).size).toBe(1);
    expect(storage.read().entries).toEqual([]);
  });

  it('shows a retried refusal as sending again, without the old reason, while it is under way', async () => {
    const storage = createMemoryRequestsStorage();
    // A refused entry, as a resend leaves it.
    storage.write({
      ...storage.read(),
      entries: [
        {
          ...request(),
          createdAt: '2026-11-21T12:00:00.000Z',
          state: 'failed',
          attempts: 1,
          problem: 'Refused.',
          problemCode: 'rejected',
        },
      ],
    });
    let release: (value: unknown) => void = () => undefined;
    const outbox = createOutbox({ storage, send: () => new Promise((resolve) => (release = resolve)) });
    const retry = outbox.file(request());
    expect(outbox.items('payout', owner)).toMatchObject([{ state: 'sending', problem: null }]);
    expect(outbox.pending(owner)).toBe(true);
    release({ id: 'po_1' });
    await expect(retry).resolves.toEqual({ id: 'po_1' });
    expect(outbox.items('payout', owner)).toEqual([]);
  });

  it('lists only the kind and the account asked for, with what the trader sees of each', async () => {
    const storage = createMemoryRequestsStorage();
    const outbox = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
      now: () => new Date('2026-11-21T12:00:00.000Z'),
    });
    const other = 'demo|someone.else@example.com';
    await outbox.file(request('payout-1')).catch(() => undefined);
    await outbox
      .file({ ...request('credit-1'), kind: 'credit', amountCents: 1_500, label: 'crypto-1y' })
      .catch(() => undefined);
    await outbox.file({ ...request('payout-2'), owner: other }).catch(() => undefined);
    expect(outbox.items('payout', owner)).toEqual([
      {
        key: 'payout-1',
        kind: 'payout',
        state: 'sending',
        amountCents: 5_000,
        label: 'PayPal',
        createdAt: '2026-11-21T12:00:00.000Z',
        problem: 'unreachable',
        // The kind of trouble, which the UI words (the server's text stays as detail).
        problemCode: 'unavailable',
      },
    ]);
    expect(outbox.items('credit', owner).map((i) => [i.key, i.amountCents, i.label])).toEqual([
      ['credit-1', 1_500, 'crypto-1y'],
    ]);
    expect(outbox.items('payout', other).map((i) => i.key)).toEqual(['payout-2']);
    expect(outbox.items('credit', other)).toEqual([]);
    // The body sent stays in core: the list shows no destination.
    expect(JSON.stringify(outbox.items('payout', owner))).not.toContain('me@example.com');
  });

  it('records on disk how often each request was tried (for support)', async () => {
    const storage = createMemoryRequestsStorage();
    const outbox = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
      log: () => undefined,
    });
    await outbox.file(request()).catch(() => undefined);
    expect(storage.read().entries[0]?.attempts).toBe(1);
    await outbox.flush(owner);
    await outbox.flush(owner);
    expect(storage.read().entries[0]).toMatchObject({ attempts: 3, state: 'sending' });
  });

  it('tells the screen whenever the outbox changes, with the kind that changed', async () => {
    const changes: string[] = [];
    const storage = createMemoryRequestsStorage();
    let answer: Error | null = new AccountsError('network', 'unreachable');
    const outbox = createOutbox({
      storage,
      send: async () => {
        if (answer) throw answer;
        return { id: 'x' };
      },
      onChange: (kind) => changes.push(kind),
      log: () => undefined,
    });
    const credit = { ...request('credit-1'), kind: 'credit' as const };
    await outbox.file(credit).catch(() => undefined);
    // Added, then the attempt's outcome.
    expect(changes).toEqual(['credit', 'credit']);
    answer = new AccountsError('http', 'Refused.', 422);
    await outbox.flush(owner);
    expect(changes).toEqual(['credit', 'credit', 'credit']);
    expect(outbox.dismiss('credit-1')).toBe(true);
    expect(changes).toEqual(['credit', 'credit', 'credit', 'credit']);
    answer = null;
    await outbox.file(request('payout-9'));
    expect(changes.slice(4)).toEqual(['payout', 'payout']);
  });

  it('logs why a resend did not get through, naming the request', async () => {
    const lines: string[] = [];
    const storage = createMemoryRequestsStorage();
    const outbox = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
      log: (line) => lines.push(line),
    });
    await outbox.file(request()).catch(() => undefined);
    expect(lines).toEqual([]);
    await outbox.flush(owner);
    expect(lines).toEqual(['Outbox: payout payout-1 not acknowledged yet: unreachable']);
  });

  it('a 400 met on a resend is final; 401, 408, 429 and 5xx are tried again', async () => {
    for (const [status, final] of [
      [400, true],
      [403, true],
      [404, true],
      [499, true],
      [401, false],
      [408, false],
      [429, false],
      [500, false],
      [502, false],
      [599, false],
    ] as const) {
      const storage = createMemoryRequestsStorage();
      await createOutbox({
        storage,
        send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
      })
        .file(request())
        .catch(() => undefined);
      const outbox = createOutbox({
        storage,
        send: async () => Promise.reject(new AccountsError('http', `HTTP ${status}`, status)),
        log: () => undefined,
      });
      await outbox.flush(owner);
      expect([status, outbox.items('payout', owner)[0]?.state]).toEqual([
        status,
        final ? 'failed' : 'sending',
      ]);
      expect(outbox.pending(owner)).toBe(!final);
    }
  });

  it('a 400 met while the trader waits drops the request; a 5xx keeps it', async () => {
    const refuse = (status: number) => async () =>
      Promise.reject(new AccountsError('http', `HTTP ${status}`, status));
    const bad = createOutbox({ storage: createMemoryRequestsStorage(), send: refuse(400) });
    await expect(bad.file(request())).rejects.toThrow('HTTP 400');
    expect(bad.items('payout', owner)).toEqual([]);
    const busy = createOutbox({ storage: createMemoryRequestsStorage(), send: refuse(503) });
    await expect(busy.file(request())).rejects.toThrow('HTTP 503');
    expect(busy.items('payout', owner)).toMatchObject([
      { key: 'payout-1', state: 'sending', problem: 'HTTP 503' },
    ]);
  });

  it("a resend at start joins the trader's own attempt still under way: one send", async () => {
    const storage = createMemoryRequestsStorage();
    let release: (value: unknown) => void = () => undefined;
    const send = vi.fn(() => new Promise((resolve) => (release = resolve)));
    const outbox = createOutbox({ storage, send });
    const filing = outbox.file(request());
    const resend = outbox.flush(owner);
    release({ id: 'po_1' });
    await expect(filing).resolves.toEqual({ id: 'po_1' });
    await expect(resend).resolves.toBe(1);
    expect(send).toHaveBeenCalledOnce();
    expect(storage.read().entries).toEqual([]);
  });

  it('a click that lands just as its request is acknowledged joins it and leaves nothing on disk', async () => {
    const storage = createMemoryRequestsStorage();
    const send = vi.fn(async () => ({ id: 'po_1' }));
    let late: Promise<unknown> | undefined;
    const outbox = createOutbox({
      storage,
      send,
      // The screen reacts to the acknowledgement, and the trader's second click arrives right then.
      onChange: () => {
        if (!late && storage.read().entries.length === 0) late = outbox.file(request());
      },
    });
    await expect(outbox.file(request())).resolves.toEqual({ id: 'po_1' });
    await expect(late).resolves.toEqual({ id: 'po_1' });
    expect(send).toHaveBeenCalledOnce();
    expect(storage.read().entries).toEqual([]);
  });

  it('keeps whatever a failed send gave as the reason, even when it is not an Error', async () => {
    const storage = createMemoryRequestsStorage();
    const outbox = createOutbox({ storage, send: async () => Promise.reject('proxy said no') });
    await expect(outbox.file(request())).rejects.toBe('proxy said no');
    expect(outbox.items('payout', owner)).toMatchObject([{ state: 'sending', problem: 'proxy said no' }]);
  });

  it('dates a request when it is filed, on the real clock unless one is given', async () => {
    const storage = createMemoryRequestsStorage();
    const before = Date.now();
    await createOutbox({ storage, send: async () => Promise.reject(new AccountsError('network', 'x')) })
      .file(request())
      .catch(() => undefined);
    const createdAt = Date.parse(storage.read().entries[0]?.createdAt ?? '');
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(Date.now());
  });

  it('logs a resend that did not get through to the console when no log is given', async () => {
    // The scrubbed console logger (logging/logger.ts) writes warnings to stderr (console.error).
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const storage = createMemoryRequestsStorage();
      const outbox = createOutbox({
        storage,
        send: async () => Promise.reject(new AccountsError('network', 'down')),
      });
      await outbox.file(request()).catch(() => undefined);
      await outbox.flush(owner);
      // Through the scrubbed console logger (logging/logger.ts): the line is in what it writes.
      expect(warn.mock.calls.flat().join(' ')).toContain(
        'Outbox: payout payout-1 not acknowledged yet: down',
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('dismisses the one refused request asked for, and keeps every other', async () => {
    const storage = createMemoryRequestsStorage();
    const down = createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
    });
    for (const key of ['payout-1', 'payout-2', 'payout-3'])
      await expect(down.file(request(key))).rejects.toThrow('unreachable');
    const refusing = createOutbox({
      storage,
      send: async (_kind, _body, key) => {
        if (key === 'payout-1') throw new AccountsError('network', 'unreachable');
        throw new AccountsError('http', 'Refused.', 422);
      },
      log: () => undefined,
    });
    await refusing.flush(owner);
    const states = () => refusing.items('payout', owner).map((i) => [i.key, i.state]);
    expect(states()).toEqual([
      ['payout-1', 'sending'],
      ['payout-2', 'failed'],
      ['payout-3', 'failed'],
    ]);
    // payout-1, first on disk, is still sending: dismissing payout-3 must find payout-3.
    expect(refusing.dismiss('payout-3')).toBe(true);
    expect(states()).toEqual([
      ['payout-1', 'sending'],
      ['payout-2', 'failed'],
    ]);
    expect(refusing.dismiss('no-such-key')).toBe(false);
    expect(refusing.dismiss('payout-1')).toBe(false);
    expect(states()).toHaveLength(2);
  });

  it('keeps the last reason of a request still sending while the trader retries it', async () => {
    const storage = createMemoryRequestsStorage();
    await createOutbox({
      storage,
      send: async () => Promise.reject(new AccountsError('network', 'unreachable')),
    })
      .file(request())
      .catch(() => undefined);
    let release: (value: unknown) => void = () => undefined;
    const outbox = createOutbox({ storage, send: () => new Promise((resolve) => (release = resolve)) });
    const retry = outbox.file(request());
    expect(outbox.items('payout', owner)).toMatchObject([{ state: 'sending', problem: 'unreachable' }]);
    release({ id: 'po_1' });
    await retry;
  });

  it('tells final refusals from failures worth retrying', () => {
    expect(isFinalRefusal(new AccountsError('http', 'x', 422))).toBe(true);
    expect(isFinalRefusal(new AccountsError('http', 'x', 409))).toBe(true);
    for (const status of [401, 408, 429, 500, 503])
      expect(isFinalRefusal(new AccountsError('http', 'x', status))).toBe(false);
    expect(isFinalRefusal(new AccountsError('http', 'x', 400))).toBe(true);
    expect(isFinalRefusal(new AccountsError('http', 'x', 499))).toBe(true);
    // Only a 4xx is a refusal: a redirect or another odd answer is worth another try.
    expect(isFinalRefusal(new AccountsError('http', 'x', 302))).toBe(false);
    expect(isFinalRefusal(new AccountsError('http', 'x', 399))).toBe(false);
    // An HTTP error without a status is the server's trouble, never final.
    expect(isFinalRefusal(new AccountsError('http', 'x'))).toBe(false);
    expect(isFinalRefusal(new AccountsError('timeout', 'x'))).toBe(false);
    // Only an HTTP answer is a refusal: a timeout or a network error carrying a status is not.
    expect(isFinalRefusal(new AccountsError('network', 'x', 422))).toBe(false);
    expect(isFinalRefusal(new Error('x'))).toBe(false);
  });
});
