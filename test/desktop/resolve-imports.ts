// Loads every module the built app imports, from inside the extracted package, with Node's own
// resolver, and fails when anything resolves outside the package (or not at all).
//
//   node test/desktop/resolve-imports.ts <extracted app.asar>
//
// The import specifiers are read from the bundles (out/main, out/renderer-server: ESM; the
// preload: CommonJS); each is then imported from a probe file beside the bundle, so Node resolves
// it exactly as the bundle would and loads the package's own dependencies transitively. A hook
// records every resolution on the way. 'electron' and node: builtins are the runtime's own.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire, isBuiltin, registerHooks } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installElectronHook } from './electron-hook.ts';
import { createStrictElectron } from './strict-electron.ts';

const appDir = resolve(process.argv[2] ?? '');
const problems: string[] = [];
const seen = new Set<string>();

// Loading keytar or conf must never reach a real `electron`.
installElectronHook(createStrictElectron({ platform: 'linux', dataDir: appDir }).electron);

const inside = (path: string) => {
  const rel = relative(appDir, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
};

registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    if (result.url.startsWith('file:')) {
      const path = fileURLToPath(result.url);
      seen.add(path);
      if (!inside(path))
        problems.push(
          `${specifier} (from ${context.parentURL ?? '?'}) resolved outside the package: ${path}`,
        );
    }
    return result;
  },
});

/** import … from '…', export … from '…' (static) and import('…') (lazy) in a built ESM bundle. */
function esmSpecifiers(code: string): { specifier: string; lazy: boolean }[] {
  const all = (pattern: RegExp, lazy: boolean) =>
    [...code.matchAll(pattern)].map((match) => ({ specifier: match[1] as string, lazy }));
  return [
    ...all(/^\s*(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']/gm, false),
    ...all(/^\s*import\s*["']([^"']+)["']/gm, false),
    ...all(/\bimport\(\s*["']([^"']+)["']\s*\)/g, true),
  ];
}

const runtime = (specifier: string) => specifier === 'electron' || isBuiltin(specifier);

/** An optional dependency (keytar) may be absent where it could not be built: the app falls back. */
const manifest = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as {
  optionalDependencies?: Record<string, string>;
};
const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const notes: string[] = [];

let probes = 0;
async function importFrom(bundle: string, specifier: string, lazy: boolean) {
  const probe = join(dirname(bundle), `.verify-probe-${probes++}.mjs`);
  await writeFile(probe, `export * from ${JSON.stringify(specifier)};\n`);
  try {
    await import(pathToFileURL(probe).href);
  } catch (error) {
    const absent =
      (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' &&
      !existsSync(join(appDir, 'node_modules', packageOf(specifier)));
    if (lazy && absent && optional.has(packageOf(specifier))) {
      notes.push(`${specifier}: optional and absent from this build (loaded lazily; the app falls back)`);
      return;
    }
    problems.push(
      `${specifier} (imported by ${relative(appDir, bundle)}): ${(error as Error).message.split('\n')[0]}`,
    );
  } finally {
    await rm(probe, { force: true });
  }
}

const checked: string[] = [];
for (const folder of ['out/main', 'out/renderer-server']) {
  for (const name of await readdir(join(appDir, folder), { recursive: true })) {
    if (!/\.(m?js)$/.test(name) || name.includes('.verify-probe-')) continue;
    const bundle = join(appDir, folder, name);
    for (const { specifier, lazy } of esmSpecifiers(await readFile(bundle, 'utf8'))) {
      if (runtime(specifier)) continue;
      checked.push(specifier);
      await importFrom(bundle, specifier, lazy);
    }
  }
}
for (const name of await readdir(join(appDir, 'out/preload'))) {
  if (!name.endsWith('.cjs')) continue;
  const bundle = join(appDir, 'out/preload', name);
  const code = await readFile(bundle, 'utf8');
  for (const [, specifier] of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    if (!specifier || runtime(specifier)) continue;
    checked.push(specifier);
    try {
      const found = createRequire(bundle).resolve(specifier);
      if (!inside(found)) problems.push(`${specifier} (preload) resolved outside the package: ${found}`);
    } catch (error) {
      problems.push(`${specifier} (preload): ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

const packages = new Set(
  [...seen].flatMap((path) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(relative(appDir, path).split(sep).join('/'));
    return match ? [match[1]] : [];
  }),
);
console.log(
  `${new Set(checked).size} specifiers from the bundles; ${seen.size} files resolved, from ${packages.size} packages: ${[...packages].sort().join(', ')}`,
);
for (const note of notes) console.log(`note: ${note}`);
if (problems.length) {
  console.log(problems.join('\n'));
  process.exitCode = 1;
}
