import { describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../../shared/bridge/about.ts';
import { createEventHub } from '../event-hub.ts';
import type { Logger } from '../logging/logger.ts';
import {
  CHECK_EVERY_MS,
  createUpdateService,
  HELD_RECHECK_MS,
  LATER_MS,
  type Updater,
  type UpdateTimers,
} from './update-service.ts';

/** A clock and timers the test moves by hand. */
function fakeTime(start = Date.parse('2026-12-03T09:00:00Z')) {
  let now = start;
  let nextId = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: UpdateTimers = {
    setTimeout(run, ms) {
      nextId += 1;
      pending.set(nextId, { at: now + ms, run });
      return nextId;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  return {
    now: () => now,
    timers,
    pendingCount: () => pending.size,
    /** Moves the clock, running every timer that falls due on the way. */
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = target;
    },
  };
}

/** An updater whose feed the test controls: checks and downloads wait until the test answers. */
function fakeUpdater() {
  const checks: { resolve(v: { version: string } | null): void; reject(e: Error): void }[] = [];
  const downloads: { resolve(): void; reject(e: Error): void }[] = [];
  const updater: Updater & { installs: number } = {
    installs: 0,
    check: () => new Promise((resolve, reject) => checks.push({ resolve, reject })),
    download: () => new Promise<void>((resolve, reject) => downloads.push({ resolve, reject })),
    installAndRestart() {
      updater.installs += 1;
    },
  };
  return { updater, checks, downloads };
}

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger: Logger = {
    debug: (message) => lines.push({ level: 'debug', message }),
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    scope: () => logger,
  };
  return { logger, lines };
}

function setUp(options: { enabled?: boolean; silenced?: boolean } = {}) {
  const time = fakeTime();
  const feed = fakeUpdater();
  const { logger, lines } = recordingLogger();
  const events = createEventHub();
  const sent: UpdateStatus[] = [];
  events.subscribe((message) => {
    if (message.event === 'updateStatusChanged') sent.push(message.payload as UpdateStatus);
  });
  const switches = { enabled: options.enabled ?? true, silenced: options.silenced ?? false };
  const service = createUpdateService({
    updater: feed.updater,
    events,
    logger,
    enabled: () => switches.enabled,
    silenced: () => switches.silenced,
    now: time.now,
    timers: time.timers,
  });
  return { time, feed, lines, sent, switches, service };
}

describe('the update service', () => {
  it('checks at start and then once a day, not more', async () => {
    const { time, feed, service } = setUp();
    service.start();
    expect(feed.checks).toHaveLength(1);
    feed.checks[0]?.resolve(null);
    await vi.waitFor(() => expect(service.status().lastCheck?.ok).toBe(true));
    expect(service.status().state).toBe('idle');

    time.advance(CHECK_EVERY_MS - 1);
    expect(feed.checks).toHaveLength(1);
    time.advance(1);
    expect(feed.checks).toHaveLength(2);
    feed.checks[1]?.resolve(null);
    await vi.waitFor(() => expect(service.status().state).toBe('idle'));
    time.advance(CHECK_EVERY_MS);
    expect(feed.checks).toHaveLength(3);
  });

  it('treats a failed check as one quiet log line, and tries again the next day', async () => {
    const { time, feed, service, lines, sent } = setUp();
    service.start();
    feed.checks[0]?.reject(new Error('getaddrinfo ENOTFOUND github.com'));
    await vi.waitFor(() => expect(service.status().lastCheck).toMatchObject({ ok: false }));
    expect(service.status()).toMatchObject({ state: 'idle', notice: false, version: null });
    expect(lines.filter((l) => l.level === 'warn')).toEqual([
      { level: 'warn', message: 'update check failed; trying again tomorrow' },
    ]);
    expect(sent.every((s) => !s.notice)).toBe(true);
    time.advance(CHECK_EVERY_MS);
    expect(feed.checks).toHaveLength(2);
  });

  it('downloads a newer version in the background, then offers a restart and never restarts itself', async () => {
    const { time, feed, service } = setUp();
    service.start();
    feed.checks[0]?.resolve({ version: '0.2.0' });
    await vi.waitFor(() => expect(feed.downloads).toHaveLength(1));
    expect(service.status()).toMatchObject({ state: 'downloading', version: '0.2.0', notice: false });
    feed.downloads[0]?.resolve();
    await vi.waitFor(() => expect(service.status().state).toBe('ready'));
    expect(service.status()).toMatchObject({ version: '0.2.0', notice: true });

    // Days pass: no more checks for what is already downloaded, and no restart without the user.
    time.advance(5 * CHECK_EVERY_MS);
    expect(feed.checks).toHaveLength(1);
    expect(feed.updater.installs).toBe(0);
    expect(service.restartNow()).toEqual({ restarting: true });
    expect(feed.updater.installs).toBe(1);
  });

  it('refuses a restart when nothing is ready', () => {
    const { feed, service } = setUp();
    service.start();
    expect(service.restartNow()).toEqual({ restarting: false });
    expect(feed.updater.installs).toBe(0);
  });

  it('holds the notice while the user trades, is paused or in quiet hours, and shows it after', async () => {
    const { time, feed, service, switches, sent } = setUp({ silenced: true });
    service.start();
    feed.checks[0]?.resolve({ version: '0.2.0' });
    await vi.waitFor(() => expect(feed.downloads).toHaveLength(1));
    feed.downloads[0]?.resolve();
    await vi.waitFor(() => expect(service.status().state).toBe('ready'));
    expect(service.status().notice).toBe(false);

    // Quiet hours end by themselves: the service looks again without being told.
    switches.silenced = false;
    time.advance(HELD_RECHECK_MS);
    expect(service.status().notice).toBe(true);
    expect(sent.at(-1)).toMatchObject({ state: 'ready', notice: true });

    // "I'm trading" switched on: told through reconsider(), the notice goes away at once.
    switches.silenced = true;
    service.reconsider();
    expect(sent.at(-1)).toMatchObject({ state: 'ready', notice: false });
  });

  it('"Later" hides the notice for a day', async () => {
    const { time, feed, service } = setUp();
    service.start();
    feed.checks[0]?.resolve({ version: '0.2.0' });
    await vi.waitFor(() => expect(feed.downloads).toHaveLength(1));
    feed.downloads[0]?.resolve();
    await vi.waitFor(() => expect(service.status().notice).toBe(true));
    expect(service.later()).toMatchObject({ state: 'ready', notice: false });
    time.advance(LATER_MS - 1);
    expect(service.status().notice).toBe(false);
    time.advance(1);
    expect(service.status().notice).toBe(true);
  });

  it('a failed download is logged quietly and retried with the next daily check', async () => {
    const { time, feed, service, lines } = setUp();
    service.start();
    feed.checks[0]?.resolve({ version: '0.2.0' });
    await vi.waitFor(() => expect(feed.downloads).toHaveLength(1));
    feed.downloads[0]?.reject(new Error('sha512 checksum mismatch'));
    await vi.waitFor(() => expect(service.status()).toMatchObject({ state: 'idle', version: null }));
    expect(
      lines.some((l) => l.level === 'warn' && l.message.includes('downloading update 0.2.0 failed')),
    ).toBe(true);
    time.advance(CHECK_EVERY_MS);
    expect(feed.checks).toHaveLength(2);
  });

  it('does not check while switched off, and checks at once when switched back on', async () => {
    const { time, feed, service, switches } = setUp({ enabled: false });
    service.start();
    expect(service.status().state).toBe('off');
    time.advance(3 * CHECK_EVERY_MS);
    expect(feed.checks).toHaveLength(0);

    switches.enabled = true;
    service.reconsider();
    expect(feed.checks).toHaveLength(1);
    feed.checks[0]?.resolve(null);
    await vi.waitFor(() => expect(service.status().state).toBe('idle'));

    // Off again: the daily check planned is dropped.
    switches.enabled = false;
    service.reconsider();
    expect(service.status().state).toBe('off');
    time.advance(2 * CHECK_EVERY_MS);
    expect(feed.checks).toHaveLength(1);
  });

  it('stops planning checks once closed', () => {
    const { time, feed, service } = setUp();
    service.start();
    service.close();
    feed.checks[0]?.resolve(null);
    time.advance(3 * CHECK_EVERY_MS);
    expect(feed.checks).toHaveLength(1);
    expect(time.pendingCount()).toBe(0);
  });
});
