// The share panel's state: the settings that hold the share message (loaded, edited, saved), and
// the feedback of each share action (copy code, copy image, save PNG/SVG, open a service). Built
// around an injected bridge and QR exporter, so tests drive it with fakes.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeApi, BridgeFailure } from '../../../../shared/bridge.ts';
import type { Language, Settings } from '../../../../shared/settings.ts';
import {
  buildShareUrl,
  DEFAULT_SHARE_MESSAGES,
  renderShareMessage,
  type ShareTarget,
  shareMessageProblem,
} from '../../../../shared/share-targets.ts';
import { resolveLocale, systemLanguages } from '../../i18n/i18n.ts';
import { firstPaintOf } from '../../shell/bridge-context.tsx';
import { toBridgeFailure } from '../../store/bridge-failure.ts';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: Settings }
  | { status: 'error'; error: BridgeFailure };

export type ActionName = 'copyCode' | 'copyImage' | 'savePng' | 'saveSvg' | 'share';
export type ActionState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done' }
  | { status: 'failed'; message: string };

export interface QrExporter {
  png(link: string): Promise<string>;
  svg(link: string): Promise<string>;
}

export interface ShareReferral {
  code: string;
  link: string;
}

export interface ShareState {
  settings: SettingsState;
  /** The system's languages, for a share language that follows a "system" UI language. */
  systemLanguages: readonly string[];
  /** Unsaved edits of the message, per language; saved once valid and the user pauses typing. */
  drafts: Partial<Record<Language, string>>;
  actions: Record<ActionName, ActionState>;
  /** Loads the settings and follows settingsChanged; returns a function that stops. */
  start(): () => void;
  setLanguage(language: Language): Promise<void>;
  editMessage(language: Language, text: string): void;
  /** Saves a pending edit at once (e.g. when the editor loses focus). */
  flushMessage(): Promise<void>;
  resetMessage(language: Language): Promise<void>;
  copyCode(referral: ShareReferral): Promise<void>;
  copyImage(referral: ShareReferral): Promise<void>;
  saveImage(referral: ShareReferral, format: 'png' | 'svg'): Promise<void>;
  share(target: ShareTarget, referral: ShareReferral): Promise<void>;
}

export type ShareStore = StoreApi<ShareState>;

export interface ShareStoreOptions {
  qr?: QrExporter;
  /** How long a "done" confirmation stays. */
  confirmationMs?: number;
  /** How long typing must pause before an edited message is saved. */
  saveDelayMs?: number;
}

const idle: ActionState = { status: 'idle' };

/** The message template in use for a language: the user's edit, their saved one, or the default. */
export function messageTemplate(state: ShareState, language: Language): string {
  const draft = state.drafts[language];
  if (draft !== undefined) return draft;
  const saved = state.settings.status === 'ready' ? state.settings.settings.share.messages[language] : null;
  return saved ?? DEFAULT_SHARE_MESSAGES[language];
}

/** The share message's language: the one chosen, else the UI's (resolved as the UI resolves it). */
export function currentLanguage(state: ShareState): Language {
  if (state.settings.status !== 'ready') return resolveLocale('system', state.systemLanguages);
  const { settings } = state.settings;
  return settings.language ?? resolveLocale(settings.ui.language, state.systemLanguages);
}

/** A file name from the code that is safe on every system: `quantower-referral-QT_DEMO_42_.png`. */
export function qrFileName(code: string, format: 'png' | 'svg'): string {
  const safe = code.replace(/[^A-Za-z0-9_-]/gu, '_').slice(0, 64);
  return `quantower-referral-${safe}.${format}`;
}

const defaultQr: QrExporter = {
  // Loaded on demand, like the on-screen code, so the generator stays out of the first bundle.
  png: async (link) => (await import('../referral-qr.ts')).referralQrPngBase64(link),
  svg: async (link) => (await import('../referral-qr.ts')).referralQrSvg(link),
};

