import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTIFICATION_STATE_FILE_NAME, openNotificationStateFile } from './state.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'notification-state-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('notifications.json', () => {
  it("reads a held part's old section name 'home' as 'referral', keeping the file", () => {
    const held = { kind: 'disqualified', count: 1, amountCents: -500, section: 'home' };
    writeFileSync(
      join(dir, `${NOTIFICATION_STATE_FILE_NAME}.json`),
      JSON.stringify({ v: 1, lastEventId: '42', notified: ['commission:c1'], quietHeld: [held] }),
    );
    const file = openNotificationStateFile({ cwd: dir, log: () => {} });
    expect(file.setAside).toBeUndefined();
    expect(file.read()).toMatchObject({
      lastEventId: '42',
      notified: ['commission:c1'],
      quietHeld: [{ ...held, section: 'referral' }],
    });
    expect(readdirSync(dir).filter((name) => name.endsWith('.invalid'))).toEqual([]);
  });

  it('still sets aside a section it does not know', () => {
    writeFileSync(
      join(dir, `${NOTIFICATION_STATE_FILE_NAME}.json`),
      JSON.stringify({ quietHeld: [{ kind: 'disqualified', count: 1, amountCents: 0, section: 'lobby' }] }),
    );
    const file = openNotificationStateFile({ cwd: dir, log: () => {} });
    expect(file.setAside).toMatch(/\.invalid$/u);
    expect(file.read().quietHeld).toEqual([]);
  });
});
