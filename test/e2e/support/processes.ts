// Real child processes for the end-to-end tests: the browser shell's CLI and a standalone
// sandbox, started with this Node (process.execPath) exactly as a user would, and stopped by pid.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

export interface Running {
  /** KEY=value lines the process printed, and the whole output for error messages. */
  readonly lines: Record<string, string>;
  output(): string;
  stop(): Promise<void>;
  /** Settles with the exit code when the process ends, however it ends. */
  readonly exited: Promise<number | null>;
}

/** Starts a Node script and waits until it prints a line matching `ready`. */
async function startNodeProcess(
  script: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, COMPANION_ACCOUNTS_URL: '', ...env },
  });
  let output = '';
  const lines: Record<string, string> = {};
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const running: Running = {
    lines,
    output: () => output,
    stop: () => stopChild(child),
    exited,
  };
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${script} did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const match of output.matchAll(/^([A-Z_]+)=(.*)$/gmu))
        lines[match[1] as string] = match[2] as string;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return running;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export interface RunningShell extends Running {
  url: string;
  dataDir: string;
  origin: string;
  accountsUrl: string;
  mode: string;
}

export interface ShellProcessOptions {
  /** Reuse a data directory (a restart of the same shell). */
  dataDir?: string;
  /** Extra environment (test hooks). */
  env?: Record<string, string>;
  /** Keep the sign-in in the OS keychain: only inside scripts/with-secret-service.ts's private keyring. */
  keychain?: boolean;
  /**
   * `--mode` (issue 13). Default: demo, the mode these tests were written for, unless the args give
   * an accounts URL (server mode); null: no flag, so a fresh data directory opens on the welcome.
   */
  mode?: 'demo' | 'link' | 'server' | null;
}

/** `node electron/web/cli.ts --port 0 --data-dir <fresh temp dir> --no-keychain [...args]` */
export async function startShellProcess(
  args: string[] = [],
  options: ShellProcessOptions = {},
): Promise<RunningShell> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'companion-e2e-')));
  const mode = options.mode === undefined ? (args.includes('--accounts-url') ? null : 'demo') : options.mode;
  const running = await startNodeProcess(
    'electron/web/cli.ts',
    // Memory only by default: test sign-ins never reach the keychain of the machine running the tests.
    [
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...(mode ? ['--mode', mode] : []),
      ...(options.keychain ? [] : ['--no-keychain']),
      ...args,
    ],
    /^COMPANION_ACCOUNTS_URL=.*$/mu,
    options.env,
  );
  const url = running.lines.COMPANION_URL;
  const accountsUrl = running.lines.COMPANION_ACCOUNTS_URL;
  const shellMode = running.lines.COMPANION_MODE;
  // No accounts URL in link mode or before a mode is chosen (the line is printed empty).
  if (!url || accountsUrl === undefined || !shellMode) {
    await running.stop();
    throw new Error(`The browser shell did not print its URL:\n${running.output()}`);
  }
  return Object.assign(running, { url, dataDir, origin: new URL(url).origin, accountsUrl, mode: shellMode });
}

/** `node sandbox/cli.ts --port N --mode demo [--db FILE]` (a file keeps sign-ins across restarts) */
export function startSandboxProcess(port: number, db?: string): Promise<Running> {
  return startNodeProcess(
    'sandbox/cli.ts',
    ['--port', String(port), '--mode', 'demo', ...(db ? ['--db', db] : [])],
    /listening on/u,
  );
}

/** A port that was free a moment ago (for a server that is started later). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}
