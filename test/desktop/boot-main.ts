// One boot of the built main process (out/main/index.js of the extracted package) under Node, with
// the strict stand-in for `electron` (strict-electron.ts) on one simulated platform. Run by
// verify-desktop.ts in a child process per platform, since the app is a process-wide singleton:
//
//   node test/desktop/boot-main.ts <appDir> <win32|darwin|linux> <report.json> [primary|second|development]
//
// primary: start → window → tray → second instance → quit from the tray.
// second: this launch does not get the single-instance lock: it must quit and touch nothing.
// development: the app run from a checkout (app.isPackaged false): start → quit (on win32: ended
// by the OS with 'session-end', which must run the quit path).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorMessage } from '../../shared/error-message.ts';
import { installElectronHook } from './electron-hook.ts';
import { createStrictElectron, type Platform, type StrictMenuItem } from './strict-electron.ts';

export type BootMode = 'primary' | 'second' | 'development';

export interface BootStep {
  step: string;
  ok: boolean;
  detail: string;
}

export interface BootReport {
  platform: Platform;
  mode: BootMode;
  steps: BootStep[];
  violations: string[];
  /** Every image path the app handed to Electron (tray, windows, notifications). */
  images: string[];
}

const [appDir, platformArg, reportFile, modeArg = 'primary'] = process.argv.slice(2);
if (!appDir || !reportFile || !['win32', 'darwin', 'linux'].includes(String(platformArg)))
  throw new Error('usage: boot-main.ts <appDir> <win32|darwin|linux> <report.json> [mode]');
const platform = platformArg as Platform;
const mode = modeArg as BootMode;

// The app reads process.platform at run time; node:path keeps the real separator (POSIX here).
Object.defineProperty(process, 'platform', { value: platform, configurable: true });

const dataDir = await mkdtemp(join(tmpdir(), `verify-desktop-${platform}-`));
const { electron, sim } = createStrictElectron({
  platform,
  dataDir,
  packaged: mode !== 'development',
  gotLock: mode !== 'second',
  appVersion: '0.0.0-verify',
});
installElectronHook(electron);

const steps: BootStep[] = [];
const asyncErrors: string[] = [];
process.on('unhandledRejection', (reason) => asyncErrors.push(errorMessage(reason)));
process.on('uncaughtException', (error) => asyncErrors.push(errorMessage(error)));

/** Where the current step began in the error lists. */
let mark = { boxes: 0, errors: 0 };

/** Why the app cannot get anywhere any more: an error box or an uncaught error since the step began. */
function stuck(): string | undefined {
  const boxes = sim.errorBoxes.slice(mark.boxes).map((box) => `error box "${box.title}": ${box.content}`);
  const problems = [...boxes, ...asyncErrors.slice(mark.errors)];
  return problems.length ? problems.join('\n') : undefined;
}

