// The bridge methods Electron answers itself (platform capabilities, not core logic).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, type BrowserWindow, ClipboardItem, clipboard, dialog, nativeImage, shell } from 'electron';
import { BridgeError, type ShellHandlers } from '../../shared/bridge.ts';
import { allowedExternalUrl, EXTERNAL_LINK_HOSTS, externalLinkProblem } from '../core/external-links.ts';

export interface ElectronShellOptions {
  /** The window a save dialog belongs to (modal to it); absent: a free-standing dialog. */
  window?: () => BrowserWindow | undefined;
  /** Exact origins also allowed out, e.g. the accounts server whose sign-in page opens in the browser. */
  trustedOrigins?: () => readonly string[];
  /** The logs folder "Open logs folder" opens (the file logger's; absent: nothing to open). */
  logsDir?: string | undefined;
}

const FILE_TYPES = {
  'image/png': { name: 'PNG image', extension: 'png' },
  'image/svg+xml': { name: 'SVG image', extension: 'svg' },
  'text/csv': { name: 'CSV file', extension: 'csv' },
} as const;

export function createElectronShellHandlers(options: ElectronShellOptions = {}): ShellHandlers {
  return {
    copyText: async ({ text }) => {
      await clipboard.writeText(text);
      return { copied: true };
    },
    readClipboardText: async () => {
      // Only for the focused window (a click on Paste, or the window gaining focus): an app in the
      // background never looks at what the user copies.
      const window = options.window?.();
      if (!window || window.isDestroyed() || !window.isFocused()) {
        throw new BridgeError({
          code: 'forbidden',
          message: 'The clipboard is read only while the companion window has focus.',
          retryable: false,
        });
      }
      return { text: (await clipboard.readText()).slice(0, 10_000) };
    },
    openExternal: async ({ url }) => {
      // The same allow-list as every other way out of the app (main-window.ts, the browser shell).
      const origins = options.trustedOrigins?.() ?? [];
      const allowed = allowedExternalUrl(url, EXTERNAL_LINK_HOSTS, origins);
      if (allowed === null) {
        throw new BridgeError({
          code: 'forbidden',
          message: externalLinkProblem(url, EXTERNAL_LINK_HOSTS, origins) ?? 'This link may not be opened.',
          retryable: false,
        });
      }
      await shell.openExternal(allowed);
      return { opened: true };
    },
    copyImage: async ({ pngBase64 }) => {
      const png = Buffer.from(pngBase64, 'base64');
      // Decoding it first turns a damaged image into a clear error instead of an empty clipboard.
      if (nativeImage.createFromBuffer(png).isEmpty()) {
        throw new BridgeError({
          code: 'invalid-input',
          message: 'The image is not a PNG Electron can read.',
          retryable: false,
        });
      }
      await clipboard.write([new ClipboardItem({ 'image/png': new Blob([png], { type: 'image/png' }) })]);
      return { copied: true };
    },
    saveFile: async (input) => {
      const dialogOptions: Electron.SaveDialogOptions = {
        defaultPath: join(app.getPath('downloads'), input.name),
        filters: [{ name: FILE_TYPES[input.mime].name, extensions: [FILE_TYPES[input.mime].extension] }],
      };
      const window = options.window?.();
      const choice =
        window && !window.isDestroyed()
          ? await dialog.showSaveDialog(window, dialogOptions)
          : await dialog.showSaveDialog(dialogOptions);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFile(
        choice.filePath,
        input.mime === 'image/png' ? Buffer.from(input.dataBase64, 'base64') : input.text,
      );
      return { saved: true };
    },
    openLogsFolder: async () => {
      if (!options.logsDir) return { opened: false };
      // openPath answers an error message, or '' when the file manager opened it.
      return { opened: (await shell.openPath(options.logsDir)) === '' };
    },
  };
}
