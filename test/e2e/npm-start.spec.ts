// `npm start` where Electron cannot run (no display here, none on CI): it says why in one line,
// serves the browser shell, prints its URL, and stops every process under it on SIGTERM.
// It runs in a copy of the project: npm start builds the bundle into out/, and the other worker's
// shells serve this project's out/, which must not be emptied and rebuilt under them.
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/fixtures.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** What a checkout does not hold: installed, built, or written by tests and tools. */
const NOT_SOURCES = new Set([
  'node_modules',
  'out',
  'dist',
  '.git',
  'test-results',
  'playwright-report',
  'reports',
]);
let child: ChildProcess | undefined;
let copy: string | undefined;

test.afterAll(async () => {
  if (child && child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  if (copy) await rm(copy, { recursive: true, force: true });
});

/** The project's sources in a temporary folder, with this project's node_modules linked in. */
async function projectCopy(): Promise<string> {
  const target = await mkdtemp(join(tmpdir(), 'companion-npm-start-project-'));
  await cp(projectRoot, target, {
    recursive: true,
    filter: (source) => {
      const top = relative(projectRoot, source).split(sep)[0] ?? '';
      return !NOT_SOURCES.has(top) && !top.startsWith('.stryker');
    },
  });
  await symlink(join(projectRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
  return target;
}

test('npm start falls back to the browser shell, says why, opens on the welcome, and stops cleanly', async ({
  page,
}) => {
  copy = await projectCopy();
  const dataDir = await mkdtemp(join(tmpdir(), 'companion-npm-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, COMPANION_ACCOUNTS_URL: '' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.COMPANION_SHELL;
  child = spawn(process.execPath, ['scripts/start.ts', '--data-dir', dataDir, '--no-keychain'], {
    cwd: copy,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^COMPANION_URL=(.+)$/mu.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child?.stdout?.on('data', onData);
    child?.stderr?.on('data', onData);
    child?.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  expect(output).toMatch(/^Electron cannot run here \((.+)\): serving the browser shell instead\.$/mu);

  // A fresh machine opens on the welcome; the demo is one click away (issue 13).
  await page.goto(url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('welcome-demo').click();
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByTestId('sign-in-button')).toBeVisible();

  const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  // The shell itself (a grandchild under npm) is gone too: its port no longer answers.
  await expect
    .poll(() =>
      fetch(url).then(
        () => 'answering',
        () => 'gone',
      ),
    )
    .toBe('gone');
});
