import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError } from '../../../../shared/bridge.ts';
import { DEFAULT_SETTINGS } from '../../../../shared/settings.ts';
import {
  buildShareUrl,
  DEFAULT_SHARE_MESSAGES,
  parseShareUrl,
  SHARE_TARGETS,
} from '../../../../shared/share-targets.ts';
import { decodeQrSvg } from '../../testing/decode-qr-svg.ts';
import { demoReferral, FakeBridge } from '../../testing/fake-bridge.ts';
import { createShareStore, messageTemplate, type QrExporter, qrFileName } from './share-store.ts';

const PNG = 'iVBORw0KGgoAAAANSUhEUg==';
const referral = { code: demoReferral.code, link: demoReferral.link };
let bridge: FakeBridge;
let qr: QrExporter;

beforeEach(async () => {
  bridge = new FakeBridge();
  const { referralQrSvg } = await import('../referral-qr.ts');
  // happy-dom has no canvas, so the PNG is a stand-in here; the browser test decodes real ones.
  qr = { png: vi.fn(async () => PNG), svg: referralQrSvg };
});
afterEach(() => vi.useRealTimers());

async function started(options: { confirmationMs?: number; saveDelayMs?: number } = {}) {
  const store = createShareStore(bridge.api, { qr, ...options });
  const stop = store.getState().start();
  await vi.waitFor(() => expect(store.getState().settings.status).toBe('ready'));
  return { store, stop };
}

describe('the share message', () => {
  it('uses the default message of the chosen language until the user writes one', async () => {
    const { store } = await started();
    expect(messageTemplate(store.getState(), 'en')).toBe(DEFAULT_SHARE_MESSAGES.en);
    await store.getState().setLanguage('ru');
    expect(bridge.settingsPatches).toEqual([{ language: 'ru' }]);
    expect(messageTemplate(store.getState(), 'ru')).toBe(DEFAULT_SHARE_MESSAGES.ru);
  });

  it('saves a valid edit once typing pauses, and never an invalid one', async () => {
    vi.useFakeTimers();
    const { store } = await started({ saveDelayMs: 500 });
    store.getState().editMessage('en', 'Hi {name}');
    await vi.advanceTimersByTimeAsync(600);
    expect(bridge.settingsPatches).toEqual([]);
    // The draft stays on screen as typed, problem and all.
    expect(messageTemplate(store.getState(), 'en')).toBe('Hi {name}');

    store.getState().editMessage('en', 'Hi {link}');
    store.getState().editMessage('en', 'Hi {link}!');
    await vi.advanceTimersByTimeAsync(600);
    expect(bridge.settingsPatches).toEqual([{ share: { messages: { en: 'Hi {link}!' } } }]);
    expect(store.getState().drafts).toEqual({});
    expect(messageTemplate(store.getState(), 'en')).toBe('Hi {link}!');
  });

  it('saves at once on flush, and resets to the default with null', async () => {
    const { store } = await started({ saveDelayMs: 60_000 });
    store.getState().editMessage('ru', 'Привет {code}');
    await store.getState().flushMessage();
    expect(bridge.settings.share.messages.ru).toBe('Привет {code}');
    await store.getState().resetMessage('ru');
    expect(bridge.settingsPatches.at(-1)).toEqual({ share: { messages: { ru: null } } });
    expect(messageTemplate(store.getState(), 'ru')).toBe(DEFAULT_SHARE_MESSAGES.ru);
  });

  it('follows settings changed elsewhere', async () => {
    const { store, stop } = await started();
    bridge.emitSettingsChanged({
      ...DEFAULT_SETTINGS,
      language: 'ru',
      share: { messages: { en: null, ru: 'Новое {link}' } },
    });
    expect(messageTemplate(store.getState(), 'ru')).toBe('Новое {link}');
    stop();
    bridge.emitSettingsChanged(DEFAULT_SETTINGS);
    expect(messageTemplate(store.getState(), 'ru')).toBe('Новое {link}');
  });

  it('reports settings that cannot be loaded', async () => {
    bridge.answerSettings = () =>
      Promise.reject(new BridgeError({ code: 'internal', message: 'disk full', retryable: true }));
    const store = createShareStore(bridge.api, { qr });
    store.getState().start();
    await vi.waitFor(() => expect(store.getState().settings.status).toBe('error'));
    // Sharing still works with the default message.
    expect(messageTemplate(store.getState(), 'en')).toBe(DEFAULT_SHARE_MESSAGES.en);
  });
});

describe('share actions', () => {
  it.each(SHARE_TARGETS)('opens the %s URL built from the link and the rendered message', async (target) => {
    const { store } = await started();
    store.getState().editMessage('en', 'Code {code}: 100% + 🎉');
    await store.getState().share(target, referral);
    const expected = buildShareUrl(target, {
      link: referral.link,
      message: `Code ${referral.code}: 100% + 🎉`,
      language: 'en',
    });
    expect(bridge.opened).toEqual([expected]);
    expect(parseShareUrl(bridge.opened[0] as string).target).toBe(target);
    expect(store.getState().actions.share.status).toBe('done');
  });

  it('says why a share page could not be opened', async () => {
    bridge.answerOpen = () =>
      Promise.reject(
        new BridgeError({ code: 'forbidden', message: 'not on the allow-list', retryable: false }),
      );
    const { store } = await started();
    await store.getState().share('x', referral);
    expect(store.getState().actions.share).toEqual({ status: 'failed', message: 'not on the allow-list' });
  });

  it('copies exactly the code and confirms it for a moment', async () => {
    vi.useFakeTimers();
    const { store } = await started({ confirmationMs: 2000 });
    await store.getState().copyCode(referral);
    expect(bridge.copiedTexts).toEqual(['QT+DEMO/42=']);
    expect(store.getState().actions.copyCode.status).toBe('done');
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.getState().actions.copyCode.status).toBe('idle');
  });

  it('copies the PNG of the link as an image', async () => {
    const { store } = await started();
    await store.getState().copyImage(referral);
    expect(qr.png).toHaveBeenCalledWith(referral.link);
    expect(bridge.copiedImages).toEqual([PNG]);
    expect(store.getState().actions.copyImage.status).toBe('done');
  });

  it('saves a PNG and an SVG that scans back to exactly the link', async () => {
    const { store } = await started();
    await store.getState().saveImage(referral, 'png');
    await store.getState().saveImage(referral, 'svg');
    const [png, svg] = bridge.savedFiles;
    expect(png).toEqual({ name: 'quantower-referral-QT_DEMO_42_.png', mime: 'image/png', dataBase64: PNG });
    expect(svg).toMatchObject({ name: 'quantower-referral-QT_DEMO_42_.svg', mime: 'image/svg+xml' });
    expect(decodeQrSvg((svg as { text: string }).text)).toBe(referral.link);
    expect(store.getState().actions.savePng.status).toBe('done');
    expect(store.getState().actions.saveSvg.status).toBe('done');
  });

  it('confirms nothing when the user cancels the save dialog', async () => {
    bridge.answerSave = async () => ({ saved: false });
    const { store } = await started();
    await store.getState().saveImage(referral, 'svg');
    expect(store.getState().actions.saveSvg.status).toBe('idle');
  });

  it('makes file names safe on every system', () => {
    expect(qrFileName('a+b/c=d%e', 'png')).toBe('quantower-referral-a_b_c_d_e.png');
    expect(qrFileName('..\\код', 'svg')).toBe('quantower-referral-______.svg');
    expect(qrFileName('X'.repeat(200), 'png')).toBe(`quantower-referral-${'X'.repeat(64)}.png`);
  });
});
