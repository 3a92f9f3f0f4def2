// The install must never depend on a native build: keytar (the OS keychain) is an enhancement.
// On a fresh Debian/Ubuntu without libsecret-1-dev and offline, keytar has no prebuilt binary and
// its source build fails; as a regular dependency that failed `npm ci` whole. .ci/fresh-install
// proves the install end to end; this keeps the configuration that makes it work.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import electronViteConfig from '../electron.vite.config.ts';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

describe('dependencies', () => {
  it('keeps keytar optional, at the version known to build and load', () => {
    expect(packageJson.dependencies).not.toHaveProperty('keytar');
    expect(packageJson.optionalDependencies).toEqual({ keytar: '7.9.0' });
  });

  it('leaves optional packages out of the main bundle, for import() at run time', () => {
    const config = electronViteConfig as {
      main: { build: { rollupOptions: { external: string[] } } };
    };
    for (const name of Object.keys(packageJson.optionalDependencies ?? {})) {
      expect(config.main.build.rollupOptions.external).toContain(name);
    }
  });

  it('lists no electron-store: settings use conf through the validated JSON file adapter in both shells', () => {
    expect(packageJson.dependencies).not.toHaveProperty('electron-store');
  });
});
