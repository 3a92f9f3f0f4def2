import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyXdgAutostart,
  autostartDir,
  autostartEntry,
  autostartExecutable,
  loginItemMechanism,
  quoteExecArgument,
} from './autostart.ts';

describe('start at login', () => {
  it('is offered only by a packaged app, per platform', () => {
    expect(loginItemMechanism('win32', true)).toBe('login-item');
    expect(loginItemMechanism('darwin', true)).toBe('login-item');
    expect(loginItemMechanism('linux', true)).toBe('xdg-autostart');
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(loginItemMechanism(platform, false)).toBe('none');
    }
    expect(loginItemMechanism('freebsd', true)).toBe('none');
  });

  it('finds the autostart folder and the executable that survives a reboot', () => {
    expect(autostartDir({}, '/home/u')).toBe('/home/u/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/autostart');
    expect(
      autostartExecutable({ APPIMAGE: '/home/u/Apps/Companion.AppImage' }, '/tmp/.mount_x/companion'),
    ).toBe('/home/u/Apps/Companion.AppImage');
    expect(autostartExecutable({}, '/opt/C/referral-companion')).toBe('/opt/C/referral-companion');
  });

  it('quotes Exec arguments by the Desktop Entry rules', () => {
    expect(quoteExecArgument('/usr/bin/companion')).toBe('/usr/bin/companion');
    expect(quoteExecArgument('/opt/My App/x')).toBe('"/opt/My App/x"');
    expect(quoteExecArgument('/opt/a"b$c`d\\e')).toBe('"/opt/a\\"b\\$c\\`d\\\\e"');
    expect(quoteExecArgument('100%')).toBe('100%%');
    // The value level escapes backslashes once more.
    expect(autostartEntry({ name: 'N', exec: '/opt/a$b', args: [] })).toContain('Exec="/opt/a\\\\$b"\n');
  });

  it('writes the entry and removes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'autostart-'));
    try {
      const options = { id: 'com.example.app', name: 'Example', exec: '/opt/Ex/ex', args: ['--hidden'], dir };
      await applyXdgAutostart(options, true);
      expect(await readFile(join(dir, 'com.example.app.desktop'), 'utf8')).toBe(
        [
          '[Desktop Entry]',
          'Type=Application',
          'Version=1.0',
          'Name=Example',
          'Exec=/opt/Ex/ex --hidden',
          'Terminal=false',
          'X-GNOME-Autostart-enabled=true',
          '',
        ].join('\n'),
      );
      await applyXdgAutostart(options, false);
      await expect(readFile(join(dir, 'com.example.app.desktop'))).rejects.toThrow(/ENOENT/);
      await applyXdgAutostart(options, false); // already gone: fine
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
