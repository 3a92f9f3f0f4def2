import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError, type ReferralView } from '../../shared/bridge.ts';
import { en } from '../../shared/i18n/resources.ts';
import { CompanionRoot } from './CompanionRoot.tsx';
import { decodeQrSvg, svgFromDataUrl } from './testing/decode-qr-svg.ts';
import { deferred, demoAppInfo, demoReferral, FakeBridge } from './testing/fake-bridge.ts';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(cleanup);

function renderApp() {
  render(<CompanionRoot bridge={bridge.api} />);
}

async function qrText(): Promise<string | null> {
  const img = await screen.findByTestId('referral-qr');
  return decodeQrSvg(svgFromDataUrl(img.getAttribute('src') ?? ''));
}

describe('the referral screen', () => {
  it('shows a busy indicator while the referral loads', async () => {
    const answer = deferred<ReferralView>();
    bridge.answerReferral = () => answer.promise;
    renderApp();
    const loading = await screen.findByTestId('loading');
    expect(loading.getAttribute('aria-busy')).toBe('true');
    expect(loading.getAttribute('role')).toBe('status');
    expect(loading.textContent).toContain(en.referral.loading);

    await act(async () => answer.resolve(demoReferral));
    expect(screen.queryByTestId('loading')).toBeNull();
  });

  it('shows the code, the full link and a QR code of exactly that link', async () => {
    renderApp();
    expect((await screen.findByTestId('referral-code')).textContent).toBe('QT+DEMO/42=');
    expect(screen.getByTestId('referral-link').textContent).toBe(demoReferral.link);
    expect(screen.getByText('Alex Demo')).toBeTruthy();
    const qr = await screen.findByRole('img', { name: en.referral.qrAlt });
    expect(qr.getAttribute('data-testid')).toBe('referral-qr');
    expect(await qrText()).toBe(demoReferral.link);
  });

  it('copies the exact link and confirms it', async () => {
    const user = userEvent.setup();
    renderApp();
    const copy = await screen.findByRole('button', { name: en.referral.copyAccessibleName });
    expect(copy.getAttribute('data-testid')).toBe('copy-link');
    expect(screen.queryByTestId('copy-confirmation')).toBeNull();

    await user.click(copy);
    expect(bridge.copiedTexts).toEqual([demoReferral.link]);
    const confirmation = await screen.findByTestId('copy-confirmation');
    expect(confirmation.textContent).toBe(en.referral.copied);
    expect(confirmation.closest('[role="status"]')).not.toBeNull();
  });

  it('says so when the copy fails', async () => {
    const user = userEvent.setup();
    bridge.answerCopy = () =>
      Promise.reject(new BridgeError({ code: 'internal', message: 'Clipboard is busy', retryable: true }));
    renderApp();
    await user.click(await screen.findByTestId('copy-link'));
    const alert = await screen.findByTestId('copy-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(en.referral.copyFailed);
    expect(alert.textContent).toContain('Clipboard is busy');
    expect(screen.queryByTestId('copy-confirmation')).toBeNull();
  });

  it('follows a reissued code: new code, new link, new QR', async () => {
    renderApp();
    await screen.findByTestId('referral-qr');
    const reissued = {
      ...demoReferral,
      code: 'QT+NEW/7',
      link: 'https://accounts.quantower.com/referral?referral_code=QT%2BNEW%2F7',
    };
    act(() => bridge.emitReferralChanged(reissued));
    expect(screen.getByTestId('referral-code').textContent).toBe('QT+NEW/7');
    expect(screen.getByTestId('referral-link').textContent).toBe(reissued.link);
    await waitFor(async () => expect(await qrText()).toBe(reissued.link));
  });
});

describe('when the accounts server is down', () => {
  it('explains the problem, shows the details, and recovers on Retry', async () => {
    const user = userEvent.setup();
    bridge.answerReferral = () =>
      Promise.reject(
        new BridgeError({
          code: 'unavailable',
          message: 'connect ECONNREFUSED 127.0.0.1:4100',
          retryable: true,
        }),
      );
    renderApp();
    const error = await screen.findByTestId('error-message');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain("Can't reach the accounts server");
    expect(error.textContent).toContain('connect ECONNREFUSED 127.0.0.1:4100');
    expect(error.textContent).not.toContain(en.common.errorNotRetryableHint);
    expect(screen.queryByTestId('referral-link')).toBeNull();

    bridge.answerReferral = async () => demoReferral;
    await user.click(screen.getByRole('button', { name: en.common.retry }));
    expect((await screen.findByTestId('referral-link')).textContent).toBe(demoReferral.link);
    expect(screen.queryByTestId('error-message')).toBeNull();
    expect(bridge.calls.getReferral).toBe(2);
  });

  it('keeps keyboard focus on Retry when a retry fails again', async () => {
    const user = userEvent.setup();
    bridge.answerReferral = () =>
      Promise.reject(new BridgeError({ code: 'timeout', message: 'No answer in 10 s', retryable: true }));
    renderApp();
    await user.click(await screen.findByTestId('retry'));
    await waitFor(() => expect(bridge.calls.getReferral).toBe(2));
    const retry = await screen.findByTestId('retry');
    expect(document.activeElement).toBe(retry);
    expect(screen.getByTestId('error-message').textContent).toContain(en.common.errorTitles.timeout);
  });

  it('warns when retrying is unlikely to help', async () => {
    bridge.answerReferral = () =>
      Promise.reject(
        new BridgeError({ code: 'invalid-response', message: 'Link does not match code', retryable: false }),
      );
    renderApp();
    const error = await screen.findByTestId('error-message');
    expect(error.textContent).toContain(en.common.errorTitles['invalid-response']);
    expect(error.textContent).toContain(en.common.errorNotRetryableHint);
    expect(screen.getByTestId('retry')).toBeTruthy();
  });
});

describe('the demo badge', () => {
  it('appears in demo mode', async () => {
    renderApp();
    expect((await screen.findByTestId('demo-badge')).textContent).toBe(en.common.demoBadge);
  });

  it('stays hidden against a configured accounts server', async () => {
    bridge.answerAppInfo = async () => ({ ...demoAppInfo, mode: 'custom' });
    renderApp();
    await screen.findByTestId('referral-link');
    expect(bridge.calls.getAppInfo).toBe(1);
    expect(screen.queryByTestId('demo-badge')).toBeNull();
  });
});
