// The welcome and link mode in the UI, against a fake bridge that behaves like core: choosing a mode
// announces appInfoChanged, link mode's referral is the saved link.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppInfo, BridgeError } from '../../../shared/bridge.ts';
import { en } from '../../../shared/i18n/resources.ts';
import { parseReferralInput } from '../../../shared/referral-link.ts';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { decodeQrSvg, svgFromDataUrl } from '../testing/decode-qr-svg.ts';
import { FakeBridge, signedOutView } from '../testing/fake-bridge.ts';

const LINK = 'https://accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D';
let bridge: FakeBridge;

const info = (mode: AppInfo['mode']): AppInfo => ({
  version: '1',
  mode,
  accountsUrl: mode === 'demo' ? 'http://127.0.0.1:4100/' : null,
  shell: 'browser',
});

/** Like core: the mode switches at once and is announced; link mode serves the saved link. */
function likeCore(start: AppInfo['mode']) {
  bridge.answerAppInfo = async () => info(start);
  bridge.session = signedOutView;
  bridge.answerReferral = async () => {
    const parsed = bridge.settings.referralLink ? parseReferralInput(bridge.settings.referralLink) : null;
    if (!parsed?.ok) throw new BridgeError({ code: 'rejected', message: 'No link saved.', retryable: false });
    return { code: parsed.code, link: parsed.link, linkBase: 'https://accounts.quantower.com/referral' };
  };
  const update = bridge.answerUpdate;
  bridge.answerUpdate = async (patch) => {
    const before = bridge.settings;
    const saved = await update(patch);
    bridge.emitSettingsChanged(saved);
    if (patch.mode && patch.mode !== before.mode) {
      bridge.emitAppInfoChanged(info(patch.mode === 'server' ? 'custom' : patch.mode));
    }
    if (saved.referralLink !== before.referralLink && saved.referralLink) {
      bridge.emitReferralChanged(await bridge.answerReferral());
    }
    return saved;
  };
}

beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

describe('the welcome', () => {
  it('offers the three ways in, and "Use my referral link" opens the link form with no sign-in', async () => {
    likeCore('unchosen');
    const user = userEvent.setup();
    render(<CompanionRoot bridge={bridge.api} />);
    await screen.findByTestId('welcome');
    expect(screen.getByTestId('welcome-link').textContent).toBe(en.welcome.choices.link.action);
    expect(screen.getByTestId('welcome-demo').textContent).toBe(en.welcome.choices.demo.action);
    expect(screen.queryByTestId('sign-in-button')).toBeNull();
    await user.click(screen.getByTestId('welcome-link'));
    expect(bridge.settingsPatches).toContainEqual({ mode: 'link' });
    await screen.findByTestId('link-form');
    expect(screen.queryByTestId('welcome')).toBeNull();
    expect(screen.queryByTestId('sign-in-button')).toBeNull();
  });

  it('"Try the demo" is one click and leads to the demo (its badge, its sign-in)', async () => {
    likeCore('unchosen');
    const user = userEvent.setup();
    render(<CompanionRoot bridge={bridge.api} />);
    await user.click(await screen.findByTestId('welcome-demo'));
    expect(bridge.settingsPatches.filter((patch) => 'mode' in patch)).toEqual([{ mode: 'demo' }]);
    await screen.findByTestId('demo-badge');
    await screen.findByTestId('sign-in-button');
  });

  it('checks the server address before connecting: https, except on this computer', async () => {
    likeCore('unchosen');
    const user = userEvent.setup();
    render(<CompanionRoot bridge={bridge.api} />);
    await user.click(await screen.findByTestId('welcome-server'));
    await user.type(screen.getByTestId('welcome-server-url'), 'http://accounts.example.com/');
    await user.click(screen.getByTestId('welcome-server-connect'));
    expect((await screen.findByTestId('welcome-server-url-error')).textContent).toBe(
      en.welcome.urlRefusals['not-https'],
    );
    expect(bridge.settingsPatches.filter((patch) => 'mode' in patch)).toEqual([]);
    await user.clear(screen.getByTestId('welcome-server-url'));
    await user.type(screen.getByTestId('welcome-server-url'), 'http://127.0.0.1:4100/');
    await user.click(screen.getByTestId('welcome-server-connect'));
    expect(bridge.settingsPatches).toContainEqual({ mode: 'server', accountsUrl: 'http://127.0.0.1:4100/' });
  });
});

