import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli.ts';
import { DATA_DIR_NAME, defaultDataDir } from './data-dir.ts';

describe('parseCliArgs', () => {
  it('defaults to any port, the per-user data dir and no mode (the welcome asks)', () => {
    expect(parseCliArgs([], { XDG_DATA_HOME: '/xdg' })).toEqual({
      port: 0,
      dataDir: join('/xdg', DATA_DIR_NAME),
      accountsUrl: undefined,
      keychain: true,
    });
  });

  it('takes the accounts URL from the flag, else from COMPANION_ACCOUNTS_URL', () => {
    const env = { COMPANION_ACCOUNTS_URL: 'http://127.0.0.1:9/' };
    expect(parseCliArgs([], env)).toMatchObject({ accountsUrl: 'http://127.0.0.1:9/' });
    expect(parseCliArgs(['--accounts-url', 'https://accounts.example/'], env)).toMatchObject({
      accountsUrl: 'https://accounts.example/',
    });
    expect(parseCliArgs([], { COMPANION_ACCOUNTS_URL: '  ' })).toMatchObject({ accountsUrl: undefined });
  });

  it('reads --mode, which skips the welcome', () => {
    expect(parseCliArgs(['--mode', 'demo'], {})).toMatchObject({ mode: 'demo' });
    expect(parseCliArgs(['--mode', 'link'], {})).toMatchObject({ mode: 'link' });
    expect(parseCliArgs(['--mode', 'server', '--accounts-url', 'https://a.example/'], {})).toMatchObject({
      mode: 'server',
      accountsUrl: 'https://a.example/',
    });
    expect(
      parseCliArgs(['--mode', 'server'], { COMPANION_ACCOUNTS_URL: 'https://a.example/' }),
    ).toMatchObject({
      mode: 'server',
    });
    expect(parseCliArgs([], {})).not.toHaveProperty('mode');
    expect(() => parseCliArgs(['--mode', 'sandbox'], {})).toThrow(/--mode must be demo, link or server/u);
    expect(() => parseCliArgs(['--mode', 'server'], {})).toThrow(/--mode server needs --accounts-url/u);
    expect(() => parseCliArgs(['--mode', 'demo', '--accounts-url', 'https://a.example/'], {})).toThrow(
      /cannot go with --mode demo/u,
    );
  });

  it('reads --port and --data-dir', () => {
    expect(parseCliArgs(['--port', '8123', '--data-dir', '/tmp/x'], {})).toEqual({
      port: 8123,
      dataDir: '/tmp/x',
      accountsUrl: undefined,
      keychain: true,
    });
    expect(parseCliArgs(['--no-keychain'], {})).toMatchObject({ keychain: false });
    expect(parseCliArgs(['--sign-in-timeout', '3'], {})).toMatchObject({ signInTimeoutMs: 3000 });
    expect(parseCliArgs(['--notification-burst-ms', '2000'], {})).toMatchObject({
      notificationBurstMs: 2000,
    });
    expect(parseCliArgs([], {})).not.toHaveProperty('notificationBurstMs');
  });

  it('refuses bad values with a clear message', () => {
    expect(() => parseCliArgs(['--port', '70000'], {})).toThrow(/--port must be a number in 0\.\.65535/u);
    expect(() => parseCliArgs(['--port', '-1'], {})).toThrow();
    expect(() => parseCliArgs(['--accounts-url', 'ftp://x/'], {})).toThrow(/http\(s\) URL/u);
    expect(() => parseCliArgs(['--accounts-url', 'not a url'], {})).toThrow(/http\(s\) URL/u);
    expect(() => parseCliArgs(['--data-dir', ''], {})).toThrow(/--data-dir/u);
    expect(() => parseCliArgs(['--sign-in-timeout', '0'], {})).toThrow(/--sign-in-timeout/u);
    expect(() => parseCliArgs(['--sign-in-timeout', '2.5'], {})).toThrow(/--sign-in-timeout/u);
    for (const bad of ['0', '-5', 'soon', '1e3']) {
      expect(() => parseCliArgs(['--notification-burst-ms', bad], {})).toThrow(/--notification-burst-ms/u);
    }
    expect(() => parseCliArgs(['--what'], {})).toThrow(/Unknown option/u);
  });

  it('recognizes --help', () => {
    expect(parseCliArgs(['--help'], {})).toBe('help');
  });
});

describe('defaultDataDir', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe(`/home/u/.local/share/${DATA_DIR_NAME}`);
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/u')).toBe(`/data/${DATA_DIR_NAME}`);
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/u')).toBe(
      `/home/u/.local/share/${DATA_DIR_NAME}`,
    );
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe(
      `/Users/u/Library/Application Support/${DATA_DIR_NAME}`,
    );
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toContain(
      DATA_DIR_NAME,
    );
  });
});
