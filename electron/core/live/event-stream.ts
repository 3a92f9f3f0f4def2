// Reads the accounts server's Server-Sent Events stream once, until it ends or fails. Reconnecting
// is the caller's policy (live-service.ts), which is why this is fetch + eventsource-parser and not
// the `eventsource` package: that one reconnects on its own fixed `retry`, where we need backoff
// with jitter, a switch to polling, pausing while offline, a fresh bearer token on every
// connection (and a renewal on 401), and the byte count for the idle-cost benchmark.
import { createParser } from 'eventsource-parser';
import { ProgramEvent } from '../../../shared/accounts-api.ts';

export type StreamFailureKind =
  | 'network' // could not connect, or the connection dropped
  | 'unauthorized' // 401
  | 'unsupported' // the server has no event stream (404/405/501, or not text/event-stream)
  | 'http'; // any other refusal

export class StreamFailure extends Error {
  override name = 'StreamFailure';
  readonly kind: StreamFailureKind;
  readonly status: number | undefined;
  constructor(kind: StreamFailureKind, message: string, status?: number) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

export interface ReadStreamOptions {
  /** The absolute URL of the events endpoint. */
  url: string;
  fetch: typeof fetch;
  token: string | undefined;
  /** Resume after this event (Last-Event-ID); absent: from now on. */
  lastEventId: string | undefined;
  signal: AbortSignal;
  /** The stream is open (HTTP 200, text/event-stream). */
  onOpen(): void;
  /** The server's position when the stream opened (the sandbox's `ready` event), for later resumes. */
  onReady(lastEventId: string): void;
  onEvent(event: ProgramEvent): void;
  /** An event that does not fit the contract: skipped (logged), its id still advances the cursor. */
  onInvalid(detail: string, id: string | undefined): void;
  /** Any traffic (events and keep-alive comments): proof the connection is alive. */
  onActivity?(): void;
}

const UNSUPPORTED = new Set([404, 405, 406, 501]);

/** Resolves when the server closes the stream or `signal` aborts; rejects with a StreamFailure. */
export async function readEventStream(options: ReadStreamOptions): Promise<void> {
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      headers: {
        accept: 'text/event-stream',
        'cache-control': 'no-cache',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.lastEventId ? { 'last-event-id': options.lastEventId } : {}),
      },
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) return;
    throw new StreamFailure('network', `The event stream cannot be reached: ${messageOf(error)}`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.startsWith('text/event-stream')) {
    await response.body?.cancel().catch(() => {});
    if (response.status === 401)
      throw new StreamFailure('unauthorized', 'The event stream needs a sign-in.', 401);
    if (UNSUPPORTED.has(response.status) || response.ok) {
      throw new StreamFailure(
        'unsupported',
        `No event stream here (HTTP ${response.status}, ${type || 'no type'}).`,
        response.status,
      );
    }
    throw new StreamFailure('http', `The event stream answered HTTP ${response.status}.`, response.status);
  }
  if (!response.body) throw new StreamFailure('network', 'The event stream has no body.');
  options.onOpen();

  const parser = createParser({
    onEvent(message) {
      options.onActivity?.();
      if (message.event === 'ready') {
        const ready = safeJson(message.data) as { lastEventId?: unknown } | undefined;
        if (typeof ready?.lastEventId === 'string') options.onReady(ready.lastEventId);
        return;
      }
      const parsed = ProgramEvent.safeParse(safeJson(message.data));
      if (parsed.success) options.onEvent(parsed.data);
      else options.onInvalid(`${message.event ?? 'message'}: ${parsed.error.message}`, message.id);
    },
    onComment: () => options.onActivity?.(),
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (options.signal.aborted) return;
    throw new StreamFailure('network', `The event stream dropped: ${messageOf(error)}`);
  } finally {
    reader.releaseLock();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error)
    return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
