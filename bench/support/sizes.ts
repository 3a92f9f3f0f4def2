// Bundle sizes for the bench: what the renderer makes the browser download before it can run,
// and React + ReactDOM alone for comparison. Sizes are gzip at level 9 (as served compressed).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

export function gzipBytes(content: string | Uint8Array): number {
  return gzipSync(content, { level: 9 }).byteLength;
}

/** The JS files index.html loads up front: its module scripts and modulepreloads (not lazy chunks). */
export function initialScripts(indexHtml: string): string[] {
  const files: string[] = [];
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/giu) ?? []) {
    const isModuleScript = /^<script/iu.test(tag) && /\btype="module"/iu.test(tag);
    const isPreload = /^<link/iu.test(tag) && /\brel="modulepreload"/iu.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/iu.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) files.push(url.replace(/^\.?\//u, ''));
  }
  return files;
}

export interface FileSize {
  file: string;
  gzip: number;
}

/**
 * The JS a start loads: the page's scripts, and the app chunk its entry imports right after the
 * first paint (renderer/src/boot.ts), with the chunks that one imports statically.
 */
export async function rendererInitialJs(rendererDir: string): Promise<FileSize[]> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const entries = initialScripts(html);
  if (entries.length === 0) throw new Error(`No module script in ${rendererDir}/index.html.`);
  const files: string[] = [];
  const add = async (file: string, depth: number): Promise<void> => {
    if (files.includes(file)) return;
    files.push(file);
    const code = await readFile(join(rendererDir, file), 'utf8');
    if (depth === 0) {
      // The entry's import of the app: "./main-<hash>.js" (boot.ts imports ./main.tsx).
      for (const [, chunk] of code.matchAll(/["']\.\/(main-[\w-]+\.js)["']/gu))
        await add(join(dirname(file), chunk as string), 1);
    } else {
      // The app chunk's own static imports (shared runtime chunks), not its lazy ones.
      for (const [, chunk] of code.matchAll(/^import\s*(?:[^"';]*?from\s*)?["']\.\/([\w-]+\.js)["']/gmu))
        await add(join(dirname(file), chunk as string), 2);
    }
  };
  for (const entry of entries) await add(entry, 0);
  return Promise.all(
    files.map(async (file) => ({ file, gzip: gzipBytes(await readFile(join(rendererDir, file))) })),
  );
}

const BASELINE_ID = '\0react-baseline';
/** The least a React app ships: render one element with createRoot. */
const BASELINE_SOURCE = [
  "import { createElement } from 'react';",
  "import { createRoot } from 'react-dom/client';",
  "createRoot(document.getElementById('root')).render(createElement('p', null, 'hello'));",
].join('\n');

/** React + ReactDOM as a production app bundles them (Vite, minified), gzip -9. */
export async function reactBaselineGzip(projectRoot: string): Promise<number> {
  const entry: Plugin = {
    name: 'react-baseline-entry',
    resolveId: (id) => (id === BASELINE_ID ? id : undefined),
    load: (id) => (id === BASELINE_ID ? BASELINE_SOURCE : undefined),
  };
  const output = await build({
    configFile: false,
    root: projectRoot,
    mode: 'production',
    logLevel: 'silent',
    plugins: [entry],
    build: { write: false, minify: true, target: 'es2023', rollupOptions: { input: BASELINE_ID } },
  });
  const results = Array.isArray(output) ? output : [output];
  let total = 0;
  for (const result of results) {
    if (!('output' in result)) throw new Error('Unexpected watcher from vite build.');
    for (const chunk of result.output) if (chunk.type === 'chunk') total += gzipBytes(chunk.code);
  }
  return total;
}
