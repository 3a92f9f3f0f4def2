// `npm start`: the companion's main job. On a desktop where Electron can run it builds and opens
// the Electron app (demo mode unless COMPANION_ACCOUNTS_URL is set). Where it cannot (no display,
// CI, no Electron binary), it says why in one line and serves the browser shell instead; so it
// does when Electron starts and fails before its window is up (a missing library, the sandbox).
//
// Detection never loads the `electron` package: its index.js downloads the binary as a side effect.

import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { errorMessage } from '../shared/error-message.ts';

export type ShellChoice =
  | { shell: 'electron'; binary: string | undefined; reason: string }
  | { shell: 'browser'; reason: string };

export interface ElectronProbe {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** node_modules/electron, or undefined when the package is not installed. */
  electronDir: string | undefined;
  exists(path: string): boolean;
  readText(path: string): string | undefined;
}

/** Where the electron package keeps its binary, the same way its index.js finds it; or undefined. */
export function electronBinary(probe: ElectronProbe): string | undefined {
  if (!probe.electronDir) return undefined;
  const relative = probe.readText(join(probe.electronDir, 'path.txt'))?.trim();
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, relative || 'electron');
  if (!relative) return undefined;
  const binary = join(probe.electronDir, 'dist', relative);
  return probe.exists(binary) ? binary : undefined;
}

export function chooseShell(probe: ElectronProbe): ShellChoice {
  const forced = probe.env.COMPANION_SHELL?.trim();
  if (forced && forced !== 'electron' && forced !== 'browser') {
    throw new Error(`COMPANION_SHELL must be "electron" or "browser", got "${forced}".`);
  }
  if (forced === 'browser') return { shell: 'browser', reason: 'COMPANION_SHELL=browser' };
  if (!probe.electronDir) return { shell: 'browser', reason: 'the electron package is not installed' };
  const binary = electronBinary(probe);
  if (forced === 'electron') return { shell: 'electron', binary, reason: 'COMPANION_SHELL=electron' };
  if (probe.env.CI && probe.env.CI !== 'false') {
    return { shell: 'browser', reason: 'this is a CI run, with no desktop to open a window on' };
  }
  const needsDisplayServer = probe.platform !== 'win32' && probe.platform !== 'darwin';
  if (needsDisplayServer && !probe.env.DISPLAY && !probe.env.WAYLAND_DISPLAY) {
    return {
      shell: 'browser',
      reason: 'there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)',
    };
  }
  return { shell: 'electron', binary, reason: 'a desktop session is available' };
}

export function probeElectron(): ElectronProbe {
  let electronDir: string | undefined;
  try {
    electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    electronDir = undefined;
  }
  return {
    env: process.env,
    platform: process.platform,
    electronDir,
    exists: existsSync,
    readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** Set for the Electron app: the main process creates this file once its window is up (app.ts). */
export const STARTED_FILE_ENV = 'COMPANION_STARTED_FILE';

export interface ElectronRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The user stopped it (Ctrl+C, SIGTERM). */
  stopRequested: boolean;
  /** The app reported its window up (STARTED_FILE_ENV). */
  started: boolean;
  /** The end of what it wrote to stderr. */
  stderrTail: string;
}

export type AfterElectron = { action: 'exit'; code: number } | { action: 'fallback'; reason: string };

/**
 * What `npm start` does once Electron has ended. A stop the user asked for, a normal quit, or a
 * crash after the window was up ends `npm start` with Electron's code. An exit with an error
 * before the window came up is Electron failing to start on this machine: explain and fall back.
 */
export function afterElectron(run: ElectronRun, platform: NodeJS.Platform): AfterElectron {
  if (run.stopRequested) return { action: 'exit', code: 0 };
  if (run.code === 0) return { action: 'exit', code: 0 };
  if (run.started) return { action: 'exit', code: run.code ?? 1 };
  return { action: 'fallback', reason: explainElectronFailure(run, platform) };
}

/** Why Electron could not start, from its exit and what it printed, in one sentence. */
export function explainElectronFailure(
  run: Pick<ElectronRun, 'code' | 'signal' | 'stderrTail'>,
  platform: NodeJS.Platform,
): string {
  const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.code ?? 'unknown'}`;
  const err = run.stderrTail;
  const library = /error while loading shared libraries: ([^\s:]+)/u.exec(err)?.[1];
  if (library) {
    return `Electron ${how}: the system library ${library} is missing${
      platform === 'linux' ? ' (install it with your package manager, e.g. apt-get install)' : ''
    }`;
  }
  if (/SUID sandbox helper|setuid sandbox|No usable sandbox|unprivileged user namespaces?/iu.test(err)) {
    return `Electron ${how}: Chromium's sandbox could not start (Ubuntu 24.04+ restricts unprivileged user namespaces; see docs/packaging.md, "Linux")`;
  }
  if (
    /Missing X server|cannot open display|Failed to connect to Wayland display|Authorization required/iu.test(
      err,
    )
  ) {
    return `Electron ${how}: it could not open the display`;
  }
  if (/GPU process isn't usable|gpu_process_host|GPU process exited/iu.test(err)) {
    return `Electron ${how}: its GPU process failed (try: npm run start:electron -- --disable-gpu)`;
  }
  if (/electron-vite|Build failed|error during build/iu.test(err)) {
    return `the Electron build failed (${how}); see the errors above`;
  }
  return `Electron ${how} before its window opened; see its output above`;
}

