// `npm run start:web -- [--mode demo|link|server] [--port N] [--data-dir DIR] [--accounts-url URL]
//   [--no-keychain] [--sign-in-timeout S] [--notification-burst-ms MS] [-h|--help]`
// Runs the browser shell and prints the URL to open. Besides the human-readable text it prints
// KEY=value lines (COMPANION_URL, COMPANION_MODE, COMPANION_ACCOUNTS_URL) for scripts and tests.
// Environment: COMPANION_ACCOUNTS_URL (the default of --accounts-url), COMPANION_LOG_LEVEL
// (debug|warn|error; default info) and, for tests only, COMPANION_TEST_CRASH_AFTER_SEND (testCrashHook).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage } from '../../shared/error-message.ts';
import { CompanionMode } from '../../shared/settings.ts';
import { createMemorySecretStore, memoryOnlyNote } from '../core/secrets/secret-store.ts';
import { defaultDataDir } from './data-dir.ts';
import { startBrowserShell } from './server.ts';

const usage = [
  'Usage: npm run start:web -- [--mode demo|link|server] [--port N] [--data-dir DIR] [--accounts-url URL] [--no-keychain] [--sign-in-timeout S] [--notification-burst-ms MS] [-h|--help]',
  '  --mode          demo | link | server: skip the welcome (default: the saved choice, else the welcome asks)',
  '  --port          port on 127.0.0.1 (default: any free port)',
  `  --data-dir      where the companion keeps its files: settings, caches, logs, demo data (default: ${defaultDataDir()})`,
  '  --accounts-url  the accounts API base URL, implies server mode (default: $COMPANION_ACCOUNTS_URL)',
  '  --no-keychain   keep the sign-in in memory only, not in the OS keychain (tests, shared machines)',
  '  --sign-in-timeout  seconds a sign-in waits for the browser (default 300)',
  '  --notification-burst-ms  how long a burst of notices gathers into one summary (default 400)',
  '  -h, --help      this text',
].join('\n');

class UsageError extends Error {}

export interface CliOptions {
  port: number;
  dataDir: string;
  accountsUrl: string | undefined;
  mode?: CompanionMode;
  keychain: boolean;
  signInTimeoutMs?: number;
  notificationBurstMs?: number;
}

