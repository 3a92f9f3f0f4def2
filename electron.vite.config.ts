// Builds the desktop app into out/: main (ESM), preload (CommonJS, fully bundled), renderer.
// The renderer section reuses renderer/vite.config.ts so the Electron and browser builds match.
import { defineConfig } from 'electron-vite';
import packageJson from './package.json' with { type: 'json' };
import {
  rendererBase,
  rendererBuild,
  rendererOutDir,
  rendererPlugins,
  rendererRoot,
} from './renderer/vite.config.ts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: 'electron/main/index.ts', formats: ['es'] },
      rollupOptions: {
        // node:sqlite is a builtin that some resolvers do not list yet: never try to bundle it.
        // keytar is an optionalDependency (electron-vite externalizes only `dependencies`): a
        // native module loaded lazily at run time, and absent where it could not be built.
        external: ['node:sqlite', ...Object.keys(packageJson.optionalDependencies)],
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only electron and a few builtins: bundle zod and the rest.
      externalizeDeps: false,
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: rendererRoot,
    base: rendererBase,
    plugins: rendererPlugins,
    build: {
      ...rendererBuild,
      outDir: rendererOutDir,
      rollupOptions: { input: `${rendererRoot}/index.html` },
    },
  },
});
