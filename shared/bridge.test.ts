import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BridgeError,
  type BridgeResult,
  bridgeMethods,
  type CoreHandlers,
  type CoreMethodName,
  eventNames,
  methodNames,
  type ShellMethodName,
} from './bridge.ts';
import { type BridgeTransport, createBridgeApi } from './bridge-client.ts';

const partner = { partnerId: 'p1', email: 'demo@example.com', displayName: 'Demo' };
const referral = {
  code: 'QT+1',
  link: 'https://accounts.quantower.com/referral?referral_code=QT%2B1',
  linkBase: 'https://accounts.quantower.com/referral',
  partner,
};

function transport(answer: (method: string, input: unknown) => BridgeResult | unknown) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const t: BridgeTransport = {
    invoke: async (method, input) => {
      calls.push([method, input]);
      return answer(method, input);
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { t, calls, listeners };
}

describe('the bridge contract', () => {
  it('splits methods between core and shell, every one with schemas', () => {
    expectTypeOf<CoreMethodName>().toEqualTypeOf<
      | 'getAppInfo'
      | 'getReferral'
      | 'getSettings'
      | 'updateSettings'
      | 'getSession'
      | 'signIn'
      | 'cancelSignIn'
      | 'signOut'
      | 'getLiveStatus'
      | 'getNotificationPause'
      | 'pauseNotifications'
      | 'setTrading'
      | 'listNotifications'
      | 'openNotification'
      | 'markEarningsSeen'
      | 'reportUiLanguage'
      | 'getTray'
      | 'getPayouts'
      | 'preparePayout'
      | 'submitPayout'
      | 'cancelPayout'
      | 'dismissRequest'
      | 'getSupportJournal'
      | 'recordSupportRequest'
      | 'setSupportRequestStatus'
      | 'setSupportReminder'
      | 'exportSupportJournalCsv'
      | 'getLicenses'
      | 'prepareCredit'
      | 'submitCredit'
      | 'dismissOffer'
      | 'getEarnings'
      | 'refreshEarnings'
      | 'listHistory'
      | 'getEarningsSeries'
      | 'listReferralStats'
      | 'exportHistoryCsv'
      | 'getDiagnostics'
      | 'getUpdateStatus'
      | 'restartToUpdate'
      | 'postponeUpdate'
    >();
    expectTypeOf<ShellMethodName>().toEqualTypeOf<
      'copyText' | 'openExternal' | 'saveFile' | 'copyImage' | 'readClipboardText' | 'openLogsFolder'
    >();
    for (const name of methodNames) {
      expect(bridgeMethods[name].input).toBeDefined();
      expect(bridgeMethods[name].output).toBeDefined();
    }
    expect(eventNames).toContain('referralChanged');
  });

  it('makes a missing core handler a compile error', () => {
    // @ts-expect-error getReferral is missing: CoreHandlers requires every core method.
    const incomplete: CoreHandlers = { getAppInfo: async () => ({}) as never };
    expect(incomplete).toBeDefined();
  });
});

describe('createBridgeApi', () => {
  it('exposes exactly the contract methods plus on()', () => {
    const api = createBridgeApi(transport(() => ({ ok: true, value: {} })).t);
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('validates input before it leaves the page', async () => {
    const { t, calls } = transport(() => ({ ok: true, value: { copied: true } }));
    const api = createBridgeApi(t);
    await expect(api.copyText({ text: '' })).rejects.toMatchObject({ code: 'invalid-input' });
    // @ts-expect-error an unknown field is not part of the contract
    await expect(api.copyText({ text: 'x', extra: 1 })).rejects.toBeInstanceOf(BridgeError);
    expect(calls).toEqual([]);
  });

  it('unwraps success and turns failures into BridgeError with their code', async () => {
    const { t } = transport((method) =>
      method === 'getReferral'
        ? { ok: true, value: referral }
        : { ok: false, error: { code: 'unavailable', message: 'down', retryable: true } },
    );
    const api = createBridgeApi(t);
    await expect(api.getReferral({})).resolves.toEqual(referral);
    await expect(api.getAppInfo({})).rejects.toMatchObject({
      name: 'BridgeError',
      code: 'unavailable',
      retryable: true,
    });
  });

  it('refuses malformed envelopes and off-contract values', async () => {
    const bad = createBridgeApi(transport(() => 'nonsense').t);
    await expect(bad.getReferral({})).rejects.toMatchObject({ code: 'internal' });
    const off = createBridgeApi(transport(() => ({ ok: true, value: { code: 'x' } })).t);
    await expect(off.getReferral({})).rejects.toMatchObject({ name: 'BridgeError', code: 'internal' });
    const local = createBridgeApi(transport(() => ({})).t, { copyText: async () => ({ copied: 'yes' }) });
    await expect(local.copyText({ text: 'x' })).rejects.toMatchObject({ code: 'internal' });
  });

  it('runs shell methods locally when the shell provides them', async () => {
    const { t, calls } = transport(() => ({ ok: true, value: {} }));
    const copied: unknown[] = [];
    const api = createBridgeApi(t, {
      copyText: async (input) => {
        copied.push(input);
        return { copied: true };
      },
    });
    await expect(api.copyText({ text: 'hello' })).resolves.toEqual({ copied: true });
    expect(copied).toEqual([{ text: 'hello' }]);
    expect(calls).toEqual([]);
  });

  it('delivers only well-formed events', () => {
    const { t, listeners } = transport(() => ({ ok: true, value: {} }));
    const api = createBridgeApi(t);
    const seen: unknown[] = [];
    const off = api.on('referralChanged', (payload) => seen.push(payload));
    listeners.get('referralChanged')?.({ garbage: true });
    listeners.get('referralChanged')?.(referral);
    expect(seen).toEqual([referral]);
    off();
    expect(listeners.has('referralChanged')).toBe(false);
  });
});
