import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../sandbox/server.ts';
import { signInThroughBrowser } from '../../../test/support/sandbox-sign-in.ts';
import { type Companion, startCompanion } from '../companion.ts';
import { createMemorySecretStore, type SecretStore } from '../secrets/secret-store.ts';
import { createMemorySettingsStorage } from '../settings/settings-storage.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function sandbox(): Promise<RunningSandbox> {
  const running = await startSandbox({ mode: 'test' });
  cleanup.push(() => running.close());
  return running;
}

async function companion(accountsUrl: string, secrets?: SecretStore): Promise<Companion> {
  const started = await startCompanion({
    accountsUrl,
    version: '0.0.0-test',
    shell: 'browser',
    startDemoSandbox: vi.fn(),
    settings: createMemorySettingsStorage(),
    ...(secrets ? { secrets } : {}),
  });
  cleanup.push(() => started.close());
  return started;
}

describe('the session in the companion', () => {
  it('keeps the sign-in per accounts server, so a restart is signed in and a new server is not', async () => {
    const sb = await sandbox();
    const secrets = createMemorySecretStore();
    const first = await companion(sb.url, secrets);
    expect(await first.handlers.getSession({})).toEqual({ state: 'signed-out', storage: 'memory' });
    const started = await first.handlers.signIn({});
    await signInThroughBrowser(started.authorizeUrl as string);
    await vi.waitFor(async () => expect((await first.handlers.getSession({})).state).toBe('signed-in'));
    expect(await secrets.get(`session:${sb.url}`)).toContain('refreshToken');
    await first.close();

    const restarted = await companion(sb.url, secrets);
    expect(await restarted.handlers.getSession({})).toMatchObject({
      state: 'signed-in',
      email: 'demo.partner@example.com',
    });
    expect((await restarted.handlers.getReferral({})).partner?.email).toBe('demo.partner@example.com');

    const other = await sandbox();
    expect((await (await companion(other.url, secrets)).handlers.getSession({})).state).toBe('signed-out');
  });

  it('keeps the sign-in in memory, and says so, when the shell gives no store', async () => {
    const sb = await sandbox();
    const view = await (await companion(sb.url)).handlers.getSession({});
    expect(view.storage).toBe('memory');
    expect(view.storageNote).toMatch(/sign in again after the companion restarts/u);
  });
});
