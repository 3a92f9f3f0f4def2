// Core words the tray and notifications in the UI's language: the setting, or for "system" what
// the UI reported it resolved, else the shell's own list of system languages. Never the language of
// core's own process (the bug: a Russian UI beside English notifications).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { type ScriptedServer, startScriptedServer } from '../../../test/support/scripted-server.ts';
import { type Companion, startCompanion } from '../companion.ts';
import { createMemorySecretStore } from '../secrets/secret-store.ts';
import { createMemorySettingsStorage } from '../settings/settings-storage.ts';
import { coreLanguage } from './live-features.ts';

let server: ScriptedServer | undefined;
let companion: Companion | undefined;
afterEach(async () => {
  await companion?.close();
  await server?.close();
  companion = undefined;
  server = undefined;
});

async function start(language: 'system' | 'en' | 'ru', systemLanguages?: string[]) {
  server = await startScriptedServer();
  companion = await startCompanion({
    accountsUrl: server.url,
    version: '1.0.0',
    shell: 'browser',
    startDemoSandbox: async () => {
      throw new Error('not in demo mode');
    },
    settings: createMemorySettingsStorage({ ...DEFAULT_SETTINGS, ui: { ...DEFAULT_SETTINGS.ui, language } }),
    secrets: createMemorySecretStore(),
    ...(systemLanguages ? { systemLanguages } : {}),
  });
  return companion;
}

describe("core's language", () => {
  it('is the setting, else what the UI reported, else the shell’s system languages', () => {
    expect(coreLanguage('en', 'ru', ['ru-RU'])).toBe('en');
    expect(coreLanguage('ru', null, [])).toBe('ru');
    expect(coreLanguage('system', 'ru', ['en-US'])).toBe('ru');
    expect(coreLanguage('system', null, ['de-DE', 'ru-RU'])).toBe('ru');
    expect(coreLanguage('system', null, [])).toBe('en');
  });

  it('follows the language the UI reports for "system": the tray turns Russian', async () => {
    const { handlers } = await start('system');
    expect((await handlers.getTray({})).tooltip).toBe('Referral Companion — Signed out');
    expect(await handlers.reportUiLanguage({ language: 'ru' })).toEqual({ language: 'ru' });
    const tray = await handlers.getTray({});
    expect(tray.tooltip).toBe('Реферальный компаньон — Вход не выполнен');
    expect(tray.labels).toContain('Приостановить уведомления');
    expect(tray.labels).toContain('На 1 час');
  });

  it('uses the OS languages the shell gave it before the UI reports (Electron started hidden)', async () => {
    const { handlers } = await start('system', ['ru-RU', 'en-US']);
    expect((await handlers.getTray({})).tooltip).toBe('Реферальный компаньон — Вход не выполнен');
  });

  it('keeps an explicit setting over a report', async () => {
    const { handlers } = await start('en', ['ru-RU']);
    expect(await handlers.reportUiLanguage({ language: 'ru' })).toEqual({ language: 'en' });
    expect((await handlers.getTray({})).tooltip).toBe('Referral Companion — Signed out');
  });
});