export function createShareStore(bridge: BridgeApi, options: ShareStoreOptions = {}): ShareStore {
  const qr = options.qr ?? defaultQr;
  const confirmationMs = options.confirmationMs ?? 2000;
  const saveDelayMs = options.saveDelayMs ?? 500;
  const timers = new Map<ActionName, ReturnType<typeof setTimeout>>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  return createStore<ShareState>()((set, get) => {
    const setAction = (name: ActionName, state: ActionState) =>
      set((current) => ({ actions: { ...current.actions, [name]: state } }));

    /** Runs one action with busy → done (for a moment) | failed feedback. */
    const run = async (name: ActionName, action: () => Promise<boolean | undefined>) => {
      clearTimeout(timers.get(name));
      setAction(name, { status: 'busy' });
      try {
        const completed = await action();
        if (completed === false) {
          setAction(name, idle);
          return;
        }
        setAction(name, { status: 'done' });
        timers.set(
          name,
          setTimeout(() => setAction(name, idle), confirmationMs),
        );
      } catch (error) {
        setAction(name, { status: 'failed', message: errorMessage(error) });
      }
    };

    const showSettings = (settings: Settings) => {
      // Drop drafts the saved settings now match; keep those still being typed.
      const drafts = { ...get().drafts };
      for (const language of Object.keys(drafts) as Language[]) {
        if (drafts[language] === (settings.share.messages[language] ?? DEFAULT_SHARE_MESSAGES[language]))
          delete drafts[language];
      }
      set({ settings: { status: 'ready', settings }, drafts });
    };

    const saveDrafts = async () => {
      clearTimeout(saveTimer);
      const { drafts } = get();
      const messages: Partial<Record<Language, string>> = {};
      for (const [language, text] of Object.entries(drafts) as [Language, string][]) {
        if (shareMessageProblem(text) === null) messages[language] = text;
      }
      if (Object.keys(messages).length === 0) return;
      try {
        showSettings(await bridge.updateSettings({ share: { messages } }));
      } catch {
        // The draft stays on screen and in use for sharing; the next edit or blur saves again.
      }
    };

    return {
      settings: { status: 'loading' },
      systemLanguages: systemLanguages(firstPaintOf(bridge)),
      drafts: {},
      actions: { copyCode: idle, copyImage: idle, savePng: idle, saveSvg: idle, share: idle },

      start() {
        const stop = bridge.on('settingsChanged', showSettings);
        bridge.getSettings({}).then(showSettings, (error: unknown) => {
          if (get().settings.status !== 'ready')
            set({ settings: { status: 'error', error: toBridgeFailure(error) } });
        });
        return () => {
          stop();
          clearTimeout(saveTimer);
          for (const timer of timers.values()) clearTimeout(timer);
        };
      },

      async setLanguage(language) {
        try {
          showSettings(await bridge.updateSettings({ language }));
        } catch (error) {
          set({ settings: { status: 'error', error: toBridgeFailure(error) } });
        }
      },

      editMessage(language, text) {
        set((current) => ({ drafts: { ...current.drafts, [language]: text } }));
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => void saveDrafts(), saveDelayMs);
      },

      flushMessage: saveDrafts,

      async resetMessage(language) {
        set((current) => {
          const drafts = { ...current.drafts };
          delete drafts[language];
          return { drafts };
        });
        try {
          showSettings(await bridge.updateSettings({ share: { messages: { [language]: null } } }));
        } catch (error) {
          set({ settings: { status: 'error', error: toBridgeFailure(error) } });
        }
      },

      copyCode: (referral) =>
        run('copyCode', async () => {
          await bridge.copyText({ text: referral.code });
          return true;
        }),

      copyImage: (referral) =>
        run('copyImage', async () => {
          await bridge.copyImage({ pngBase64: await qr.png(referral.link) });
          return true;
        }),

      saveImage: (referral, format) =>
        run(format === 'png' ? 'savePng' : 'saveSvg', async () => {
          const name = qrFileName(referral.code, format);
          const result =
            format === 'png'
              ? await bridge.saveFile({ name, mime: 'image/png', dataBase64: await qr.png(referral.link) })
              : await bridge.saveFile({ name, mime: 'image/svg+xml', text: await qr.svg(referral.link) });
          // Cancelling the save dialog is not a failure, and nothing was saved to confirm.
          return result.saved;
        }),

      share: (target, referral) =>
        run('share', async () => {
          const state = get();
          const language = currentLanguage(state);
          const message = renderShareMessage(messageTemplate(state, language), referral);
          await bridge.openExternal({
            url: buildShareUrl(target, { link: referral.link, message, language }),
          });
          return true;
        }),
    };
  });
}

function errorMessage(error: unknown): string {
  // Message and template errors are already worded for the user; bridge failures carry theirs.
  return toBridgeFailure(error).message;
}
