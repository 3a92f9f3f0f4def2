// Runs a built preload the way Electron runs a sandboxed one (sandbox: true, contextIsolation):
// a function of `require`, `module` and `exports` in a fresh JavaScript world, where `require`
// knows only 'electron' (contextBridge, ipcRenderer) and there is no Node: no process, no Buffer,
// no fs. (Electron's sandbox also lends a few builtins such as 'events' and a reduced `process`;
// the project's rule is stricter: the preload is bundled and needs nothing but electron.)
import { readFile } from 'node:fs/promises';
import { compileFunction, createContext } from 'node:vm';
import type { StrictElectron } from './strict-electron.ts';

/** Web globals a renderer's isolated world has (the preload may use these). */
const WEB_GLOBALS = {
  console,
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  queueMicrotask,
  structuredClone,
  URL,
  URLSearchParams,
  TextEncoder,
  TextDecoder,
  AbortController,
  AbortSignal,
  atob,
  btoa,
};

export interface PreloadRun {
  /** What the preload exposed to the page, by key. */
  exposed: Map<string, unknown>;
  /** Modules the preload asked for that a sandboxed preload cannot have. */
  refused: string[];
}

/** Loads `file` with only `electron` (the renderer side of the stand-in) available. */
export async function runSandboxedPreload(
  file: string,
  electron: StrictElectron['electron'],
  sim: StrictElectron['sim'],
): Promise<PreloadRun> {
  const source = await readFile(file, 'utf8');
  const refused: string[] = [];
  const rendererElectron = { contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer };
  const sandboxRequire = (name: string) => {
    if (name === 'electron' || name === 'electron/renderer') return rendererElectron;
    refused.push(name);
    throw new Error(`module not found: ${name} (a sandboxed preload can require only electron)`);
  };
  const context = createContext({ ...WEB_GLOBALS });
  const module = { exports: {} as unknown };
  const run = compileFunction(source, ['require', 'module', 'exports'], {
    parsingContext: context,
    filename: file,
  });
  run(sandboxRequire, module, module.exports);
  return { exposed: new Map(sim.exposed), refused };
}

/** Differences between an exposed API and the bridge contract (method names + 'on'), functions only. */
export function contractProblems(api: unknown, expectedNames: readonly string[]): string[] {
  if (typeof api !== 'object' || api === null) return [`the exposed API is ${typeof api}, not an object`];
  const names = Object.keys(api);
  const problems: string[] = [];
  for (const name of expectedNames) if (!names.includes(name)) problems.push(`missing: ${name}`);
  for (const name of names) if (!expectedNames.includes(name)) problems.push(`not in the contract: ${name}`);
  for (const [name, value] of Object.entries(api))
    if (typeof value !== 'function') problems.push(`${name} is a ${typeof value}, not a function`);
  return problems;
}
