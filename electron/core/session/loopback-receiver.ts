// Receives the browser's redirect after sign-in (RFC 8252 §7.3): an HTTP listener on
// 127.0.0.1, port 0, one fixed path. It answers only the request that carries this attempt's
// state, holds the browser until the outcome is known, then redirects it to a small page on the
// same listener, so no code stays in the address bar or the history.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CALLBACK_PATH = '/callback';
const DONE_PATH = '/done';

export interface CallbackParams {
  code?: string | undefined;
  error?: string | undefined;
  errorDescription?: string | undefined;
  iss?: string | undefined;
}

export type FlowOutcome = 'signed-in' | 'denied' | 'failed';

export interface ReceivedCallback {
  params: CallbackParams;
  /** Sends the browser to the closing page for this outcome. */
  finish(outcome: FlowOutcome): void;
}

export interface LoopbackReceiver {
  /** http://127.0.0.1:PORT/callback */
  readonly redirectUri: string;
  /** The first callback with the expected state; rejects when closed first. */
  readonly callback: Promise<ReceivedCallback>;
  close(): Promise<void>;
}

export class ReceiverClosedError extends Error {
  override name = 'ReceiverClosedError';
}

/** How long the browser is held waiting for the outcome before it is sent on anyway. */
const HOLD_MS = 30_000;

export async function startLoopbackReceiver(options: { state: string }): Promise<LoopbackReceiver> {
  let resolveCallback!: (value: ReceivedCallback) => void;
  let rejectCallback!: (error: Error) => void;
  const callback = new Promise<ReceivedCallback>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // Nobody may be awaiting yet; an unobserved rejection must not crash the process.
  callback.catch(() => {});
  let received = false;
  let closed = false;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET') return text(res, 405, 'Method not allowed.');
    if (url.pathname === DONE_PATH) {
      page(res, 200, outcomePage(url.searchParams.get('outcome')));
      // The tab has its page; the listener has no more work.
      setImmediate(() => void close());
      return;
    }
    if (url.pathname !== CALLBACK_PATH) return text(res, 404, 'Not found.');
    const params = url.searchParams;
    // Only this attempt's answer counts; a stale tab from an earlier attempt cannot end it.
    if (received || params.getAll('state').length !== 1 || params.get('state') !== options.state) {
      return page(res, 400, stalePage());
    }
    received = true;
    let finished = false;
    const finish = (outcome: FlowOutcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(hold);
      res.writeHead(303, { location: `${DONE_PATH}?outcome=${outcome}`, 'cache-control': 'no-store' });
      res.end();
    };
    const hold = setTimeout(() => finish('failed'), HOLD_MS);
    hold.unref();
    resolveCallback({ params: readParams(params), finish });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    rejectCallback(new ReceiverClosedError('The sign-in listener was closed.'));
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, callback, close };
}

function readParams(params: URLSearchParams): CallbackParams {
  const one = (name: string) =>
    params.getAll(name).length === 1 ? (params.get(name) ?? undefined) : undefined;
  return {
    code: one('code'),
    error: one('error'),
    errorDescription: one('error_description'),
    iss: one('iss'),
  };
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function page(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

const outcomes: Record<FlowOutcome, { title: string; body: string }> = {
  'signed-in': {
    title: 'You are signed in',
    body: 'Return to the Referral Companion. You can close this tab.',
  },
  denied: {
    title: 'Sign-in cancelled',
    body: 'The Referral Companion was not signed in. You can close this tab.',
  },
  failed: {
    title: 'Sign-in did not complete',
    body: 'The Referral Companion shows what went wrong. You can close this tab.',
  },
};

function outcomePage(raw: string | null): string {
  const outcome = outcomes[(raw ?? 'failed') as FlowOutcome] ?? outcomes.failed;
  return html(outcome.title, outcome.body);
}

function stalePage(): string {
  return html(
    'This sign-in page is out of date',
    'It belongs to another sign-in attempt. Close this tab and use the one the Referral Companion opened last.',
  );
}

function html(title: string, body: string): string {
  // Fixed strings only: nothing from the request is echoed into the page.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#111827}</style>
</head><body><h1 data-testid="loopback-title">${title}</h1><p>${body}</p></body></html>`;
}
