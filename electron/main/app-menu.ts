// The application menu, set deliberately before the first window: without it Electron installs
// its default File/Edit/View/Window menu (a menu bar on the 420 px window, Reload and Toggle
// DevTools in production).
//
// - Windows/Linux, packaged: no menu (`Menu.setApplicationMenu(null)` also removes the bar).
//   Copy, paste, cut, undo and select-all in text fields keep working: there Chromium handles
//   those keys in the page itself, not through menu accelerators. A hidden menu
//   (`autoHideMenuBar`) was not chosen: Alt would reveal it and its Reload/DevTools accelerators
//   would stay live.
// - macOS: the app menu (About, Hide, Quit) and the Edit menu. macOS routes Cmd+C/V/X/Z/A through
//   the Edit menu's items, so without it those shortcuts do nothing in text fields.
// - Development only (not packaged): a View menu with Reload and Toggle Developer Tools.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuChoice {
  platform: NodeJS.Platform;
  /** app.isPackaged: false under `electron .` / electron-vite dev. */
  packaged: boolean;
}

/** The template to set, or null for no menu at all. */
export function applicationMenuTemplate(choice: MenuChoice): MenuItemConstructorOptions[] | null {
  const development: MenuItemConstructorOptions[] = choice.packaged
    ? []
    : [
        {
          label: 'View',
          submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
        },
      ];
  if (choice.platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, ...development];
  return development.length ? [{ role: 'editMenu' }, ...development] : null;
}
