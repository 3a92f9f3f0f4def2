// Builds the browser shell's page script (page/web-bridge.ts) into one classic script,
// out/web/web-bridge.js, injected as a deferred script ahead of the app's module script, like a preload.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const webBridgeEntry = fileURLToPath(new URL('./page/web-bridge.ts', import.meta.url));
export const webOutDir = fileURLToPath(new URL('../../out/web', import.meta.url));

export default defineConfig({
  // Library builds keep process.env.NODE_ENV as is; the page has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir: webOutDir,
    emptyOutDir: true,
    target: 'es2023',
    minify: true,
    lib: {
      entry: webBridgeEntry,
      formats: ['iife'],
      name: 'companionWebBridge',
      fileName: () => 'web-bridge.js',
    },
  },
});
