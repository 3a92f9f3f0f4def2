// Draws core's tray model (electron/core/tray) with Electron's Tray and Menu, and carries the
// clicks back to core. No decisions here: icon state, tooltip and menu come from core.
import { join } from 'node:path';
import { Menu, type MenuItemConstructorOptions, nativeImage, nativeTheme, Tray } from 'electron';
import {
  type TrayAction,
  type TrayIconState,
  type TrayMenuItem,
  type TrayModel,
  trayOnDarkPanel,
} from '../core/tray/tray-model.ts';
import type { TrayPort, TrayService } from '../core/tray/tray-service.ts';

/**
 * macOS: template images (black + alpha; the menu bar recolours them for light, dark and
 * highlighted). Windows: .ico with every size; Linux: PNG (+ @2x). Both in the variant that reads
 * on the taskbar/panel: "dark" has a light glyph for dark panels.
 */
export function trayIconPath(
  iconsDir: string,
  state: TrayIconState,
  platform: NodeJS.Platform,
  dark: boolean,
): string {
  if (platform === 'darwin') return join(iconsDir, 'tray', 'template', `${state}Template.png`);
  return join(iconsDir, 'tray', dark ? 'dark' : 'light', `${state}.${platform === 'win32' ? 'ico' : 'png'}`);
}

export function menuTemplate(
  items: readonly TrayMenuItem[],
  act: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => menuItem(item, act));
}

function menuItem(item: TrayMenuItem, act: (action: TrayAction) => void): MenuItemConstructorOptions {
  switch (item.type) {
    case 'separator':
      return { type: 'separator' };
    case 'label':
      return { label: item.label, enabled: false };
    case 'action':
      return { label: item.label, enabled: item.enabled, click: () => act(item.action) };
    case 'checkbox':
      return {
        type: 'checkbox',
        label: item.label,
        checked: item.checked,
        enabled: item.enabled,
        click: () => act(item.action),
      };
    case 'submenu':
      return { label: item.label, submenu: menuTemplate(item.items, act) };
  }
}

export interface ElectronTrayOptions {
  service: TrayService;
  /** resources/icons of the app. */
  iconsDir: string;
  showWindow(): void;
  copyText(text: string): Promise<void>;
  quit(): void;
  platform?: NodeJS.Platform;
  log?: (message: string) => void;
}

export function createElectronTray(options: ElectronTrayOptions): { destroy(): void } {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? console.warn;
  let tray: Tray | undefined;
  let last: TrayModel | undefined;

  const act = (action: TrayAction) => {
    options.service.act(action).catch((error: unknown) => log(`tray: ${action} failed: ${String(error)}`));
  };

  function image(state: TrayIconState) {
    const picture = nativeImage.createFromPath(
      trayIconPath(options.iconsDir, state, platform, trayOnDarkPanel(platform, nativeTheme)),
    );
    if (platform === 'darwin') picture.setTemplateImage(true);
    return picture;
  }

  function draw(model: TrayModel) {
    last = model;
    if (!tray) {
      tray = new Tray(image(model.icon));
      // Windows and Linux: a click on the icon opens the companion (macOS shows the menu).
      if (platform !== 'darwin') tray.on('click', () => options.showWindow());
    } else {
      tray.setImage(image(model.icon));
    }
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(model.menu, act)));
  }

  const port: TrayPort = {
    render: draw,
    showWindow: options.showWindow,
    copyText: options.copyText,
    quit: options.quit,
  };
  // Light/dark taskbar or panel switched ('updated' covers both of nativeTheme's signals): same
  // model, the other icon variant.
  const onTheme = () => last && draw(last);
  nativeTheme.on('updated', onTheme);
  const detach = options.service.attach(port);

  return {
    destroy() {
      detach();
      nativeTheme.off('updated', onTheme);
      tray?.destroy();
      tray = undefined;
    },
  };
}
