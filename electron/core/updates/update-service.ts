// What the companion does about updates; the Electron glue (electron/main/updater.ts) only
// carries it out over electron-updater. Checks at start and then daily, downloads in the
// background, and never restarts on its own: when an update is ready it raises the "Update
// ready — restart now / later" notice, but not while the user trades, has paused notifications
// or is in quiet hours. A failed check or download is one quiet log line, never a dialog.
import type { UpdateStatus } from '../../../shared/bridge/about.ts';
import type { EventHub } from '../event-hub.ts';
import type { Logger } from '../logging/logger.ts';
import { realTimers, type Timers } from '../timers.ts';

/** The updater as core needs it; electron/main/updater.ts adapts electron-updater's autoUpdater. */
export interface Updater {
  /** Asks the update feed: the newer version, or null when this one is the latest. Throws when unreachable. */
  check(): Promise<{ version: string } | null>;
  /** Downloads the version the last check found; resolves when it is ready to install. */
  download(): Promise<void>;
  /** Quits, installs and starts the new version. Only ever called on the user's word. */
  installAndRestart(): void;
}

/** The update checks' timers (tests pass a fake clock). */
export type UpdateTimers = Timers;

export interface UpdateServiceOptions {
  updater: Updater;
  events: EventHub;
  logger: Logger;
  /** The user's switch (Settings → About). */
  enabled: () => boolean;
  /** Whether notices are held right now ("I'm trading", a pause, quiet hours): notifications' policy. */
  silenced: () => boolean;
  now?: () => number;
  timers?: UpdateTimers;
}

export interface UpdateService {
  status(): UpdateStatus;
  /** Checks now, then daily. */
  start(): void;
  /** The switch or the notification holds changed: act on it. */
  reconsider(): void;
  restartNow(): { restarting: boolean };
  later(): UpdateStatus;
  close(): void;
}

export const CHECK_EVERY_MS = 24 * 60 * 60_000;
/** "Later" hides the notice this long (the update installs anyway when the companion quits). */
export const LATER_MS = 24 * 60 * 60_000;
/** While a ready update is held back (quiet hours, trading), how often to look again. */
export const HELD_RECHECK_MS = 10 * 60_000;

export function createUpdateService(options: UpdateServiceOptions): UpdateService {
  const { updater, logger } = options;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? realTimers;
  let state: 'idle' | 'checking' | 'downloading' | 'ready' = 'idle';
  let version: string | null = null;
  let lastCheck: UpdateStatus['lastCheck'] = null;
  let laterUntil = 0;
  let nextCheck: unknown;
  let heldRecheck: unknown;
  let closed = false;
  let lastSent = '';

  function status(): UpdateStatus {
    const shownState = state === 'idle' && !options.enabled() ? 'off' : state;
    return {
      state: shownState,
      version,
      lastCheck,
      notice: state === 'ready' && now() >= laterUntil && !options.silenced(),
    };
  }

  function announce(): void {
    const current = status();
    const serialized = JSON.stringify(current);
    if (serialized === lastSent) return;
    lastSent = serialized;
    options.events.emit('updateStatusChanged', current);
  }

  function schedule(): void {
    if (nextCheck !== undefined) timers.clearTimeout(nextCheck);
    nextCheck = undefined;
    if (closed || !options.enabled() || state === 'ready') return;
    nextCheck = timers.setTimeout(() => {
      nextCheck = undefined;
      void check();
    }, CHECK_EVERY_MS);
  }

  /** While ready but held back (or postponed), look again now and then: quiet hours end by themselves. */
  function watchHeld(): void {
    if (heldRecheck !== undefined) timers.clearTimeout(heldRecheck);
    heldRecheck = undefined;
    if (closed || state !== 'ready' || status().notice) return;
    heldRecheck = timers.setTimeout(() => {
      heldRecheck = undefined;
      announce();
      watchHeld();
    }, HELD_RECHECK_MS);
  }

  async function check(): Promise<void> {
    if (closed || state !== 'idle' || !options.enabled()) return schedule();
    state = 'checking';
    announce();
    let found: { version: string } | null;
    try {
      found = await updater.check();
      lastCheck = { at: new Date(now()).toISOString(), ok: true };
    } catch (error) {
      lastCheck = { at: new Date(now()).toISOString(), ok: false };
      logger.warn('update check failed; trying again tomorrow', error);
      state = 'idle';
      announce();
      return schedule();
    }
    if (closed) return;
    if (!found) {
      logger.info('no update: this is the latest version');
      state = 'idle';
      announce();
      return schedule();
    }
    logger.info(`update ${found.version} found; downloading in the background`);
    state = 'downloading';
    version = found.version;
    announce();
    try {
      await updater.download();
    } catch (error) {
      logger.warn(`downloading update ${found.version} failed; trying again tomorrow`, error);
      state = 'idle';
      version = null;
      announce();
      return schedule();
    }
    if (closed) return;
    logger.info(`update ${found.version} downloaded; waiting for the user to restart`);
    state = 'ready';
    announce();
    schedule();
    watchHeld();
  }

  return {
    status,
    start() {
      if (options.enabled()) void check();
      else announce();
    },
    reconsider() {
      if (closed) return;
      // Switched (back) on with no check planned: check now.
      if (state === 'idle' && options.enabled() && nextCheck === undefined) {
        void check();
        return;
      }
      schedule();
      announce();
      watchHeld();
    },
    restartNow() {
      if (state !== 'ready') return { restarting: false };
      logger.info(`restarting to install ${version ?? 'the update'} (the user asked)`);
      updater.installAndRestart();
      return { restarting: true };
    },
    later() {
      if (state === 'ready') laterUntil = now() + LATER_MS;
      announce();
      watchHeld();
      return status();
    },
    close() {
      closed = true;
      if (nextCheck !== undefined) timers.clearTimeout(nextCheck);
      if (heldRecheck !== undefined) timers.clearTimeout(heldRecheck);
      nextCheck = undefined;
      heldRecheck = undefined;
    },
  };
}

/** The browser shell and development runs have no updater: About says so. */
export const UNSUPPORTED_UPDATES: UpdateStatus = Object.freeze({
  state: 'unsupported',
  version: null,
  lastCheck: null,
  notice: false,
});
