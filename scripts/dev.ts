// `npm run dev`: the dev loop, both shells.
//  - Browser shell (always): builds once, then rebuilds the renderer, its pre-rendering module and
//    the shell's page script on every change (`vite build --watch`), and restarts the shell when
//    core, the shell, the sandbox, shared/ or a build output change (`node --watch-path`). Each start
//    prints a new URL with its own secret (the secret is per run by design: open the new one).
//  - Electron (where it can run, as `npm start` decides): `electron-vite dev --watch`, which reloads
//    the renderer and restarts main on change.
// Extra arguments go to the browser shell (e.g. `npm run dev -- --mode demo --port 5199`).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chooseShell, probeElectron } from './start.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];

function run(command: string, args: string[], label: string): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`dev: ${label} ended (${signal ?? code}); stopping the loop.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// One full build first, so the shell has a page to serve when it starts.
for (const script of ['build:renderer', 'build:web']) {
  const built = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const vite = ['node_modules/vite/bin/vite.js', 'build', '--watch', '--logLevel', 'warn', '--config'];
run(process.execPath, [...vite, 'renderer/vite.config.ts'], 'renderer build');
run(process.execPath, [...vite, 'renderer/vite.ssr.config.ts'], 'pre-rendering build');
run(process.execPath, [...vite, 'electron/web/vite.page.config.ts'], 'page script build');
const watched = [
  'electron/core',
  'electron/web',
  'shared',
  'sandbox',
  'out/renderer',
  'out/renderer-server',
  'out/web',
];
run(
  process.execPath,
  [...watched.map((path) => `--watch-path=${path}`), 'electron/web/cli.ts', ...process.argv.slice(2)],
  'browser shell',
);

const choice = chooseShell(probeElectron());
if (choice.shell === 'electron') {
  run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'dev', '--watch'], 'Electron');
} else {
  console.log(`dev: Electron is not started (${choice.reason}); the browser shell is.`);
}
