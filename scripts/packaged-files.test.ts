// What an installer would contain, checked offline: the app is built (electron-vite) and packed
// by electron-builder itself (`--dir`, the step every installer target starts from) into a
// temporary copy of the project. Only Electron's own binaries are missing here, so an empty
// stand-in is passed as electronDist; the app.asar it writes is exactly what `files` matched.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const projectDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('electron-builder'));
const asar = createRequire(builderRequire.resolve('app-builder-lib'))('@electron/asar') as {
  listPackage(archive: string, options: object): string[];
  extractFile(archive: string, filename: string): Buffer;
};
const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** @electron/fuses' marker, and Electron's stock wire: RunAsNode, cookie encryption, NODE_OPTIONS,
 * --inspect, asar integrity, only-asar, browser V8 snapshot, file: privileges ('1' on, '0' off). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_FUSES = '10110001';

let work: string;
let archive: string;
let entries: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'packaged-files-'));
  const app = join(work, 'app');
  await mkdir(app);
  // A copy of what electron-builder reads, so parallel builds in the working tree don't interfere.
  for (const file of ['package.json', 'electron-builder.yml'])
    await cp(join(projectDir, file), join(app, file));
  await cp(join(projectDir, 'resources'), join(app, 'resources'), { recursive: true });
  await symlink(join(projectDir, 'node_modules'), join(app, 'node_modules'), 'dir');

  const electronVite = join(projectDir, 'node_modules/electron-vite/bin/electron-vite.js');
  await run(process.execPath, [electronVite, 'build', '--outDir', join(app, 'out')], { cwd: projectDir });
  // What `npm run build` adds: the pre-rendering module the app:// handler loads.
  const vite = join(projectDir, 'node_modules/vite/bin/vite.js');
  await run(
    process.execPath,
    [vite, 'build', '--config', 'renderer/vite.ssr.config.ts', '--outDir', join(app, 'out/renderer-server')],
    { cwd: projectDir },
  );

  const electronDist = join(work, 'electron-dist');
  await mkdir(join(electronDist, 'resources'), { recursive: true });
  // Only the fuse wire of a real binary (sentinel, version 1, length, Electron's defaults), so
  // electron-builder's `electronFuses` step has something to flip.
  await writeFile(join(electronDist, 'electron'), `${FUSE_SENTINEL}\x01\x08${STOCK_FUSES}`, { mode: 0o755 });
  await run(
    process.execPath,
    [
      builderRequire.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--projectDir',
      app,
      `--config.electronDist=${electronDist}`,
      // No Electron headers here; real builds keep npmRebuild on (docs/packaging.md).
      '--config.npmRebuild=false',
      `--config.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: app, env: { ...process.env, CI: 'true' } },
  );
  archive = join(work, 'dist/linux-unpacked/resources/app.asar');
  entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.split('\\').join('/'));
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const own = () => entries.filter((entry) => entry !== '/node_modules' && !entry.startsWith('/node_modules/'));

describe('the packaged app', () => {
  it('contains main, preload, renderer, tray icons and package.json', () => {
    expect(entries).toContain('/package.json');
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries).toContain('/out/renderer-server/render-first-paint.js');
    expect(entries.some((e) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(e))).toBe(true);
    expect(entries).toContain('/resources/icons/tray/template/normalTemplate.png');
    expect(entries).toContain('/resources/icons/tray/light/newEarnings.ico');
  });

  it('contains no sources, tests, source maps, configs or build-only resources', () => {
    const forbidden = own().filter(
      (entry) =>
        /\.(ts|tsx|mts|cts|map)$/.test(entry) ||
        /\.test\./.test(entry) ||
        /^\/(electron|renderer|shared|sandbox|scripts|test|docs|bench)(\/|$)/.test(entry) ||
        // The one PNG the app needs (the notification picture) is allowed; the other sizes are not.
        (/^\/resources\/(icon\.svg|installer\.nsh|icons\/(png|icon\.|manifest))/.test(entry) &&
          !['/resources/icons/png', '/resources/icons/png/256x256.png'].includes(entry)) ||
        /^\/(electron-builder\.yml|tsconfig|vitest|biome|playwright|electron\.vite)/.test(entry),
    );
    expect(forbidden).toEqual([]);
    expect(own().every((e) => /^\/(out|resources|package\.json)/.test(e))).toBe(true);
  });

  it('carries the production dependencies and none of the dev ones', () => {
    for (const name of Object.keys(packageJson.dependencies)) {
      expect(entries, name).toContain(`/node_modules/${name}/package.json`);
    }
    for (const name of Object.keys(packageJson.devDependencies)) {
      expect(entries, name).not.toContain(`/node_modules/${name}/package.json`);
    }
  });

  it('resolves every package the main bundle imports', async () => {
    const main = asar.extractFile(archive, 'out/main/index.js').toString('utf8');
    // Static imports and dynamic import("…") (keytar is loaded lazily).
    const imported = [
      ...main.matchAll(/^import\s[^'"]*["']([^'"]+)["']/gm),
      ...main.matchAll(/\bimport\(\s*["']([^'"]+)["']\s*\)/g),
    ].map((m) => m[1] as string);
    const packages = new Set(
      imported
        .filter((s) => !s.startsWith('node:') && !s.startsWith('.') && s !== 'electron')
        .map((s) =>
          s
            .split('/')
            .slice(0, s.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    );
    expect(packages.size).toBeGreaterThan(0);
    // The embedded demo sandbox's database is Node's builtin SQLite, imported, never bundled.
    expect(imported).toContain('node:sqlite');
    for (const name of packages) expect(entries, name).toContain(`/node_modules/${name}/package.json`);
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    const preload = asar.extractFile(archive, 'out/preload/index.cjs').toString('utf8');
    const required = new Set([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
  });

  it('packs keytar, an optional dependency, and leaves its import to run time', () => {
    expect(entries).toContain('/node_modules/keytar/package.json');
    const main = asar.extractFile(archive, 'out/main/index.js').toString('utf8');
    expect(main).toMatch(/\bimport\(\s*["']keytar["']\s*\)/);
  });

  it('has the hardening fuses flipped in the Electron binary', async () => {
    const binary = await readFile(join(work, 'dist/linux-unpacked/referral-companion'), 'latin1');
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    // RunAsNode off, cookies encrypted, NODE_OPTIONS and --inspect off, asar integrity and only-asar on.
    expect(binary.slice(at + 2, at + 2 + STOCK_FUSES.length)).toBe('01001101');
  });

  it('unpacks native modules and the notification picture next to the archive', async () => {
    expect(existsSync(join(`${archive}.unpacked`, 'resources/icons/png/256x256.png'))).toBe(true);
    const native = entries.filter((e) => e.endsWith('.node'));
    expect(native).toContain('/node_modules/keytar/build/Release/keytar.node');
    for (const file of native) expect(existsSync(join(`${archive}.unpacked`, file)), file).toBe(true);
    const packaged = JSON.parse(await readFile(join(work, 'app/package.json'), 'utf8')) as { main: string };
    expect(entries).toContain(`/${packaged.main}`);
  });
});
