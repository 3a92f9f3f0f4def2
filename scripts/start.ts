// `npm start`: the companion's main job. On a desktop where Electron can run it builds and opens
// the Electron app (demo mode unless COMPANION_ACCOUNTS_URL is set). Where it cannot (no display,
// CI, no Electron binary), it says why in one line and serves the browser shell instead.
//
// Detection never loads the `electron` package: its index.js downloads the binary as a side effect.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/** Electron 45 fetches its binary on first use; fetch it here so a failure can fall back cleanly. */
function downloadElectron(electronDir: string): boolean {
  console.log('Electron is not downloaded yet: fetching it once (first run)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
  return result.status === 0;
}

/**
 * Runs an npm script with the npm that runs us; resolves with its exit code. The script runs in
 * its own process group so a signal reaches every process under it (npm, sh, node), not only npm.
 */
function runScript(script: string, args: string[]): Promise<number> {
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  const ownGroup = process.platform !== 'win32';
  const child = spawn(
    command,
    [...prefix, 'run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
    {
      stdio: 'inherit',
      detached: ownGroup,
      shell: !npmCli && process.platform === 'win32',
    },
  );
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
    // Stopped on the user's request (Ctrl+C, SIGTERM): npm itself may end by the signal; that is a clean stop.
    child.on('exit', (code, signal) => resolve(signal && stopRequested ? 0 : (code ?? 1)));
    child.on('error', (error) => {
      console.error(`Cannot run npm run ${script}: ${error.message}`);
      resolve(1);
    });
  });
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
    return runScript('start:electron', args);
  }
  console.log(`Electron cannot run here (${choice.reason}): serving the browser shell instead.`);
  return runScript('start:web', args);
}

if (import.meta.main) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
