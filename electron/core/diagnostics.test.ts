import { describe, expect, it } from 'vitest';
import { collectDiagnostics, type DiagnosticsFacts } from './diagnostics.ts';

const facts: DiagnosticsFacts = {
  version: '0.3.0',
  shell: 'electron',
  mode: 'server',
  host: 'accounts.example.com',
  os: 'Windows_NT 10.0.22631 (x64)',
  language: { setting: 'system', system: 'ru' },
  connection: 'polling',
  lastSync: '2026-12-03T08:00:00.000Z',
  pendingRequests: 2,
  update: {
    state: 'ready',
    version: '0.4.0',
    lastCheck: { at: '2026-12-03T07:00:00.000Z', ok: true },
    notice: true,
  },
};

const HOME = '/home/alice';

describe('diagnostics', () => {
  it('lists each fact on its own line, then the log lines, with the home folder as ~', async () => {
    const logs = {
      dir: `${HOME}/.config/Referral Companion/logs`,
      tail: async () => ['line one', 'line two'],
    };
    const d = await collectDiagnostics(facts, logs, HOME);
    expect(d.logsDir).toBe(logs.dir);
    expect(d.text).toContain('version: 0.3.0\nshell: electron\nmode: server (accounts.example.com)\n');
    expect(d.text).toContain('pending requests: 2\n');
    expect(d.text).toContain('updates: ready, version 0.4.0, last check 2026-12-03T07:00:00.000Z ok\n');
    expect(d.text).toContain('logs: ~/.config/Referral Companion/logs\n');
    expect(d.text).not.toContain(HOME);
    expect(d.text.endsWith('last 2 log lines:\nline one\nline two\n')).toBe(true);
  });

  it('scrubs log lines again, whatever wrote them', async () => {
    const token = 'q3Z0mU8x1b_Vw9kLr2Ty5Hs7NdpE4cGfJaZiXoQ6Mhe';
    const logs = {
      dir: '/var/logs',
      tail: async () => [`Bearer ${token}`, `${HOME}/x wrote for alice@example.com`, 'GET /?k=s3cret'],
    };
    const d = await collectDiagnostics(facts, logs, HOME);
    expect(d.logLines).toEqual(['Bearer [redacted]', '~/x wrote for a…@example.com', 'GET /?k=[redacted]']);
    for (const secret of [token, 'alice@example.com', 's3cret']) expect(d.text).not.toContain(secret);
  });

  it('carries at most 200 lines, and says when there is no log file', async () => {
    const many = Array.from({ length: 250 }, (_, i) => `line ${i}`);
    const d = await collectDiagnostics(facts, { dir: '/l', tail: async (count) => many.slice(-count) }, HOME);
    expect(d.logLines).toHaveLength(200);
    expect(d.logLines[0]).toBe('line 50');
    const none = await collectDiagnostics({ ...facts, host: null, mode: 'demo' }, undefined, HOME);
    expect(none.logsDir).toBeNull();
    expect(none.text).toContain('mode: demo\n');
    expect(none.text).toContain('logs: none\n');
    expect(none.text).toContain('(empty)');
  });
});
