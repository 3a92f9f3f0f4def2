import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger, formatLine, LOG_FILE } from './file-logger.ts';

const dirs: string[] = [];
function logsDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'companion-logs-')), 'logs');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
});

const TOKEN = 'q3Z0mU8x1b_Vw9kLr2Ty5Hs7NdpE4cGfJaZiXoQ6Mhe';

describe('the file logger', () => {
  it('writes scoped JSON lines at or above its level, scrubbed, into logs/companion.log', async () => {
    const dir = logsDir();
    const logger = createFileLogger({ dir, level: 'info' });
    const live = logger.scope('live');
    live.debug('not written');
    live.info('stream open');
    logger.scope('session').scope('refresh').warn(`refresh failed for partner@example.com with ${TOKEN}`, {
      refresh_token: 'short',
    });
    logger.error('boom', new Error('http://127.0.0.1:1/?k=pagesecret'));
    await logger.close();

    const text = readFileSync(join(dir, LOG_FILE), 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.level, l.scope, l.msg])).toEqual([
      ['info', 'live', 'stream open'],
      ['warn', 'session.refresh', 'refresh failed for p…@example.com with [redacted]'],
      ['error', undefined, 'boom'],
    ]);
    expect(lines[0]).not.toHaveProperty('hostname');
    expect(lines[0]).not.toHaveProperty('pid');
    for (const secret of [TOKEN, 'partner@example.com', 'short', 'pagesecret'])
      expect(text).not.toContain(secret);
  });

  it('answers the last lines as readable text', async () => {
    const logger = createFileLogger({ dir: logsDir() });
    for (let i = 1; i <= 5; i += 1) logger.scope('outbox').info(`line ${i}`);
    // The file is written asynchronously: wait until the last line is there.
    await vi.waitFor(async () => expect((await logger.tail(1))[0]).toContain('line 5'));
    const tail = await logger.tail(2);
    await logger.close();
    expect(tail).toHaveLength(2);
    expect(tail[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO \[outbox\] line 4$/u);
    expect(tail[1]).toMatch(/INFO \[outbox\] line 5$/u);
  });

  it('rotates at 1 MB and keeps three old files at most', async () => {
    const dir = logsDir();
    const logger = createFileLogger({ dir });
    const filler = 'x'.repeat(1000);
    for (let i = 0; i < 6000; i += 1) logger.info(`${i} ${filler}`);
    await logger.close();
    const files = readdirSync(dir).sort();
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`, `${LOG_FILE}.3`]);
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThan(1.2 * 1024 * 1024);
  });

  it('reads the rotated file too when the current one has fewer lines than asked', async () => {
    const dir = logsDir();
    const logger = createFileLogger({ dir });
    const filler = 'y'.repeat(1000);
    for (let i = 0; i < 1100; i += 1) logger.info(`${i} ${filler}`);
    await logger.close();
    const reader = createFileLogger({ dir });
    const tail = await reader.tail(200);
    await reader.close();
    expect(tail).toHaveLength(200);
    expect(tail.at(-1)).toContain('1099 ');
  });
});

describe('formatLine', () => {
  it('scrubs lines an older build wrote unscrubbed, and cuts long ones', () => {
    const line = JSON.stringify({ time: 't', level: 'warn', scope: 's', msg: `Bearer ${TOKEN}` });
    expect(formatLine(line)).toBe('t WARN [s] Bearer [redacted]');
    expect(formatLine('not json ?k=abc')).toBe('not json ?k=[redacted]');
    expect(formatLine('z'.repeat(1000))).toHaveLength(400);
  });
});
