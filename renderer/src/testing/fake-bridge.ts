// A BridgeApi for tests: answers like the real bridge by default, and each answer can be
// replaced (a failure, or a promise the test settles itself) to drive the UI through every state.
import type { AppInfo, BridgeApi, EventName, EventPayload, ReferralView } from '../../../shared/bridge.ts';

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

type ReferralListener = (payload: EventPayload<'referralChanged'>) => void;

export class FakeBridge {
  answerReferral: () => Promise<ReferralView> = async () => demoReferral;
  answerAppInfo: () => Promise<AppInfo> = async () => demoAppInfo;
  answerCopy: (text: string) => Promise<{ copied: true }> = async () => ({ copied: true });

  readonly calls = { getReferral: 0, getAppInfo: 0 };
  readonly copiedTexts: string[] = [];
  private readonly listeners = new Set<ReferralListener>();

  /** The fake as the renderer sees it on window.companion. */
  readonly api: BridgeApi = {
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
    on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
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
}
