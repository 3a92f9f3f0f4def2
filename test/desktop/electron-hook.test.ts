// The module hook serves the stand-in for `electron` (import and require) and nothing else.
// It runs in a child Node process: vitest's own module runner would bypass Node's hooks.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'electron-hook-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('serves the given object as electron to import and require, and leaves other modules alone', async () => {
  const hook = new URL('./electron-hook.ts', import.meta.url).href;
  const script = join(dir, 'probe.mts');
  await writeFile(
    script,
    [
      `import { installElectronHook } from ${JSON.stringify(hook)};`,
      "import { createRequire } from 'node:module';",
      "const stand = { app: { name: 'stand-in' }, Tray: class Tray {} };",
      'const remove = installElectronHook(stand);',
      "const imported = await import('electron');",
      "const required = createRequire(import.meta.url)('electron');",
      "const path = await import('node:path');",
      'console.log(JSON.stringify({',
      '  named: imported.app === stand.app && imported.Tray === stand.Tray,',
      '  byDefault: imported.default === stand,',
      '  required: required.app === stand.app,',
      "  other: typeof path.join === 'function',",
      '}));',
      'remove();',
    ].join('\n'),
  );
  const { stdout } = await run(process.execPath, [script], { cwd: dir });
  expect(JSON.parse(stdout)).toEqual({ named: true, byDefault: true, required: true, other: true });
});
