// `npm run verify:desktop`: proof of the desktop app without an Electron binary (docs/packaging.md,
// "What is checked without Electron"). Builds, packs with electron-builder (--dir, a stand-in
// Electron distribution), then:
//  1. package: every import of out/main, the preload and the pre-rendering module resolves inside
//     the extracted app.asar with Node's own resolver (loaded for real); `.node` files are
//     unpacked; every image path the code names exists in the package; Electron fuses are set;
//  2. main: out/main/index.js boots under a strict stand-in for `electron` on win32, darwin and
//     linux: start → window → tray → second instance → quit (boot-main.ts);
//  3. preload: out/preload/index.cjs runs as a sandboxed preload and exposes exactly the bridge.
// Exit code 1 when anything fails; every failure is listed with the rule it broke.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BootMode, BootReport } from './boot-main.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
// asar and fuses are electron-builder's own (through app-builder-lib), wherever npm placed them.
const builderRequire = createRequire(
  createRequire(require.resolve('electron-builder')).resolve('app-builder-lib'),
);
const ELECTRON_VERSION = (
  JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface Result {
  check: string;
  ok: boolean;
  detail: string;
}
const results: Result[] = [];
const started = Date.now();
const keep = process.argv.includes('--keep');

function report(check: string, ok: boolean, detail = '', always = false) {
  results.push({ check, ok, detail });
  const shown = detail && (!ok || always) ? `\n    ${detail.split('\n').join('\n    ')}` : '';
  console.log(`${ok ? '✓' : '✗'} ${check}${shown}`);
}

async function section<T>(title: string, body: () => Promise<T>): Promise<T | undefined> {
  console.log(`\n== ${title}`);
  try {
    return await body();
  } catch (error) {
    report(title, false, error instanceof Error ? (error.stack ?? error.message) : String(error));
    return undefined;
  }
}

const work = await mkdtemp(join(tmpdir(), 'verify-desktop-'));

// ---- build and pack --------------------------------------------------------------------------
const packed = await section('build and pack (electron-builder --dir, stand-in Electron)', async () => {
  // electron-builder collects production dependencies from node_modules: a link to another
  // checkout's packs that one's tree, so the package would prove nothing about this one.
  if ((await lstat(join(root, 'node_modules'))).isSymbolicLink())
    throw new Error(
      'node_modules is a symbolic link: run `rm node_modules && npm ci` in this checkout first.',
    );
  await run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
  });
  await run(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.ssr.config.ts'],
    { cwd: root },
  );
  const electronDist = await standInElectronDist(join(work, 'electron-dist'));
  const output = join(work, 'dist');
  await run(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--projectDir',
      root,
      `--config.electronDist=${electronDist}`,
      `--config.electronVersion=${ELECTRON_VERSION}`,
      // No Electron headers or network here; real builds keep npmRebuild on (docs/packaging.md).
      '--config.npmRebuild=false',
      `--config.directories.output=${output}`,
    ],
    { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 32 * 1024 * 1024 },
  );
  const resources = join(output, 'linux-unpacked/resources');
  const archive = join(resources, 'app.asar');
  const asar = builderRequire('@electron/asar') as {
    extractAll(archive: string, dest: string): void;
    listPackage(archive: string, options: object): string[];
    statFile(archive: string, filename: string): { unpacked?: boolean };
  };
  const appDir = join(work, 'app');
  asar.extractAll(archive, appDir);
  report('packed and extracted', true);
  return { archive, appDir, asar, binary: join(output, 'linux-unpacked', 'referral-companion') };
});

/** Empty files named like an Electron Linux distribution; the binary carries a fuse wire. */
async function standInElectronDist(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const empty = [
    'LICENSE',
    'LICENSES.chromium.html',
    'chrome_100_percent.pak',
    'chrome_200_percent.pak',
    'icudtl.dat',
    'resources.pak',
    'snapshot_blob.bin',
    'v8_context_snapshot.bin',
    'libffmpeg.so',
    'chrome-sandbox',
    'chrome_crashpad_handler',
  ];
  for (const name of empty) await writeFile(join(dir, name), '');
  await writeFile(join(dir, 'version'), ELECTRON_VERSION);
  // @electron/fuses finds the wire after this sentinel: version 1, length 8, Electron 45's defaults
  // (RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off,
  // only-from-asar off, browser V8 snapshot off, file:// privileges on).
  const wire = Buffer.concat([
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, 8]),
    Buffer.from('10110001'),
  ]);
  await writeFile(join(dir, 'electron'), wire, { mode: 0o755 });
  return dir;
}

