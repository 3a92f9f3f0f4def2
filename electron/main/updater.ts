// The Electron side of updates: a thin adapter from electron-updater's autoUpdater to core's
// Updater port. Core decides when to check, download and offer a restart
// (electron/core/updates/update-service.ts); this only carries it out.
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../core/logging/logger.ts';
import type { Updater } from '../core/updates/update-service.ts';

export function createUpdaterGlue(updater: AppUpdater, logger: Logger): Updater {
  // Core downloads when it decides to, never on electron-updater's own schedule.
  updater.autoDownload = false;
  // A downloaded update installs when the user quits (never a restart they did not ask for).
  updater.autoInstallOnAppQuit = true;
  updater.allowPrerelease = false;
  updater.allowDowngrade = false;
  // Only full installers (and their blockmaps for differential downloads), never a web installer.
  updater.disableWebInstaller = true;
  // electron-updater's own lines go to the companion's log; its errors are debug here because
  // core logs each failed check or download once, quietly.
  updater.logger = {
    info: (message?: unknown) => logger.debug(String(message)),
    warn: (message?: unknown) => logger.warn(String(message)),
    error: (message?: unknown) => logger.debug(String(message)),
    debug: (message: string) => logger.debug(message),
  };
  return {
    async check() {
      const result = await updater.checkForUpdates();
      // null: the updater is inactive (a development run); not newer: up to date.
      if (!result?.isUpdateAvailable) return null;
      return { version: result.updateInfo.version };
    },
    async download() {
      await updater.downloadUpdate();
    },
    installAndRestart() {
      // Not silent (the installer's progress shows), and the companion starts again after it.
      updater.quitAndInstall(false, true);
    },
  };
}