/** Waits for a state of the app (never a duration); gives up when it cannot come. */
async function until(what: string, condition: () => boolean, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    const reason = stuck();
    if (reason) throw new Error(`waiting for ${what}: ${reason}`);
    // A safety net for a hang, not a timing assertion: the machine may be slow.
    if (Date.now() - started > limitMs) throw new Error(`${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function step(name: string, body: () => Promise<string | undefined> | string | undefined) {
  const before = sim.violations.length;
  mark = { boxes: sim.errorBoxes.length, errors: asyncErrors.length };
  try {
    const detail = (await body()) ?? '';
    const broken = sim.violations.slice(before).map((v) => v.message);
    const problem = stuck();
    const ok = broken.length === 0 && !problem;
    steps.push({ step: name, ok, detail: [detail, ...broken, problem].filter(Boolean).join('\n') });
  } catch (error) {
    const broken = sim.violations.slice(before).map((v) => v.message);
    const message = errorMessage(error);
    steps.push({ step: name, ok: false, detail: [...new Set([message, ...broken])].join('\n') });
  }
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function findItem(items: readonly StrictMenuItem[], pattern: RegExp): StrictMenuItem | undefined {
  for (const item of items) {
    if (item.label && pattern.test(item.label) && item.visible !== false) return item;
    const inner = item.submenu && findItem(item.submenu.items, pattern);
    if (inner) return inner;
  }
  return undefined;
}

const window = () => sim.windows()[0];

/** The tray icon states of core's tray model (electron/core/tray/tray-model.ts, TrayIconState). */
const TRAY_STATES = ['normal', 'newEarnings', 'offline', 'signedOut'] as const;

/** Windows 10's default theme (light apps, dark taskbar) needs the icon for dark panels. */
function trayVariant(path: string | undefined): string {
  const parts = (path ?? '').split(sep);
  return parts.at(-2) ?? '';
}

// The settings a returning user may have: on top, start at login (so both are exercised).
if (mode !== 'second') {
  const userData = join(dataDir, 'userData');
  await mkdir(userData, { recursive: true });
  const { openSettingsFile } = await import('../../electron/core/settings/settings-storage.ts');
  const { DEFAULT_SETTINGS } = await import('../../shared/settings.ts');
  openSettingsFile({ cwd: userData }).write({
    ...DEFAULT_SETTINGS,
    window: { ...DEFAULT_SETTINGS.window, alwaysOnTop: true, startAtLogin: true, startHidden: false },
  });
}

await step('start: the main script runs and asks for the single-instance lock first', async () => {
  await import(pathToFileURL(join(appDir, 'out/main/index.js')).href);
  check(sim.lockAsked, 'app.requestSingleInstanceLock() was never called');
  sim.launch();
  return `first calls: ${sim.calls.slice(0, 4).join(', ')}`;
});

if (mode === 'second') {
  await step('second instance: quits at once without a window, tray or protocol', async () => {
    await until('the second instance to quit', () => sim.exited);
    check(sim.windows().length === 0, 'the second instance opened a window');
    check(sim.trays().length === 0, 'the second instance made a tray icon');
    return undefined;
  });
} else {
  await step('window: opens, serves the page over app://, shows', async () => {
    await until('the window to load and show', () => Boolean(window()?.loaded && window()?.visible));
    const shown = window();
    check(shown, 'no window');
    const loaded = shown.loaded;
    check(loaded?.status === 200, `the page answered ${loaded?.status} for ${loaded?.url}`);
    check(loaded?.type?.startsWith('text/html'), `the page is ${loaded?.type}, not HTML`);
    const preferences = shown.options.webPreferences as Record<string, unknown>;
    check(
      preferences.sandbox === true &&
        preferences.contextIsolation === true &&
        preferences.nodeIntegration !== true,
      'the window is not sandboxed and isolated',
    );
    return `${loaded.url} → ${loaded.status} ${loaded.type}`;
  });

  if (mode === 'primary') {
    await step('window: always on top holds once the window is visible', async () => {
      const shown = window();
      check(shown, 'no window');
      const applied = shown.alwaysOnTop.filter((call) => call.flag);
      check(
        applied.length > 0,
        '[always-on-top-visible] the alwaysOnTop setting is on, but setAlwaysOnTop(true) was never called',
      );
      check(
        shown.effectivelyOnTop(),
        `[always-on-top-visible] the window is not on top: ${JSON.stringify(shown.alwaysOnTop)} (last call must be on a visible window)`,
      );
      return `setAlwaysOnTop calls: ${JSON.stringify(shown.alwaysOnTop)}`;
    });

    await step('tray: an icon that reads on the taskbar, with a menu', async () => {
      await until('the tray icon', () => sim.trays().length > 0);
      const tray = sim.trays()[0];
      check(tray, 'no tray');
      check(tray.menu && tray.menu.items.length > 0, 'the tray has no context menu');
      if (platform === 'win32') {
        // Windows 10 default: shouldUseDarkColors false (apps), …ForSystemIntegratedUI true (taskbar).
        check(
          trayVariant(tray.image.path) === 'dark',
          `[tray-contrast] on a dark taskbar with light apps (Windows 10's default) the tray icon must be the one for dark panels (nativeTheme.shouldUseDarkColorsForSystemIntegratedUI), got ${tray.image.path}`,
        );
        sim.setTheme({ darkTaskbar: false });
        check(
          trayVariant(tray.image.path) === 'light',
          `[tray-contrast] after the taskbar turned light (nativeTheme 'updated') the icon stayed ${tray.image.path}`,
        );
        sim.setTheme({ darkTaskbar: true });
      }
      return `icon ${tray.image.path}`;
    });

    await step('tray: closing hides to the tray; the tray brings the window back', async () => {
      const shown = window();
      check(shown, 'no window');
      shown.close();
      check(!shown.isDestroyed() && !shown.isVisible(), 'closing the window did not hide it to the tray');
      const tray = sim.trays()[0];
      check(tray, 'no tray');
      // The user clicks the icon (left); where that opens the menu instead, picks "Open…" in it.
      const { events, menu } = sim.clickTray(tray, 'left');
      let how = `left click → ${events.join(', ') || 'no event'}`;
      if (!shown.isVisible() && menu) {
        const open = findItem(menu.items, /^open\b/i);
        check(open, `a left click opened the tray menu, which has no "Open…" item`);
        sim.clickMenuItem(open);
        how += `, menu → "${open.label}"`;
      }
      await until('the window to show', () => shown.isVisible());
      check(
        shown.effectivelyOnTop(),
        '[always-on-top-visible] the window shown from the tray is no longer on top',
      );
      return how;
    });

    await step('second instance: a second launch brings the window forward', async () => {
      const shown = window();
      check(shown, 'no window');
      shown.close();
      shown.minimize();
      sim.secondInstance(['--second']);
      await until('the window to show', () => shown.isVisible() && shown.isFocused());
      return undefined;
    });

    await step('quit: the tray menu’s Quit ends the app', async () => {
      const tray = sim.trays()[0];
      check(tray, 'no tray');
      const { menu } = sim.clickTray(tray, 'right');
      const items = menu?.items ?? tray.menu?.items ?? [];
      const quit = findItem(items, /^quit\b/i);
      check(quit, 'the tray menu has no Quit item');
      sim.clickMenuItem(quit);
      await until('the app to quit', () => sim.exited);
      check(sim.trays().length === 0, 'the tray icon outlived the app');
      return undefined;
    });
  } else if (platform === 'win32') {
    // The other way down on Windows: the OS ends the session. (Its own run, since after it the
    // primary run's tray Quit has nothing left to click.)
    await step("Windows shutdown: 'session-end' runs the quit path and the app ends", async () => {
      const listening = sim.endSession();
      check(
        listening > 0,
        "[session-end-flush] nothing listens to the window's 'session-end': on Windows shutdown Electron ends the process without before-quit/will-quit, so settings, caches and the request outbox are not flushed",
      );
      await until('the app to end after session-end', () => sim.exited);
      return undefined;
    });
  } else {
    await step('quit', async () => {
      sim.quit();
      await until('the app to quit', () => sim.exited);
      return undefined;
    });
  }
}