// ---- 1. the package ----------------------------------------------------------------------------
if (packed) {
  await section('1. package: imports, native modules, images, fuses', async () => {
    const { appDir, archive, asar } = packed;

    // Every import resolves inside the extracted tree: loaded for real, in a child process that
    // records each resolution (a module found outside the package would load here but not there).
    const resolved = await run(process.execPath, [join(root, 'test/desktop/resolve-imports.ts'), appDir], {
      cwd: work,
      maxBuffer: 32 * 1024 * 1024,
    }).then(
      (out) => ({ ok: true, text: out.stdout }),
      (error: { stdout?: string; stderr?: string; message: string }) => ({
        ok: false,
        text: `${error.stdout ?? ''}${error.stderr ?? error.message}`,
      }),
    );
    report(
      'every import of out/main, out/preload and out/renderer-server resolves inside the package',
      resolved.ok,
      resolved.text.trim(),
      true,
    );

    const entries = asar.listPackage(archive, { isPack: false }).map((entry) => entry.split('\\').join('/'));
    const native = entries.filter((entry) => entry.endsWith('.node'));
    const packedInside = native.filter((entry) => !asar.statFile(archive, entry.slice(1)).unpacked);
    const missing = native.filter((entry) => !existsSync(join(`${archive}.unpacked`, entry)));
    // Every production (or optional) dependency built here with a native part is in the package.
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const builtHere = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }).filter(
      (name) => existsSync(join(root, 'node_modules', name, 'build/Release')),
    );
    const notPacked = builtHere.filter(
      (name) => !native.some((entry) => entry.startsWith(`/node_modules/${name}/`)),
    );
    report(
      `native modules are unpacked (${native.join(', ') || 'none'})`,
      packedInside.length === 0 && missing.length === 0 && notPacked.length === 0,
      [
        ...packedInside.map((e) => `inside the asar: ${e}`),
        ...missing.map((e) => `not in app.asar.unpacked: ${e}`),
        ...notPacked.map((name) => `${name} is built here but its .node is not in the package`),
      ].join('\n'),
    );

    // Fuses (electron-builder's electronFuses): what the issue's hardening asks for.
    const { getCurrentFuseWire, FuseV1Options } = builderRequire(
      '@electron/fuses',
    ) as typeof import('@electron/fuses');
    // The wire holds ASCII '0' (off) and '1' (on) per fuse (@electron/fuses, FuseState).
    const [OFF, ON] = [0x30, 0x31];
    const wire = (await getCurrentFuseWire(packed.binary)) as unknown as Record<number, number>;
    const wanted: [number, number][] = [
      [FuseV1Options.RunAsNode, OFF],
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable, OFF],
      [FuseV1Options.EnableNodeCliInspectArguments, OFF],
      [FuseV1Options.EnableCookieEncryption, ON],
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, ON],
      [FuseV1Options.OnlyLoadAppFromAsar, ON],
    ];
    const wrong = wanted
      .filter(([fuse, state]) => wire[fuse] !== state)
      .map(([fuse, state]) => `${FuseV1Options[fuse]} should be ${state === ON ? 'on' : 'off'}`);
    report(
      '[fuses] Electron fuses harden the packaged binary (electronFuses)',
      wrong.length === 0,
      wrong.join('\n'),
    );
    return appDir;
  });
}

