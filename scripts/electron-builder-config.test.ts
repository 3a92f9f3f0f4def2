// electron-builder.yml is checked here with electron-builder's own loader and validator (the
// same code `electron-builder` runs first), plus a strict pass of its JSON schema with Ajv, and
// the choices issue 9 asks for. Packaging itself needs Electron's downloads; see
// packaged-files.test.ts for what can be built offline.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { APP_ID, NOTIFICATION_ICON } from '../electron/main/app-identity.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
// electron-builder's internals, resolved from electron-builder itself (they are its dependencies).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib'));
const { getConfig, validateConfiguration } = appBuilderRequire(
  'app-builder-lib/out/util/config/config.js',
) as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const schema = JSON.parse(
  readFileSync(appBuilderRequire.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as object;
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  productName: string;
  version: string;
  scripts: Record<string, string>;
  repository: string;
};

type Target = { target: string; arch: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  directories: { buildResources: string; output: string };
  win: { target: Target[]; icon: string; artifactName: string };
  nsis: Record<string, unknown> & { include: string; installerIcon: string };
  mac: { target: Target[]; icon: string; artifactName: string; category: string };
  dmg: { artifactName: string };
  linux: { target: Target[]; icon: string; artifactName: string; maintainer: string };
  deb: { artifactName: string };
  [key: string]: unknown;
}

const load = () => getConfig(projectDir, null, null);

/** A draft-07 validator without electron-builder's type coercion: types must be right as written. */
function strictValidate(config: unknown): string[] {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('matches the JSON schema strictly (draft-07, no coercion)', async () => {
    expect((schema as { $schema: string }).$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(strictValidate(await load())).toEqual([]);
  });

  it('is refused by both validators when wrong', async () => {
    const config = await load();
    const wrong = { ...config, nsis: { ...config.nsis, perMachin: false } };
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration.nsis/);
    expect(strictValidate({ ...config, asar: 'yes' }).length).toBeGreaterThan(0);
  });

  it('carries the app identity of package.json and the main process', async () => {
    const config = await load();
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(packageJson.productName);
    expect(config).not.toHaveProperty('version'); // always package.json's
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's file macros, not JS templates.
    const macros = ['${version}', '${arch}'];
    for (const name of ['win', 'mac', 'dmg', 'linux', 'deb'] as const) {
      for (const macro of macros) expect(config[name].artifactName, name).toContain(macro);
    }
  });

  it('builds a per-user NSIS installer with shortcuts and a data choice on uninstall', async () => {
    const { nsis, win } = await load();
    expect(win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      createStartMenuShortcut: true,
    });
    const script = readFileSync(new URL(`../${nsis.include}`, import.meta.url), 'utf8');
    expect(script).toMatch(
      /!macro customUnInstall[\s\S]*\$\{ifNot\} \$\{isUpdated\}[\s\S]*MessageBox MB_YESNO/,
    );
    expect(script).toMatch(/\/SD IDNO/);
  });

  it('has one Start-menu entry: the shortcut Electron keeps for notifications, removed on uninstall', async () => {
    const { nsis, productName } = await load();
    // Electron (42+) writes Programs\<productName>.lnk with the app's AppUserModelID; the installer's
    // shortcut must be that file, directly in Programs (no folder), or Start shows two entries.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's macro, not a JS template.
    expect([productName, '${productName}']).toContain(nsis.shortcutName);
    expect(nsis.menuCategory ?? false).toBe(false);
    const script = readFileSync(new URL(`../${nsis.include}`, import.meta.url), 'utf8');
    // Not on an update (the installer puts the shortcut back), before the data question.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: NSIS defines, not a JS template.
    const uninstallOnly = script.slice(script.indexOf('${ifNot} ${isUpdated}'), script.indexOf('MessageBox'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: NSIS defines, not a JS template.
    expect(uninstallOnly).toContain('Delete "$SMPROGRAMS\\${PRODUCT_NAME}.lnk"');
  });

  it('builds a dmg for both Mac architectures and a deb, the one Linux package', async () => {
    const { mac, linux } = await load();
    expect(mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      // electron-updater updates a Mac app from the zip.
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    // No AppImage: it aborts at start on Ubuntu 24.04+ (restricted user namespaces; docs/packaging.md).
    expect(linux.target).toEqual([{ target: 'deb', arch: ['x64'] }]);
    expect(linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('flips the hardening fuses in the packaged Electron binary', async () => {
    const { electronFuses } = await load();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs and unpacks the notification picture the app names', async () => {
    const config = await load();
    expect(existsSync(new URL(`../${NOTIFICATION_ICON}`, import.meta.url))).toBe(true);
    // electron-builder's loader normalizes `files` into filter sets.
    const files = (config.files as unknown as ({ filter: string[] } | string)[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : entry.filter,
    );
    expect(files).toContain(NOTIFICATION_ICON);
    expect(config.asarUnpack).toContain(NOTIFICATION_ICON);
  });

  it('points at icons that exist and unpacks native modules', async () => {
    const config = await load();
    for (const icon of [config.win.icon, config.nsis.installerIcon, config.mac.icon, config.linux.icon]) {
      expect(existsSync(new URL(`../${icon}`, import.meta.url)), icon).toBe(true);
    }
    expect(config.asarUnpack).toContain('**/*.node');
    // Real installers must get keytar built for the target Electron/OS (docs/packaging.md).
    expect(config.npmRebuild).toBe(true);
  });

  it('has npm scripts for every platform', () => {
    expect(packageJson.scripts).toMatchObject({
      // build = electron-vite build + the pre-rendering module (out/renderer-server).
      build: 'electron-vite build && vite build --config renderer/vite.ssr.config.ts',
      dist: 'npm run build && electron-builder',
      'dist:win': 'npm run build && electron-builder --win',
      'dist:mac': 'npm run build && electron-builder --mac',
      'dist:linux': 'npm run build && electron-builder --linux',
    });
  });
});

describe('electron-builder.yml: updates (issue 17)', () => {
  it('publishes to GitHub releases by default, with signature checks and differential NSIS updates', async () => {
    const config = await load();
    expect(config.publish).toEqual({ provider: 'github' });
    expect(packageJson.repository).toMatch(/^github:[\w.-]+\/[\w.-]+$/u);
    expect(config.win).toMatchObject({ verifyUpdateCodeSignature: true });
    expect(config.nsis).toMatchObject({ differentialPackage: true });
  });

  it('takes a generic HTTPS feed from the command line (-c.publish.provider=generic -c.publish.url=…)', async () => {
    const url = 'https://updates.example.com/companion/';
    const config = await getConfig(projectDir, null, { publish: { provider: 'generic', url } });
    expect(config.publish).toMatchObject({ provider: 'generic', url });
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
