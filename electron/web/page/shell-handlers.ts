// The bridge methods the browser shell answers in the page itself, with the browser's own
// capabilities: the counterpart of electron/main/shell-handlers.ts. Typed as ShellHandlers, so a
// shell method added to the contract fails to compile until it is handled here too.

import { BridgeError, type ShellHandlers } from '../../../shared/bridge.ts';
import { errorMessage } from '../../../shared/error-message.ts';
import { allowedExternalUrl, EXTERNAL_LINK_HOSTS, externalLinkProblem } from '../../core/external-links.ts';

export interface PageCapabilities {
  writeText(text: string): Promise<void>;
  /** The clipboard's text; only while the page has focus (browsers enforce it too). */
  readText(): Promise<string>;
  hasFocus(): boolean;
  writeImage(png: Blob): Promise<void>;
  /** Follows a link outside the app (new tab, or the mail client for mailto:). */
  openLink(url: string): void;
  download(file: Blob, name: string): void;
}

export function createPageShellHandlers(
  page: PageCapabilities = browserCapabilities(),
  /** Exact origins also allowed out: the accounts server, whose sign-in page opens in a new tab. */
  trustedOrigins: () => Promise<readonly string[]> = async () => [],
): ShellHandlers {
  return {
    async copyText({ text }) {
      await refusedAs('copy', () => page.writeText(text));
      return { copied: true };
    },
    async readClipboardText() {
      // Never in the background: a page without focus does not look at what the user copies.
      if (!page.hasFocus()) {
        throw new BridgeError({
          code: 'forbidden',
          message: 'The clipboard is read only while the companion has focus.',
          retryable: false,
        });
      }
      let text = '';
      await refusedAs('read the clipboard', async () => {
        text = await page.readText();
      });
      return { text: text.slice(0, 10_000) };
    },
    async copyImage({ pngBase64 }) {
      await refusedAs('copy the image', () => page.writeImage(pngBlob(pngBase64)));
      return { copied: true };
    },
    async openExternal({ url }) {
      const origins = await trustedOrigins();
      const allowed = allowedExternalUrl(url, EXTERNAL_LINK_HOSTS, origins);
      if (allowed === null) {
        throw new BridgeError({
          code: 'forbidden',
          message: externalLinkProblem(url, EXTERNAL_LINK_HOSTS, origins) ?? 'This link may not be opened.',
          retryable: false,
        });
      }
      page.openLink(allowed);
      return { opened: true };
    },
    async openLogsFolder() {
      // A web page cannot open a folder: Settings → About shows its path instead.
      return { opened: false };
    },
    async saveFile(input) {
      const file =
        input.mime === 'image/png' ? pngBlob(input.dataBase64) : new Blob([input.text], { type: input.mime });
      // A download: the browser asks where to save, or saves to its download folder, as set up.
      page.download(file, input.name);
      return { saved: true };
    },
  };
}

async function refusedAs(what: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    throw new BridgeError({
      code: 'forbidden',
      message: `The browser refused to ${what}: ${errorMessage(error)}`,
      retryable: true,
    });
  }
}

function pngBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

function clickLink(configure: (link: HTMLAnchorElement) => void): void {
  const link = document.createElement('a');
  configure(link);
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function browserCapabilities(): PageCapabilities {
  return {
    writeText: (text) => navigator.clipboard.writeText(text),
    readText: () => navigator.clipboard.readText(),
    hasFocus: () => document.hasFocus(),
    writeImage: (png) => navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]),
    openLink(url) {
      clickLink((link) => {
        link.href = url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      });
    },
    download(file, name) {
      const url = URL.createObjectURL(file);
      clickLink((link) => {
        link.href = url;
        link.download = name;
      });
      // The download has started from the click; the URL is no longer needed after that.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
