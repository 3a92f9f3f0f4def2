import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Profile } from '../../shared/accounts-api.ts';
import { sandboxAuthHeaders } from '../../test/support/sandbox-sign-in.ts';
import { createDemoSandboxStarter, DEMO_SANDBOX_FILE } from './demo-sandbox.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('starts the demo sandbox with its database in a created data dir', async () => {
  const root = mkdtempSync(join(tmpdir(), 'demo-sandbox-'));
  dirs.push(root);
  const dataDir = join(root, 'nested', 'data');
  const sandbox = await createDemoSandboxStarter(dataDir)();
  try {
    expect(existsSync(join(dataDir, DEMO_SANDBOX_FILE))).toBe(true);
    const headers = await sandboxAuthHeaders(sandbox.url);
    const profile = Profile.parse(await (await fetch(new URL('api/v1/me', sandbox.url), { headers })).json());
    expect(profile.email).toMatch(/@/);
  } finally {
    await sandbox.close();
  }
});
