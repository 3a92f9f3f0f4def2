import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  afterElectron,
  chooseShell,
  type ElectronProbe,
  type ElectronRun,
  electronBinary,
  explainElectronFailure,
  probeElectron,
} from './start.ts';

const dir = '/project/node_modules/electron';
const binary = join(dir, 'dist', 'electron');

function probe(overrides: Partial<ElectronProbe> & { files?: Record<string, string> } = {}): ElectronProbe {
  const files = overrides.files ?? { [join(dir, 'path.txt')]: 'electron', [binary]: '' };
  return {
    env: { DISPLAY: ':0' },
    platform: 'linux',
    electronDir: dir,
    exists: (path) => Object.hasOwn(files, path),
    readText: (path) => files[path],
    ...overrides,
  };
}

describe('electronBinary', () => {
  it('finds the binary named by path.txt', () => {
    expect(electronBinary(probe())).toBe(binary);
  });

  it('is undefined when the binary was never downloaded or path.txt is missing', () => {
    expect(electronBinary(probe({ files: { [join(dir, 'path.txt')]: 'electron' } }))).toBeUndefined();
    expect(electronBinary(probe({ files: {} }))).toBeUndefined();
    expect(electronBinary(probe({ electronDir: undefined }))).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    expect(electronBinary(probe({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, files: {} }))).toBe(
      join('/opt/electron', 'electron'),
    );
  });
});

describe('chooseShell', () => {
  it('opens Electron on a desktop with the binary', () => {
    expect(chooseShell(probe())).toMatchObject({ shell: 'electron', binary });
    expect(chooseShell(probe({ env: { WAYLAND_DISPLAY: 'wayland-0' } }))).toMatchObject({
      shell: 'electron',
    });
    expect(chooseShell(probe({ env: {}, platform: 'win32' }))).toMatchObject({ shell: 'electron' });
    expect(chooseShell(probe({ env: {}, platform: 'darwin' }))).toMatchObject({ shell: 'electron' });
  });

  it('still chooses Electron on a desktop without the binary yet (start.ts fetches it first)', () => {
    expect(chooseShell(probe({ files: {} }))).toEqual({
      shell: 'electron',
      binary: undefined,
      reason: 'a desktop session is available',
    });
  });

  it('serves the browser shell without a display, on CI, or without the package', () => {
    expect(chooseShell(probe({ env: {} }))).toMatchObject({
      shell: 'browser',
      reason: expect.stringMatching(/display/u),
    });
    expect(chooseShell(probe({ env: { DISPLAY: ':0', CI: 'true' } }))).toMatchObject({
      shell: 'browser',
      reason: expect.stringMatching(/CI/u),
    });
    expect(chooseShell(probe({ electronDir: undefined }))).toMatchObject({
      shell: 'browser',
      reason: expect.stringMatching(/not installed/u),
    });
  });

  it('lets COMPANION_SHELL force either shell, and refuses other values', () => {
    expect(chooseShell(probe({ env: { DISPLAY: ':0', COMPANION_SHELL: 'browser' } }))).toMatchObject({
      shell: 'browser',
    });
    expect(chooseShell(probe({ env: { CI: '1', COMPANION_SHELL: 'electron' } }))).toMatchObject({
      shell: 'electron',
    });
    expect(() => chooseShell(probe({ env: { COMPANION_SHELL: 'qt' } }))).toThrow(/COMPANION_SHELL/u);
  });
});

describe('probeElectron', () => {
  it('locates the installed electron package without loading it', () => {
    const real = probeElectron();
    expect(real.electronDir).toMatch(/node_modules[\\/]electron$/u);
    expect(real.exists(join(real.electronDir ?? '', 'package.json'))).toBe(true);
  });
});

describe('after Electron ends', () => {
  const run = (overrides: Partial<ElectronRun>): ElectronRun => ({
    code: 0,
    signal: null,
    stopRequested: false,
    started: false,
    stderrTail: '',
    ...overrides,
  });

  it('ends npm start with Electron after a quit, a stop, or a crash once the window was up', () => {
    expect(afterElectron(run({ code: 0, started: true }), 'linux')).toEqual({ action: 'exit', code: 0 });
    expect(afterElectron(run({ code: null, signal: 'SIGINT', stopRequested: true }), 'linux')).toEqual({
      action: 'exit',
      code: 0,
    });
    expect(afterElectron(run({ code: 3, started: true }), 'win32')).toEqual({ action: 'exit', code: 3 });
  });

  it('falls back to the browser shell when Electron fails before its window is up, saying why', () => {
    const sandbox = run({
      code: null,
      signal: 'SIGTRAP',
      stderrTail:
        'FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly.',
    });
    expect(afterElectron(sandbox, 'linux')).toEqual({
      action: 'fallback',
      reason: expect.stringMatching(
        /killed by SIGTRAP: Chromium's sandbox could not start.*user namespaces/u,
      ),
    });
    const library = run({
      code: 127,
      stderrTail:
        'electron: error while loading shared libraries: libnss3.so: cannot open shared object file',
    });
    expect(afterElectron(library, 'linux')).toEqual({
      action: 'fallback',
      reason: expect.stringMatching(/exited with code 127: the system library libnss3\.so is missing/u),
    });
  });

  it('names the display, the GPU and a failed build, and otherwise gives the exit', () => {
    const explain = (stderrTail: string, code = 1) =>
      explainElectronFailure({ code, signal: null, stderrTail }, 'linux');
    expect(explain('[1234:ERROR:ozone_platform_x11.cc] Missing X server or $DISPLAY')).toMatch(/display/u);
    expect(explain("FATAL:gpu_data_manager_impl_private.cc] GPU process isn't usable. Goodbye.")).toMatch(
      /--disable-gpu/u,
    );
    expect(explain('error during build:\nsyntax error')).toMatch(/build failed/u);
    expect(explain('something else', 5)).toBe(
      'Electron exited with code 5 before its window opened; see its output above',
    );
  });
});
