import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../shared/i18n/resources.ts';
import {
  buildShareUrl,
  DEFAULT_SHARE_MESSAGES,
  parseShareUrl,
  SHARE_TARGETS,
} from '../../../../shared/share-targets.ts';
import { App } from '../../App.tsx';
import { AppProviders } from '../../shell/bridge-context.tsx';
import { decodeQrSvg, svgFromDataUrl } from '../../testing/decode-qr-svg.ts';
import { demoReferral, FakeBridge } from '../../testing/fake-bridge.ts';
import { ReferralStoreProvider } from '../referral-context.tsx';
import { createReferralStore } from '../referral-store.ts';
import { ShareStoreProvider } from './share-context.tsx';
import { createShareStore } from './share-store.ts';

const PNG = 'iVBORw0KGgoAAAANSUhEUg==';
let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

async function renderApp() {
  const { referralQrSvg } = await import('../referral-qr.ts');
  render(
    <AppProviders bridge={bridge.api}>
      <ReferralStoreProvider store={createReferralStore(bridge.api)}>
        <ShareStoreProvider
          store={createShareStore(bridge.api, {
            qr: { png: async () => PNG, svg: referralQrSvg },
            saveDelayMs: 0,
          })}
        >
          <App />
        </ShareStoreProvider>
      </ReferralStoreProvider>
    </AppProviders>,
  );
  const panel = await screen.findByTestId('share-panel');
  await waitFor(() =>
    expect((screen.getByTestId('share-message') as HTMLTextAreaElement).disabled).toBe(false),
  );
  return within(panel);
}

const preview = () => screen.getByTestId('share-preview').textContent;

