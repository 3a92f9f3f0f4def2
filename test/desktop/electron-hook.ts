// Makes `import … from 'electron'` (and require('electron')) in this process load a given module
// object, through Node's synchronous module hooks (module.registerHooks, Node ≥ 22.15). Everything
// else resolves as Node resolves it, so the built app's other imports are checked for real.
import { registerHooks } from 'node:module';

const URL_OF_ELECTRON = 'strict-electron:electron';
const GLOBAL_KEY = '__strictElectron';

let installed: { deregister(): void } | undefined;

/** Serves `electron` from `electron` until the returned function is called. */
export function installElectronHook(electron: Record<string, unknown>): () => void {
  if (installed) throw new Error('The electron hook is already installed in this process.');
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = electron;
  const names = Object.keys(electron).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const source = [
    `const electron = globalThis[${JSON.stringify(GLOBAL_KEY)}];`,
    'export default electron;',
    ...names.map((name) => `export const ${name} = electron.${name};`),
  ].join('\n');
  const hooks = registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'electron' || specifier === 'electron/main' || specifier === 'electron/renderer')
        return { url: URL_OF_ELECTRON, format: 'module', shortCircuit: true };
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      if (url === URL_OF_ELECTRON) return { format: 'module', source, shortCircuit: true };
      return nextLoad(url, context);
    },
  });
  installed = hooks;
  return () => {
    hooks.deregister();
    installed = undefined;
    delete (globalThis as Record<string, unknown>)[GLOBAL_KEY];
  };
}
