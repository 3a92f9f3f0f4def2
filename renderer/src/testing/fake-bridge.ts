// A BridgeApi for tests: answers like the real bridge by default, and each answer can be
// replaced (a failure, or a promise the test settles itself) to drive the UI through every state.
import type {
  AppInfo,
  BridgeApi,
  EventName,
  EventPayload,
  MethodInput,
  ReferralView,
  SessionView,
} from '../../../shared/bridge.ts';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  type Settings,
  SettingsPatch,
} from '../../../shared/settings.ts';
import { FakeAbout, isAboutEvent } from './fake-about.ts';
import { FakeEarnings, isEarningsEvent } from './fake-earnings.ts';
import { FakeLive, isLiveEvent } from './fake-live.ts';
import { FakePayouts, isPayoutEvent } from './fake-payouts.ts';
import { FakeSupportJournal } from './fake-support-journal.ts';

export const demoReferral: ReferralView = {
  code: 'QT+DEMO/42=',
  linkBase: 'https://accounts.quantower.com/referral',
  link: 'https://accounts.quantower.com/referral?referral_code=QT%2BDEMO%2F42%3D',
  partner: { partnerId: 'demo-partner', email: 'demo@example.com', displayName: 'Alex Demo' },
};

export const demoAppInfo: AppInfo = {
  version: '0.1.0',
  mode: 'demo',
  accountsUrl: 'http://127.0.0.1:4100/',
  shell: 'browser',
};

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const signedInView: SessionView = {
  state: 'signed-in',
  email: 'demo@example.com',
  storage: 'keychain',
};
export const signedOutView: SessionView = { state: 'signed-out', storage: 'keychain' };
export const signingInView: SessionView = {
  state: 'signing-in',
  authorizeUrl: 'http://127.0.0.1:4100/oauth/authorize?client_id=quantower-referral-companion&state=s',
  storage: 'keychain',
};

type ReferralListener = (payload: EventPayload<'referralChanged'>) => void;

export class FakeBridge {
  answerReferral: () => Promise<ReferralView> = async () => demoReferral;
  answerAppInfo: () => Promise<AppInfo> = async () => demoAppInfo;
  answerCopy: (text: string) => Promise<{ copied: true }> = async () => ({ copied: true });
  /** What readClipboardText answers (the shell reads it only on a click or on focus). */
  clipboardText = '';
  readonly clipboardReads: number[] = [];
  answerReadClipboard: () => Promise<{ text: string }> = async () => ({ text: this.clipboardText });

  readonly calls = { getReferral: 0, getAppInfo: 0 };
  readonly copiedTexts: string[] = [];
  private readonly listeners = new Set<ReferralListener>();

  /** Settings as the core would keep them; updateSettings validates patches like the dispatcher. */
  settings: Settings = DEFAULT_SETTINGS;
  answerSettings: () => Promise<Settings> = async () => this.settings;
  answerUpdate: (patch: MethodInput<'updateSettings'>) => Promise<Settings> = async (patch) => {
    this.settings = applySettingsPatch(this.settings, SettingsPatch.parse(patch));
    return this.settings;
  };
  readonly settingsPatches: MethodInput<'updateSettings'>[] = [];
  private readonly settingsListeners = new Set<(settings: Settings) => void>();
  private readonly appInfoListeners = new Set<(info: AppInfo) => void>();

  /** Signed in by default, so the dashboard shows; sign-in tests start from signedOutView. */
  session: SessionView = signedInView;
  readonly sessionCalls: string[] = [];
  answerSession: () => Promise<SessionView> = async () => this.session;
  answerSignIn: () => Promise<SessionView> = async () => this.setSession(signingInView);
  answerCancel: () => Promise<SessionView> = async () => this.setSession(signedOutView);
  answerSignOut: () => Promise<SessionView> = async () => this.setSession(signedOutView);
  private readonly sessionListeners = new Set<(view: SessionView) => void>();

