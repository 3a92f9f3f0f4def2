// Runs a command inside its own D-Bus session with an unlocked, throwaway gnome-keyring, so the
// keychain tests use a real Secret Service (libsecret, as on a Linux desktop) and never touch the
// developer's own keyring. `node scripts/with-secret-service.ts vitest run`
//
// Without dbus-run-session/gnome-keyring (macOS, Windows, a bare Linux) the command runs as is
// and the Secret Service tests skip, except on CI (CI=true), where that is an error.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ISOLATED_SECRET_SERVICE_ENV = 'COMPANION_SECRET_SERVICE';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`with-secret-service: cannot run ${command}: ${error.message}`);
      resolve(127);
    });
  });
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('Usage: node scripts/with-secret-service.ts <command> [args…]');
    return 2;
  }
  const available =
    process.platform === 'linux' && onPath('dbus-run-session') && onPath('gnome-keyring-daemon');
  if (!available) {
    if (process.env.CI === 'true') {
      console.error(
        'with-secret-service: CI needs dbus-run-session and gnome-keyring-daemon (apt: dbus, gnome-keyring).',
      );
      return 1;
    }
    console.warn(
      'with-secret-service: no dbus-run-session/gnome-keyring here; the Secret Service tests will skip.',
    );
    return run(command, args, process.env);
  }
  const home = mkdtempSync(join(tmpdir(), 'companion-keyring-'));
  try {
    // The keyring lives in the throwaway XDG_DATA_HOME; the daemon is unlocked with a dummy
    // password from stdin and exits with the D-Bus session when the command ends.
    const script =
      'echo -n companion-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"';
    return await run('dbus-run-session', ['--', 'sh', '-c', script, 'sh', command, ...args], {
      ...process.env,
      XDG_DATA_HOME: home,
      [ISOLATED_SECRET_SERVICE_ENV]: 'isolated',
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

process.exitCode = await main();
