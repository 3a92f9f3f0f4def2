// The pre-rendering build: the app's tree as a Node module (out/renderer-server) that both shells
// load to render the page before its script runs (docs/first-paint.md). Everything is bundled in,
// so the packaged app needs no React in node_modules.
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { FIRST_PAINT_MODULE } from '../shared/first-paint-element.ts';
import { rendererBase, rendererPlugins, rendererRoot } from './vite.config.ts';

export const rendererServerOutDir = join(rendererRoot, '..', 'out', 'renderer-server');

export default defineConfig({
  root: rendererRoot,
  base: rendererBase,
  plugins: rendererPlugins,
  ssr: { noExternal: true, target: 'node' },
  // React picks its production build from this at run time; the shells do not set it.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    ssr: 'src/first-paint/render-first-paint.tsx',
    outDir: rendererServerOutDir,
    emptyOutDir: true,
    target: 'node22',
    rollupOptions: { output: { format: 'es', entryFileNames: FIRST_PAINT_MODULE } },
  },
});