  readonly opened: string[] = [];
  answerOpen: (url: string) => Promise<{ opened: true }> = async () => ({ opened: true });
  readonly savedFiles: MethodInput<'saveFile'>[] = [];
  answerSave: () => Promise<{ saved: boolean }> = async () => ({ saved: true });
  readonly copiedImages: string[] = [];
  answerCopyImage: () => Promise<{ copied: true }> = async () => ({ copied: true });
  /** Notifications, pause and live status (fake-live.ts). */
  readonly live = new FakeLive();
  /** Payouts, licenses and credits (fake-payouts.ts). */
  readonly payouts = new FakePayouts();
  /** Dashboard, history, series, referrals, CSV (fake-earnings.ts). */
  readonly earnings = new FakeEarnings();
  /** Requests sent to support (fake-support-journal.ts). */
  readonly supportJournal = new FakeSupportJournal();
  /** Diagnostics, updates, logs folder (fake-about.ts). */
  readonly about = new FakeAbout();

  /** The fake as the renderer sees it on window.companion. */
  readonly api: BridgeApi = {
    ...this.live.methods,
    ...this.payouts.methods,
    ...this.earnings.methods,
    ...this.supportJournal.methods,
    ...this.about.methods,
    getAppInfo: () => {
      this.calls.getAppInfo++;
      return this.answerAppInfo();
    },
    getReferral: () => {
      this.calls.getReferral++;
      return this.answerReferral();
    },
    copyText: ({ text }) => {
      this.copiedTexts.push(text);
      return this.answerCopy(text);
    },
    readClipboardText: () => {
      this.clipboardReads.push(Date.now());
      return this.answerReadClipboard();
    },
    getSession: () => this.answerSession(),
    signIn: () => {
      this.sessionCalls.push('signIn');
      return this.answerSignIn();
    },
    cancelSignIn: () => {
      this.sessionCalls.push('cancelSignIn');
      return this.answerCancel();
    },
    signOut: () => {
      this.sessionCalls.push('signOut');
      return this.answerSignOut();
    },
    getSettings: () => this.answerSettings(),
    updateSettings: (patch) => {
      this.settingsPatches.push(patch);
      return this.answerUpdate(patch);
    },
    openExternal: ({ url }) => {
      this.opened.push(url);
      return this.answerOpen(url);
    },
    saveFile: (input) => {
      this.savedFiles.push(input);
      return this.answerSave();
    },
    copyImage: ({ pngBase64 }) => {
      this.copiedImages.push(pngBase64);
      return this.answerCopyImage();
    },
    on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
      if (isLiveEvent(event)) return this.live.on(event, listener as never);
      if (isPayoutEvent(event)) return this.payouts.on(event, listener as never);
      if (isEarningsEvent(event)) return this.earnings.on(event, listener as never);
      if (event === 'supportJournalChanged') return this.supportJournal.on(listener as never);
      if (isAboutEvent(event)) return this.about.on(event, listener as never);
      if (event === 'sessionChanged') {
        const typed = listener as (view: SessionView) => void;
        this.sessionListeners.add(typed);
        return () => {
          this.sessionListeners.delete(typed);
        };
      }
      if (event === 'appInfoChanged') {
        const typed = listener as (info: AppInfo) => void;
        this.appInfoListeners.add(typed);
        return () => {
          this.appInfoListeners.delete(typed);
        };
      }
      if (event === 'settingsChanged') {
        const typed = listener as (settings: Settings) => void;
        this.settingsListeners.add(typed);
        return () => {
          this.settingsListeners.delete(typed);
        };
      }
      if (event !== 'referralChanged') throw new Error(`The fake bridge has no ${event} event.`);
      const typed = listener as ReferralListener;
      this.listeners.add(typed);
      return () => {
        this.listeners.delete(typed);
      };
    },
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  emitReferralChanged(referral: ReferralView): void {
    for (const listener of this.listeners) listener(referral);
  }

  /** Like core: a change of session is announced, then answered. */
  private setSession(view: SessionView): SessionView {
    this.emitSessionChanged(view);
    return view;
  }

  emitSessionChanged(view: SessionView): void {
    this.session = view;
    for (const listener of this.sessionListeners) listener(view);
  }

  /** Like core after a change of mode. */
  emitAppInfoChanged(info: AppInfo): void {
    this.answerAppInfo = async () => info;
    for (const listener of this.appInfoListeners) listener(info);
  }

  emitSettingsChanged(settings: Settings): void {
    this.settings = settings;
    for (const listener of this.settingsListeners) listener(settings);
  }
}
