// Both shells keep their state in one data directory through openCompanionStorage: every file is
// there after a restart, each under its own name.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { openCompanionStorage } from './storage.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the companion storage', () => {
  it('opens every state file in the data directory, and a restart reads what was written', () => {
    dir = mkdtempSync(join(tmpdir(), 'companion-storage-'));
    const first = openCompanionStorage(dir);
    first.settings.write({ ...DEFAULT_SETTINGS, mode: 'link' });
    expect(first.settings.read().mode).toBe('link');
    const again = openCompanionStorage(dir);
    expect(again.settings.read().mode).toBe('link');
    expect(Object.keys(again).sort()).toEqual([
      'earningsCache',
      'notificationState',
      'referralCache',
      'requests',
      'settings',
      'supportJournal',
    ]);
    expect(readdirSync(dir)).toContain('settings.json');
  });
});
