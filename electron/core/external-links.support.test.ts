import { describe, expect, it } from 'vitest';
import {
  SUPPORT_CHAT,
  SUPPORT_EMAIL,
  SUPPORT_TELEGRAM,
  supportMailto,
} from '../../shared/support-contact.ts';
import { composeSupportRequest, supportChannelTarget } from '../../shared/support-request.ts';
import { allowedExternalUrl, externalLinkProblem } from './external-links.ts';

describe('external links: requests through support', () => {
  const message = composeSupportRequest(
    {
      kind: 'payout',
      accountEmail: 'партнёр@example.com',
      referralCode: 'QT+DEMO/42=',
      amount: { kind: 'cents', cents: 6_050 },
      method: 'paypal',
      destination: 'me@example.com',
    },
    'ru',
  );

  it('opens every channel of a composed request, unchanged', () => {
    for (const channel of ['email', 'telegram', 'chat'] as const) {
      const { url } = supportChannelTarget(channel, message);
      expect(externalLinkProblem(url), channel).toBeNull();
      // Normalizing must not re-encode the message (what the mail client gets is what was built).
      expect(allowedExternalUrl(url), channel).toBe(url);
    }
    expect(allowedExternalUrl(SUPPORT_TELEGRAM)).toBe(SUPPORT_TELEGRAM);
    expect(allowedExternalUrl(SUPPORT_CHAT)).toBe(SUPPORT_CHAT);
  });

  it('lets mail go to support or to a recipient the user picks, and to nobody else', () => {
    expect(externalLinkProblem(supportMailto('s', 'b'))).toBeNull();
    expect(externalLinkProblem(`mailto:${SUPPORT_EMAIL.toUpperCase()}`)).toBeNull();
    expect(externalLinkProblem('mailto:?subject=x&body=y')).toBeNull();
    expect(externalLinkProblem('mailto:attacker@evil.example?body=secret')).toMatch(
      /only to info@quantower.com/,
    );
    expect(externalLinkProblem('mailto:info@quantower.com,attacker@evil.example')).toMatch(/only to/);
    expect(externalLinkProblem('mailto:info%40quantower.com.evil.example')).toMatch(/only to/);
  });
});