export function parseCliArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CliOptions | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      mode: { type: 'string' },
      'data-dir': { type: 'string' },
      'accounts-url': { type: 'string' },
      keychain: { type: 'boolean', default: true },
      'sign-in-timeout': { type: 'string' },
      'notification-burst-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
    allowNegative: true,
  });
  if (values.help) return 'help';
  if (!/^\d{1,5}$/u.test(values.port) || Number(values.port) > 65_535) {
    throw new UsageError(`--port must be a number in 0..65535, got "${values.port}".`);
  }
  const accountsUrl = values['accounts-url'] ?? (env.COMPANION_ACCOUNTS_URL?.trim() || undefined);
  if (accountsUrl !== undefined) {
    const parsed = URL.parse(accountsUrl);
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new UsageError(`The accounts URL must be an http(s) URL, got "${accountsUrl}".`);
    }
  }
  const mode = values.mode;
  if (mode !== undefined && !CompanionMode.options.includes(mode as CompanionMode)) {
    throw new UsageError(`--mode must be demo, link or server, got "${mode}".`);
  }
  if (mode === 'server' && accountsUrl === undefined) {
    throw new UsageError('--mode server needs --accounts-url URL (or COMPANION_ACCOUNTS_URL).');
  }
  if (mode !== undefined && mode !== 'server' && values['accounts-url'] !== undefined) {
    throw new UsageError(`--accounts-url means server mode; it cannot go with --mode ${mode}.`);
  }
  const timeout = values['sign-in-timeout'];
  if (timeout !== undefined && (!/^\d{1,5}$/u.test(timeout) || Number(timeout) < 1)) {
    throw new UsageError(`--sign-in-timeout must be a whole number of seconds, got "${timeout}".`);
  }
  const burst = values['notification-burst-ms'];
  if (burst !== undefined && (!/^\d{1,5}$/u.test(burst) || Number(burst) < 1)) {
    throw new UsageError(`--notification-burst-ms must be a whole number of milliseconds, got "${burst}".`);
  }
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && dataDir.trim() === '') throw new UsageError('--data-dir must not be empty.');
  return {
    port: Number(values.port),
    dataDir: resolve(dataDir ?? defaultDataDir(env)),
    accountsUrl,
    ...(mode === undefined ? {} : { mode: mode as CompanionMode }),
    keychain: values.keychain,
    ...(timeout === undefined ? {} : { signInTimeoutMs: Number(timeout) * 1000 }),
    ...(burst === undefined ? {} : { notificationBurstMs: Number(burst) }),
  };
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(errorMessage(error));
    console.error(usage);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(usage);
    return;
  }

  const crashAfter = testCrashHook(process.env);
  const logLevel = process.env.COMPANION_LOG_LEVEL?.trim();
  const shell = await startBrowserShell({
    ...options,
    // The log file is in DIR/logs; its lines also go to stderr here (stdout stays the KEY=value lines).
    logToConsole: true,
    ...(logLevel === 'debug' || logLevel === 'warn' || logLevel === 'error' ? { logLevel } : {}),
    ...(crashAfter ? { afterRequestSent: crashAfter } : {}),
    ...(options.keychain ? {} : { secrets: createMemorySecretStore(memoryOnlyNote(['--no-keychain'])) }),
  });
  const { info } = shell.companion;
  console.log(`Referral Companion for Quantower ${info.version}: browser shell`);
  console.log(
    info.mode === 'demo'
      ? `Demo mode: embedded sandbox at ${info.accountsUrl} (data in ${options.dataDir})`
      : info.mode === 'custom'
        ? `Accounts server: ${info.accountsUrl}`
        : info.mode === 'link'
          ? `Link mode: your own referral link, no accounts server (data in ${options.dataDir})`
          : 'No mode chosen yet: the page opens on the welcome (or start with --mode demo|link|server).',
  );
  console.log('Open this link in your browser (it holds a secret for this run only; do not share it):');
  console.log(`\n    ${shell.url}\n`);
  console.log('Press Ctrl+C to stop.');
  console.log(`Logs: ${join(options.dataDir, 'logs')} (COMPANION_LOG_LEVEL=debug for more)`);
  console.log(`COMPANION_URL=${shell.url}`);
  console.log(`COMPANION_MODE=${info.mode}`);
  // Empty in link mode and before a mode is chosen (no accounts server then).
  console.log(`COMPANION_ACCOUNTS_URL=${info.accountsUrl ?? ''}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the browser shell…`);
    shell.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * TEST ONLY: COMPANION_TEST_CRASH_AFTER_SEND=payout|credit makes the process exit right after the
 * accounts server answered such a request and before the outbox recorded the acknowledgement, so
 * end-to-end tests can check that a restart resends it with its key and files exactly one. Core
 * honours it only in demo mode (the embedded sandbox), never against a real accounts server.
 */
export function testCrashHook(env: NodeJS.ProcessEnv): ((kind: 'payout' | 'credit') => void) | undefined {
  const wanted = env.COMPANION_TEST_CRASH_AFTER_SEND?.trim();
  if (!wanted) return undefined;
  if (wanted !== 'payout' && wanted !== 'credit') {
    throw new UsageError(`COMPANION_TEST_CRASH_AFTER_SEND must be payout or credit, got "${wanted}".`);
  }
  console.warn(`TEST HOOK: exiting after the first ${wanted} request is sent, before it is acknowledged.`);
  return (kind) => {
    if (kind !== wanted) return;
    console.error(`TEST HOOK: ${kind} sent; exiting before the acknowledgement is recorded.`);
    process.exit(86);
  };
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(errorMessage(error));
    process.exit(1);
  });
}
