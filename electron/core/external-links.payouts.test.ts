// The links the payout and license screens open: support contacts and the checkout for the rest.
import { describe, expect, it } from 'vitest';
import { SUPPORT_TELEGRAM, supportMailto } from '../../shared/support-contact.ts';
import { allowedExternalUrl, externalLinkProblem } from './external-links.ts';

describe('payout and license links on the allow-list', () => {
  it('lets the support e-mail and the Telegram chat out', () => {
    const mail = supportMailto('Referral payout request (QT+DEMO/42=)', 'Amount: $143.35\nCode: QT+DEMO/42=');
    expect(externalLinkProblem(mail)).toBeNull();
    expect(new URL(mail).pathname).toBe('info@quantower.com');
    expect(allowedExternalUrl(SUPPORT_TELEGRAM)).toBe(SUPPORT_TELEGRAM);
  });

  it('lets the checkout out only on the accounts server or an allow-listed host', () => {
    const sandbox = 'http://127.0.0.1:4100';
    expect(externalLinkProblem(`${sandbox}/checkout/cr_1`, undefined, [sandbox])).toBeNull();
    expect(externalLinkProblem('http://127.0.0.1:4101/checkout/cr_1', undefined, [sandbox])).not.toBeNull();
    expect(externalLinkProblem('https://accounts.quantower.com/checkout/cr_1')).toBeNull();
    expect(externalLinkProblem('https://checkout.example.com/cr_1')).toMatch(/not on the allow-list/u);
  });
});
