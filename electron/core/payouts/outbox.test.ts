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

  it('tells final refusals from failures worth retrying', () => {
    expect(isFinalRefusal(new AccountsError('http', 'x', 422))).toBe(true);
    expect(isFinalRefusal(new AccountsError('http', 'x', 409))).toBe(true);
    for (const status of [401, 408, 429, 500, 503])
      expect(isFinalRefusal(new AccountsError('http', 'x', status))).toBe(false);
    expect(isFinalRefusal(new AccountsError('timeout', 'x'))).toBe(false);
    expect(isFinalRefusal(new Error('x'))).toBe(false);
  });
});
