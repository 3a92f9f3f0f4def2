// The logger both shells use: pino, writing JSON lines into a size-rotated file in the data
// directory's `logs/` (rotating-file-stream: a plain Node stream, so it runs the same in Node,
// in Electron's main process and inside the asar, without pino's worker-thread transports), and
// readable lines on the console in development. Every message and detail passes redactText()
// first, here and only here.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createStream } from 'rotating-file-stream';
import type { Logger, LogLevel } from './logger.ts';
import { redactDetail, redactText } from './redact.ts';

export const LOG_FILE = 'companion.log';
/** Rotated at 1 MB, three old files kept: at most ~4 MB of logs. */
const ROTATE_SIZE = '1M';
const ROTATED_FILES = 3;
/** A line in a diagnostics report is cut here (a stack trace or a long answer says enough by then). */
const MAX_LINE = 400;

export interface FileLoggerOptions {
  /** The logs folder (the data directory's `logs/`). */
  dir: string;
  /** Default 'info'. */
  level?: LogLevel;
  /** Also print readable lines to stderr (development). Default false. */
  console?: boolean;
}

export interface FileLogger extends Logger {
  readonly dir: string;
  readonly file: string;
  /** The last `count` lines (this file and the one rotated before it), readable and scrubbed. */
  tail(count: number): Promise<string[]>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

interface LogRecord {
  time?: string;
  level?: string;
  scope?: string;
  msg?: string;
  detail?: string;
}

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  mkdirSync(options.dir, { recursive: true });
  const level = options.level ?? 'info';
  const file = createStream(LOG_FILE, { path: options.dir, size: ROTATE_SIZE, rotate: ROTATED_FILES });
  file.on('error', () => {
    // A full disk or a locked file must never take the companion down; logging just stops.
  });
  const streams: pino.StreamEntry[] = [{ level, stream: file }];
  if (options.console) streams.push({ level, stream: consoleStream() });
  const root = pino(
    {
      level,
      // No pid or host name: the host name is often the user's own name.
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(streams),
  );

  const wrap = (instance: pino.Logger, scope: string): Logger => {
    const method =
      (name: LogLevel) =>
      (message: string, detail?: unknown): void => {
        const fields = detail === undefined ? {} : { detail: redactDetail(detail) };
        instance[name](fields, redactText(message));
      };
    return {
      debug: method('debug'),
      info: method('info'),
      warn: method('warn'),
      error: method('error'),
      scope: (name) => {
        const child = scope ? `${scope}.${name}` : name;
        return wrap(root.child({ scope: child }), child);
      },
    };
  };
  const logger = wrap(root, '');
  const path = join(options.dir, LOG_FILE);
  let closing: Promise<void> | undefined;

  return {
    ...logger,
    dir: options.dir,
    file: path,
    async tail(count) {
      const current = await readLines(path);
      const older = current.length >= count ? [] : await readLines(`${path}.1`);
      return [...older, ...current].slice(-count).map(formatLine);
    },
    close() {
      closing ??= new Promise<void>((done) => {
        if (file.writableFinished || file.destroyed) return done();
        file.once('finish', () => done());
        file.once('error', () => done());
        file.end();
      });
      return closing;
    },
  };
}

async function readLines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch {
    return [];
  }
}

/** One JSON line as `time LEVEL [scope] message — detail`, scrubbed again (an older build wrote it). */
export function formatLine(line: string): string {
  let text: string;
  try {
    const record = JSON.parse(line) as LogRecord;
    const scope = record.scope ? ` [${record.scope}]` : '';
    const detail = record.detail ? ` — ${record.detail}` : '';
    text = `${record.time ?? '?'} ${(record.level ?? '?').toUpperCase()}${scope} ${record.msg ?? ''}${detail}`;
  } catch {
    text = line;
  }
  const scrubbed = redactText(text);
  return scrubbed.length > MAX_LINE ? `${scrubbed.slice(0, MAX_LINE - 1)}…` : scrubbed;
}

function consoleStream(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) process.stderr.write(`${formatLine(line)}\n`);
      done();
    },
  });
}
