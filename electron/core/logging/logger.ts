// Core's logger port. Core and both shells log through it, each module under its own scope
// ('session', 'live', 'updates', …); the shells supply the implementation (file-logger.ts: pino
// into a rotating file in the data directory). Modules that predate it take a plain
// `log(message)` function: pass `logger.scope('name').warn`.

import { redactDetail, redactText } from './redact.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogMethod = (message: string, detail?: unknown) => void;

export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  /** A logger for one module; scopes nest as `parent.child`. */
  scope(name: string): Logger;
}

/** Writes nothing: for tests and callers that chose not to log. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  scope: () => silentLogger,
};

/** A logger that only prints to the console (the standalone sandbox, scripts). */
export function createConsoleLogger(level: LogLevel = 'info'): Logger {
  const order: readonly string[] = LOG_LEVELS;
  const wrap = (scope: string): Logger => {
    const method =
      (name: LogLevel) =>
      (message: string, detail?: unknown): void => {
        if (order.indexOf(name) < order.indexOf(level)) return;
        const tail = detail === undefined ? '' : ` — ${redactDetail(detail)}`;
        const prefix = scope ? `[${scope}] ` : '';
        (name === 'error' || name === 'warn' ? console.error : console.log)(
          `${prefix}${redactText(message)}${tail}`,
        );
      };
    return {
      debug: method('debug'),
      info: method('info'),
      warn: method('warn'),
      error: method('error'),
      scope: (name) => wrap(scope ? `${scope}.${name}` : name),
    };
  };
  return wrap('');
}

/**
 * Where a core module writes when no logger was injected (unit tests, tools): the console,
 * scrubbed like the file. startCompanion() injects a scoped logger into every module.
 */
export const consoleWarn = (message: string): void => createConsoleLogger('warn').warn(message);
