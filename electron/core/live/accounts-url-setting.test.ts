// The accounts URL setting picks the server at start (the running core keeps its server until the
// next start); an explicit URL from the environment or the command line wins over it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { type ScriptedServer, startScriptedServer } from '../../../test/support/scripted-server.ts';
import { type Companion, startCompanion } from '../companion.ts';
import { createMemorySettingsStorage } from '../settings/settings-storage.ts';

let server: ScriptedServer | undefined;
let companion: Companion | undefined;
afterEach(async () => {
  await companion?.close();
  await server?.close();
  companion = undefined;
  server = undefined;
});

describe('the accounts URL setting', () => {
  it('starts against the saved server instead of the demo sandbox', async () => {
    server = await startScriptedServer();
    const startDemoSandbox = vi.fn();
    companion = await startCompanion({
      version: '1',
      shell: 'browser',
      startDemoSandbox,
      settings: createMemorySettingsStorage({ ...DEFAULT_SETTINGS, accountsUrl: server.url }),
    });
    expect(startDemoSandbox).not.toHaveBeenCalled();
    expect(companion.info).toMatchObject({ mode: 'custom', accountsUrl: server.url });
  });

  it('lets an explicit URL win, and an empty one fall through to the setting', async () => {
    server = await startScriptedServer();
    const settings = createMemorySettingsStorage({ ...DEFAULT_SETTINGS, accountsUrl: 'http://127.0.0.1:9/' });
    companion = await startCompanion({
      accountsUrl: server.url,
      version: '1',
      shell: 'browser',
      startDemoSandbox: vi.fn(),
      settings,
    });
    expect(companion.info.accountsUrl).toBe(server.url);
    await companion.close();
    companion = await startCompanion({
      accountsUrl: '  ',
      version: '1',
      shell: 'browser',
      startDemoSandbox: vi.fn(),
      settings,
    });
    expect(companion.info.accountsUrl).toBe('http://127.0.0.1:9/');
  });

  it('refuses a non-http URL in a settings patch', async () => {
    companion = await startCompanion({
      accountsUrl: 'http://127.0.0.1:9/',
      version: '1',
      shell: 'browser',
      startDemoSandbox: vi.fn(),
      settings: createMemorySettingsStorage(),
    });
    const { SettingsPatch } = await import('../../../shared/settings.ts');
    expect(SettingsPatch.safeParse({ accountsUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ accountsUrl: null }).success).toBe(true);
    expect(
      await companion.handlers.updateSettings({ accountsUrl: 'https://accounts.example.com/' }),
    ).toMatchObject({
      accountsUrl: 'https://accounts.example.com/',
    });
    // Takes effect at the next start: the running core keeps its server.
    expect(companion.info.accountsUrl).toBe('http://127.0.0.1:9/');
  });
});