describe('link mode', () => {
  async function linkMode() {
    likeCore('link');
    bridge.settings = { ...bridge.settings, mode: 'link' };
    const user = userEvent.setup();
    render(<CompanionRoot bridge={bridge.api} />);
    await screen.findByTestId('link-form');
    return user;
  }

  it('saves a bare code as the one link, then shows it with its QR code', async () => {
    const user = await linkMode();
    await user.type(screen.getByLabelText(en.welcome.link.inputLabel), 'AB+CD/9=');
    await user.click(screen.getByTestId('link-save'));
    expect(bridge.settingsPatches).toContainEqual({ referralLink: LINK });
    expect((await screen.findByTestId('referral-link')).textContent).toBe(LINK);
    expect(screen.getByTestId('referral-code').textContent).toBe('AB+CD/9=');
    const img = await screen.findByTestId('referral-qr');
    expect(decodeQrSvg(svgFromDataUrl(img.getAttribute('src') ?? ''))).toBe(LINK);
  });

  it.each([
    ['https://evil.example/referral?referral_code=AB', 'other-host'],
    ['http://accounts.quantower.com/referral?referral_code=AB', 'not-https'],
    ['javascript:alert(1)', 'unsafe-scheme'],
    ['https://accounts.quantower.com/referral?referral_code=', 'empty-code'],
  ] as const)('refuses %s with its reason and saves nothing', async (input, reason) => {
    const user = await linkMode();
    fireEvent.change(screen.getByTestId('link-input'), { target: { value: input } });
    await user.click(screen.getByTestId('link-save'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(en.welcome.refusals[reason]);
    expect(bridge.settingsPatches.filter((patch) => 'referralLink' in patch)).toEqual([]);
  });

  it('Paste reads the clipboard on the click only, and fills the field', async () => {
    const user = await linkMode();
    bridge.clipboardText = `  ${LINK}\n`;
    expect(bridge.clipboardReads).toHaveLength(0);
    await user.click(screen.getByTestId('link-paste'));
    expect(bridge.clipboardReads).toHaveLength(1);
    expect((screen.getByTestId('link-input') as HTMLInputElement).value).toBe(LINK);
    await user.click(screen.getByTestId('link-save'));
    expect(bridge.settingsPatches).toContainEqual({ referralLink: LINK });
  });

  it('on window focus only, offers a different Quantower link from the clipboard', async () => {
    const user = await linkMode();
    bridge.clipboardText = LINK;
    expect(bridge.clipboardReads).toHaveLength(0);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await user.click(await screen.findByTestId('link-offer-use'));
    expect(bridge.settingsPatches).toContainEqual({ referralLink: LINK });
    await screen.findByTestId('referral-link');
    // The saved link is not offered again; plain text (a would-be code) is never offered.
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    bridge.clipboardText = 'just some words';
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(bridge.clipboardReads).toHaveLength(3));
    expect(screen.queryByTestId('link-offer')).toBeNull();
  });

  it('earnings say there are no figures in this mode and how to get them; payouts go to support', async () => {
    const user = await linkMode();
    await user.click(screen.getByTestId('tab-earnings'));
    const notice = await screen.findByTestId('link-mode-earnings');
    expect(notice.textContent).toContain(en.welcome.earnings.heading);
    expect(notice.querySelector('canvas, svg')).toBeNull();
    expect(bridge.earnings.calls).toEqual({
      getEarnings: 0,
      refreshEarnings: 0,
      getEarningsSeries: 0,
      listReferralStats: 0,
    });
    // Payouts go through Quantower Support: the request form and the journal of requests sent.
    await user.click(screen.getByTestId('tab-payouts'));
    const panel = await screen.findByTestId('support-requests-payout');
    expect(panel.textContent).toContain(en.supportRequests.payoutHeading);
  });
});
