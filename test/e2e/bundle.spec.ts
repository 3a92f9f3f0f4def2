// The UI bundle stays small and schema-free: the renderer validates nothing itself (core and the
// bridge client do), so zod must not reach it — one value import from a zod module of shared/
// would pull the whole library in. Read from the build the end-to-end run made (npm run test:e2e).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/fixtures.ts';

const assets = fileURLToPath(new URL('../../out/renderer/assets/', import.meta.url));

test('the renderer bundle carries no zod', async () => {
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const withZod: string[] = [];
  for (const name of scripts) {
    // zod 4's schemas keep their internals under `_zod`; its errors are ZodError.
    const text = await readFile(join(assets, name), 'utf8');
    if (/\b_zod\b|ZodError/u.test(text)) withZod.push(name);
  }
  expect(withZod).toEqual([]);
});
