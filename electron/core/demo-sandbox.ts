// Demo mode's embedded accounts server: the sandbox, with its database in the app's data dir
// so the demo world survives restarts. Both shells inject this into startCompanion().
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/server.ts';
import type { DemoSandbox } from './companion.ts';
import type { Logger } from './logging/logger.ts';

export const DEMO_SANDBOX_FILE = 'demo-sandbox.sqlite';

export function createDemoSandboxStarter(dataDir: string, logger?: Logger): () => Promise<DemoSandbox> {
  return async () => {
    await mkdir(dataDir, { recursive: true });
    return startSandbox({
      mode: 'demo',
      databasePath: join(dataDir, DEMO_SANDBOX_FILE),
      // Embedded, the sandbox reports into the companion's log under its own scope.
      ...(logger ? { log: logger.scope('sandbox').error } : {}),
    });
  };
}