// ---- 2. main, booted per platform --------------------------------------------------------------
const images = new Set<string>();
if (packed) {
  await section('2. main process under the strict stand-in (win32, darwin, linux)', async () => {
    const runs: [string, BootMode][] = [
      ['win32', 'primary'],
      ['darwin', 'primary'],
      ['linux', 'primary'],
      ['win32', 'second'],
      ['darwin', 'second'],
      ['linux', 'second'],
      ['win32', 'development'],
    ];
    for (const [platform, mode] of runs) {
      const file = join(work, `boot-${platform}-${mode}.json`);
      const child = await run(
        process.execPath,
        [join(root, 'test/desktop/boot-main.ts'), packed.appDir, platform, file, mode],
        // No session bus: keytar fails fast and the app falls back to safeStorage (as on a bare desktop).
        {
          cwd: work,
          env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
          timeout: 120_000,
        },
      ).then(
        () => undefined,
        (error: { stderr?: string; message: string }) => error.stderr || error.message,
      );
      if (child !== undefined || !existsSync(file)) {
        report(`${platform} ${mode}: the boot ran to its end`, false, child ?? 'no report');
        continue;
      }
      const boot = JSON.parse(await readFile(file, 'utf8')) as BootReport;
      for (const path of boot.images) images.add(path);
      for (const step of boot.steps) report(`${platform} ${mode}: ${step.step}`, step.ok, step.detail);
    }
    const outside = [...images].filter((path) => relative(packed.appDir, path).startsWith(`..${sep}`));
    report('every image path the app used lies inside the package', outside.length === 0, outside.join('\n'));
  });
}

// ---- 3. the preload, sandboxed -----------------------------------------------------------------
if (packed) {
  await section('3. preload in a sandboxed world', async () => {
    const { createStrictElectron } = await import('./strict-electron.ts');
    const { runSandboxedPreload, contractProblems } = await import('./preload-sandbox.ts');
    const { methodNames } = await import('../../shared/bridge.ts');
    const { BRIDGE_CALL_CHANNEL } = await import('../../electron/main/ipc-channels.ts');
    const preloads = (await readdir(join(packed.appDir, 'out/preload'))).filter((name) =>
      name.endsWith('.cjs'),
    );
    report(`the package has a CommonJS preload (${preloads.join(', ')})`, preloads.length > 0);
    for (const name of preloads) {
      const { electron, sim } = createStrictElectron({ platform: 'linux', dataDir: work });
      const { exposed, refused } = await runSandboxedPreload(
        join(packed.appDir, 'out/preload', name),
        electron,
        sim,
      );
      report(
        `${name} loads with nothing but electron`,
        refused.length === 0,
        `it required ${refused.join(', ')}`,
      );
      report(
        `${name} exposes only window.companion`,
        [...exposed.keys()].join() === 'companion',
        [...exposed.keys()].join(),
      );
      const problems = contractProblems(exposed.get('companion'), [...methodNames, 'on']);
      report(
        `${name}: window.companion is the bridge contract, functions only`,
        problems.length === 0,
        problems.join('\n'),
      );
      // One call through contextBridge and IPC: the main side answers as attachIpcBridge would.
      (
        electron.ipcMain as { handle(channel: string, handler: (...args: unknown[]) => unknown): void }
      ).handle(BRIDGE_CALL_CHANNEL, (_event, method) =>
        method === 'getAppInfo'
          ? {
              ok: true,
              value: {
                version: '1.0.0',
                mode: 'demo',
                accountsUrl: 'http://127.0.0.1:1/',
                shell: 'electron',
              },
            }
          : { ok: false, error: { code: 'internal', message: 'unexpected', retryable: false } },
      );
      const api = exposed.get('companion') as { getAppInfo(input: object): Promise<{ version: string }> };
      const info = await api.getAppInfo({});
      report(
        `${name}: a call goes over ipcRenderer.invoke('${BRIDGE_CALL_CHANNEL}')`,
        info.version === '1.0.0',
      );
    }
  });
}

// ---- summary -----------------------------------------------------------------------------------
if (!keep) await rm(work, { recursive: true, force: true });
else console.log(`\nkept: ${work}`);
const failed = results.filter((result) => !result.ok);
console.log(
  `\nverify:desktop: ${results.length - failed.length} passed, ${failed.length} failed (${Math.round((Date.now() - started) / 1000)} s)`,
);
if (failed.length) {
  console.log('Failed:');
  for (const result of failed) {
    // The rules each failure broke, so the summary alone says what to fix.
    const rules = [...new Set([...result.detail.matchAll(/\[([a-z][a-z-]+)\]/g)].map((match) => match[1]))];
    console.log(`  ✗ ${result.check}${rules.length ? `  [${rules.join(', ')}]` : ''}`);
  }
  process.exitCode = 1;
}
