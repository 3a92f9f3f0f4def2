// Build settings for the renderer, shared by the plain Vite build (browser shell, tests, bench)
// and by electron.vite.config.ts, which imports the pieces below so both builds stay identical.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption, type UserConfig } from 'vite';

export const rendererRoot = dirname(fileURLToPath(import.meta.url));
export const rendererOutDir = join(rendererRoot, '..', 'out', 'renderer');

export const rendererPlugins: PluginOption[] = [react()];

/** Relative asset URLs: the page is served from app:// in Electron and from / in the browser shell. */
export const rendererBase = './';

export const rendererBuild = {
  outDir: rendererOutDir,
  emptyOutDir: true,
  target: 'es2023',
  // Under `style-src 'self'` nothing may be inlined as a data: script or style.
  assetsInlineLimit: 0,
  cssCodeSplit: false,
  modulePreload: { polyfill: false },
} satisfies UserConfig['build'];

export default defineConfig({
  root: rendererRoot,
  base: rendererBase,
  plugins: rendererPlugins,
  build: rendererBuild,
});