/** Electron 45 fetches its binary on first use; fetch it here so a failure can fall back cleanly. */
function downloadElectron(electronDir: string): boolean {
  console.log('Electron is not downloaded yet: fetching it once (first run)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
  return result.status === 0;
}

interface ScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stopRequested: boolean;
  stderrTail: string;
}

/** How much of a script's stderr is kept to explain a failure. */
const STDERR_TAIL = 16_000;

/**
 * Runs an npm script with the npm that runs us. The script runs in its own process group so a
 * signal reaches every process under it (npm, sh, node), not only npm. With captureStderr its
 * stderr is passed through and its end kept (to say why Electron failed).
 */
function runScript(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; captureStderr?: boolean } = {},
): Promise<ScriptRun> {
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  const ownGroup = process.platform !== 'win32';
  const child = spawn(
    command,
    [...prefix, 'run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
    {
      // Piped only where a failure is explained from it (it is passed through as it comes).
      stdio: ['inherit', 'inherit', options.captureStderr ? 'pipe' : 'inherit'],
      detached: ownGroup,
      shell: !npmCli && process.platform === 'win32',
      env: options.env ?? process.env,
    },
  );
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
  });
  let stopRequested = false;
  const forward = (signal: NodeJS.Signals) => {
    stopRequested = true;
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      if (ownGroup) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // Already gone.
    }
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  return new Promise((resolve) => {
    const done = (run: Omit<ScriptRun, 'stderrTail' | 'stopRequested'>) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      process.off('SIGHUP', forward);
      resolve({ ...run, stopRequested, stderrTail });
    };
    child.on('exit', (code, signal) => done({ code, signal }));
    child.on('error', (error) => {
      console.error(`Cannot run npm run ${script}: ${error.message}`);
      done({ code: 1, signal: null });
    });
  });
}

/** A script's exit as a process exit code; a stop the user asked for is a clean stop. */
function exitCode(run: ScriptRun): number {
  return run.signal && run.stopRequested ? 0 : (run.code ?? 1);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const probe = probeElectron();
  let choice = chooseShell(probe);
  if (choice.shell === 'electron' && !choice.binary && probe.electronDir) {
    if (!downloadElectron(probe.electronDir)) {
      choice = { shell: 'browser', reason: "Electron's binary could not be downloaded" };
    }
  }
  if (choice.shell === 'electron') {
    console.log(`Starting the Electron app (${choice.reason}).`);
    const startedFile = join(tmpdir(), `companion-started-${process.pid}-${randomUUID()}`);
    const run = await runScript('start:electron', args, {
      env: { ...process.env, [STARTED_FILE_ENV]: startedFile },
      captureStderr: true,
    });
    const started = existsSync(startedFile);
    rmSync(startedFile, { force: true });
    const next = afterElectron({ ...run, started }, process.platform);
    if (next.action === 'exit') return next.code;
    console.log(`\nElectron could not start: ${next.reason}.`);
    console.log('Serving the browser shell instead (COMPANION_SHELL=browser npm start goes there directly).');
    return exitCode(await runScript('start:web', args));
  }
  console.log(`Electron cannot run here (${choice.reason}): serving the browser shell instead.`);
  return exitCode(await runScript('start:web', args));
}

if (import.meta.main) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(errorMessage(error));
      process.exit(1);
    },
  );
}