if (mode === 'primary') {
  // Images the glue names but this run did not show (other tray states, a notification's icon):
  // asked for through the glue's own code, with the package's out/main, so every path it can
  // compute is checked against the package.
  await step('images: every tray state and the notification icon exist in the package', async () => {
    const mainDir = join(appDir, 'out/main');
    const { trayIconPath } = await import('../../electron/main/tray.ts');
    const { createLiveGlue } = await import('../../electron/main/live-glue.ts');
    const iconsDir = join(appDir, 'resources/icons');
    for (const state of TRAY_STATES)
      for (const dark of [false, true])
        (electron.nativeImage as { createFromPath(path: string): unknown }).createFromPath(
          trayIconPath(iconsDir, state, platform, dark),
        );
    const glue = createLiveGlue({ mainDir, userDataDir: join(dataDir, 'glue'), argv: [], log: () => {} });
    glue.notificationSink.deliver({
      id: 'verify',
      kind: 'summary',
      title: 'Verify',
      body: 'A notification with the app icon.',
      at: new Date().toISOString(),
      count: 1,
      target: { section: 'earnings' },
    } as Parameters<typeof glue.notificationSink.deliver>[0]);
    glue.destroy();
    return `${sim.imagePaths.size} image paths`;
  });
}

const report: BootReport = {
  platform,
  mode,
  steps,
  violations: sim.violations.map((v) => v.message),
  images: [...sim.imagePaths],
};
await writeFile(reportFile, JSON.stringify(report, null, 2));
await rm(dataDir, { recursive: true, force: true }).catch(() => {});
// Electron ends the process after 'quit' whatever is still open; so does this stand-in.
process.exit(0);
