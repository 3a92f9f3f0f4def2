import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings.ts';
import { openSettingsFile } from './settings-storage.ts';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'companion-settings-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const file = () => join(cwd, 'settings.json');
const custom: Settings = {
  ...DEFAULT_SETTINGS,
  language: 'ru',
  share: { messages: { en: 'Hi {link}', ru: null } },
};
const fixedNow = () => new Date('2026-11-21T06:00:00.123Z');

describe('the settings file', () => {
  it('starts from the defaults and writes them', () => {
    const settings = openSettingsFile({ cwd });
    expect(settings.read()).toEqual(DEFAULT_SETTINGS);
    expect(settings.path).toBe(file());
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(DEFAULT_SETTINGS);
    expect(settings.setAside).toBeUndefined();
  });

  it('keeps what was written across reopening', () => {
    openSettingsFile({ cwd }).write(custom);
    expect(openSettingsFile({ cwd }).read()).toEqual(custom);
  });

  it('fills in defaults for settings an older file does not have', () => {
    writeFileSync(file(), JSON.stringify({ language: 'ru' }));
    expect(openSettingsFile({ cwd }).read()).toEqual({ ...DEFAULT_SETTINGS, language: 'ru' });
  });

  it('refuses to write settings off the schema', () => {
    const settings = openSettingsFile({ cwd });
    expect(() => settings.write({ ...custom, language: 'de' } as unknown as Settings)).toThrow();
    expect(settings.read()).toEqual(DEFAULT_SETTINGS);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['not JSON', '{"language": "ru",', /not valid JSON/],
    ['an array', '[1, 2]', /schema/],
    ['a wrong type', JSON.stringify({ language: 42 }), /schema \(at language\)/],
    ['an unknown key', JSON.stringify({ language: 'en', colour: 'red' }), /schema/],
    [
      'an invalid template',
      JSON.stringify({ share: { messages: { en: 'Hi {name}' } } }),
      /share\.messages\.en/,
    ],
    ['an empty file', '', /not valid JSON/],
  ])('sets aside a file with %s and starts from the defaults', (_what, content, reason) => {
    writeFileSync(file(), content);
    const log = vi.fn();
    const settings = openSettingsFile({ cwd, now: fixedNow, log });
    expect(settings.read()).toEqual(DEFAULT_SETTINGS);
    const aside = join(cwd, 'settings.json.2026-11-21T06-00-00-123Z.invalid');
    expect(settings.setAside).toBe(aside);
    expect(readFileSync(aside, 'utf8')).toBe(content);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(reason));
    expect(readdirSync(cwd).sort()).toEqual([
      'settings.json',
      'settings.json.2026-11-21T06-00-00-123Z.invalid',
    ]);
  });

  it('replaces a file damaged while the app runs with the next settings saved', () => {
    const settings = openSettingsFile({ cwd });
    writeFileSync(file(), '{ broken');
    settings.write(custom);
    expect(settings.read()).toEqual(custom);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(custom);
    expect(openSettingsFile({ cwd }).read()).toEqual(custom);
  });
});
