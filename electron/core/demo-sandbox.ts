// Demo mode's embedded accounts server: the sandbox, with its database in the app's data dir
// so the demo world survives restarts. Both shells inject this into startCompanion().
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/server.ts';
import type { DemoSandbox } from './companion.ts';

export const DEMO_SANDBOX_FILE = 'demo-sandbox.sqlite';

export function createDemoSandboxStarter(dataDir: string): () => Promise<DemoSandbox> {
  return async () => {
    await mkdir(dataDir, { recursive: true });
    return startSandbox({ mode: 'demo', databasePath: join(dataDir, DEMO_SANDBOX_FILE) });
  };
}