describe('the share panel', () => {
  it('has a button per service, each opening exactly that service URL', async () => {
    const user = userEvent.setup();
    const panel = await renderApp();
    for (const target of SHARE_TARGETS) {
      await user.click(
        panel.getByRole('button', {
          name: en.share.shareOn.replace('{{service}}', en.share.targets[target]),
        }),
      );
    }
    const message = DEFAULT_SHARE_MESSAGES.en.replace('{code}', demoReferral.code);
    expect(bridge.opened).toEqual(
      SHARE_TARGETS.map((target) =>
        buildShareUrl(target, { link: demoReferral.link, message, language: 'en' }),
      ),
    );
  });

  it('previews the message live as it is typed, and shares what was previewed', async () => {
    const user = userEvent.setup();
    await renderApp();
    const editor = screen.getByTestId('share-message');
    expect(preview()).toBe(
      `${DEFAULT_SHARE_MESSAGES.en.replace('{code}', demoReferral.code)}\n${demoReferral.link}`,
    );

    await user.clear(editor);
    // user-event reads { as a key descriptor; {{ types one brace.
    await user.type(editor, 'Мой код {{code} — 50% + 🎉');
    expect(preview()).toBe(`Мой код ${demoReferral.code} — 50% + 🎉\n${demoReferral.link}`);
    await user.click(screen.getByTestId('share-whatsapp'));
    expect(parseShareUrl(bridge.opened[0] as string).params.text).toBe(preview());
    await waitFor(() => expect(bridge.settings.share.messages.en).toBe('Мой код {code} — 50% + 🎉'));
  });

  it('names an unknown placeholder and disables sharing until it is fixed', async () => {
    const user = userEvent.setup();
    await renderApp();
    const editor = screen.getByTestId('share-message');
    await user.clear(editor);
    await user.type(editor, 'Hi {{name}');
    expect(screen.getByTestId('share-message-problem').textContent).toMatch(/Unknown placeholder \{name\}/);
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('share-telegram') as HTMLButtonElement).disabled).toBe(true);
    expect(preview()).toBe('');

    await user.clear(editor);
    await user.type(editor, 'Hi {{link}');
    expect(screen.queryByTestId('share-message-problem')).toBeNull();
    expect((screen.getByTestId('share-telegram') as HTMLButtonElement).disabled).toBe(false);
  });

  it('switches to the Russian default and back to the default after an edit', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('share-language-ru'));
    const editor = screen.getByTestId('share-message') as HTMLTextAreaElement;
    await waitFor(() => expect(editor.value).toBe(DEFAULT_SHARE_MESSAGES.ru));
    expect(bridge.settings.language).toBe('ru');
    const reset = screen.getByTestId('share-message-reset') as HTMLButtonElement;
    expect(reset.disabled).toBe(true);

    await user.type(editor, ' Жду!');
    await waitFor(() => expect(bridge.settings.share.messages.ru).toBe(`${DEFAULT_SHARE_MESSAGES.ru} Жду!`));
    await user.click(reset);
    await waitFor(() => expect(editor.value).toBe(DEFAULT_SHARE_MESSAGES.ru));
    expect(bridge.settings.share.messages.ru).toBeNull();

    await user.click(screen.getByTestId('share-email'));
    const { params } = parseShareUrl(bridge.opened[0] as string);
    expect(params.subject).toBe('Реферальная ссылка Quantower');
    expect(params.body).toBe(
      `${DEFAULT_SHARE_MESSAGES.ru.replace('{code}', demoReferral.code)}\n${demoReferral.link}`,
    );
  });

  it('copies the code with its own button and confirmation', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByRole('button', { name: en.share.copyCodeAccessibleName }));
    expect(bridge.copiedTexts).toEqual([demoReferral.code]);
    expect((await screen.findByTestId('copy-code-confirmation')).textContent).toBe(en.share.codeCopied);
    // The link's confirmation is a different one.
    expect(screen.queryByTestId('copy-confirmation')).toBeNull();
  });

  it('copies the link with Ctrl+Shift+C and the code with Ctrl+Shift+K (or Cmd), not with plain Ctrl+C', async () => {
    await renderApp();
    const press = (init: KeyboardEventInit) =>
      act(() => {
        window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      });
    await press({ code: 'KeyC', key: 'c', ctrlKey: true });
    await press({ code: 'KeyK', key: 'k', ctrlKey: true });
    expect(bridge.copiedTexts).toEqual([]);

    await press({ code: 'KeyC', key: 'C', ctrlKey: true, shiftKey: true });
    // A Russian layout: the same physical key.
    await press({ code: 'KeyK', key: 'Л', metaKey: true, shiftKey: true });
    await waitFor(() => expect(bridge.copiedTexts).toEqual([demoReferral.link, demoReferral.code]));
    expect(await screen.findByTestId('copy-confirmation')).toBeTruthy();
    expect(await screen.findByTestId('copy-code-confirmation')).toBeTruthy();
  });

  it('shows the QR code large in a dialog and gives focus back when it closes', async () => {
    const user = userEvent.setup();
    await renderApp();
    const show = screen.getByTestId('show-qr');
    await user.click(show);
    const dialog = screen.getByTestId('qr-dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    const large = await within(dialog).findByTestId('qr-large');
    expect(decodeQrSvg(svgFromDataUrl(large.getAttribute('src') ?? ''))).toBe(demoReferral.link);
    expect(Number(large.getAttribute('width'))).toBeGreaterThan(
      Number(screen.getByTestId('referral-qr').getAttribute('width')),
    );
    expect(document.activeElement).toBe(screen.getByTestId('qr-close'));

    await user.click(screen.getByTestId('qr-close'));
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(show);
  });

  it('closes the QR dialog when the browser closes it (Esc)', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('show-qr'));
    const dialog = screen.getByTestId('qr-dialog') as HTMLDialogElement;
    act(() => {
      // What the browser does on Esc: cancel, then close.
      dialog.close();
      fireEvent(dialog, new Event('close'));
    });
    expect(screen.queryByTestId('qr-large')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('show-qr'));
  });

  it('saves PNG and SVG and copies the image, each confirmed', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByTestId('save-png'));
    expect(await screen.findByTestId('save-png-confirmation')).toBeTruthy();
    await user.click(screen.getByTestId('save-svg'));
    expect(await screen.findByTestId('save-svg-confirmation')).toBeTruthy();
    await user.click(screen.getByTestId('copy-image'));
    expect((await screen.findByTestId('copy-image-confirmation')).textContent).toBe(en.share.imageCopied);

    expect(bridge.savedFiles.map((file) => file.mime)).toEqual(['image/png', 'image/svg+xml']);
    const svg = bridge.savedFiles[1] as { text: string };
    expect(decodeQrSvg(svg.text)).toBe(demoReferral.link);
    expect(bridge.copiedImages).toEqual([PNG]);
  });

  it('shows why the image could not be copied', async () => {
    const user = userEvent.setup();
    bridge.answerCopyImage = () =>
      Promise.reject(Object.assign(new Error('Document is not focused.'), { code: 'forbidden' }));
    await renderApp();
    await user.click(screen.getByTestId('copy-image'));
    expect((await screen.findByTestId('copy-image-error')).textContent).toContain('Document is not focused.');
  });
});

vi.setConfig({ testTimeout: 15_000 });
