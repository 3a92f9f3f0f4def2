import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, EXTERNAL_LINK_HOSTS, externalLinkProblem } from './external-links.ts';

describe('external links', () => {
  it.each([
    'https://accounts.quantower.com/referral?referral_code=A%2BB',
    'https://www.quantower.com/',
    'https://quantower.com/referral-program',
    'https://t.me/share/url?url=https%3A%2F%2Faccounts.quantower.com',
    'mailto:info@quantower.com',
    'mailto:?subject=Quantower&body=https%3A%2F%2Faccounts.quantower.com',
    'HTTPS://T.ME/quantower',
  ])('allows %s', (url) => {
    expect(externalLinkProblem(url)).toBeNull();
    expect(allowedExternalUrl(url)).toBe(new URL(url).href);
  });

  it.each([
    ['http://quantower.com/', /https and mailto/],
    ['file:///etc/passwd', /https and mailto/],
    ['javascript:alert(1)', /https and mailto/],
    ['app://companion/index.html', /https and mailto/],
    ['https://evil-quantower.com/', /allow-list/],
    ['https://quantower.com.evil.example/', /allow-list/],
    ['https://sub.t.me/', /allow-list/],
    ['https://quantower.com@evil.example/', /credentials/],
    ['https://user:pw@quantower.com/', /credentials/],
    ['https://quantower.com:8443/', /port/],
    ['not a url', /not a valid URL/],
    ['', /empty/],
    [42, /empty/],
    [`https://t.me/${'a'.repeat(9_000)}`, /too long/],
  ])('refuses %s', (url, reason) => {
    expect(externalLinkProblem(url)).toMatch(reason);
    expect(allowedExternalUrl(url)).toBeNull();
  });

  it('takes a custom allow-list and keeps the default one immutable', () => {
    expect(allowedExternalUrl('https://example.org/share', ['example.org'])).toBe(
      'https://example.org/share',
    );
    expect(allowedExternalUrl('https://example.org/share')).toBeNull();
    expect(Object.isFrozen(EXTERNAL_LINK_HOSTS)).toBe(true);
  });

  it('trusts the exact origin of the accounts server (the sign-in page), and nothing near it', () => {
    const sandbox = ['http://127.0.0.1:4100'];
    const authorize = 'http://127.0.0.1:4100/oauth/authorize?client_id=c&state=s';
    expect(allowedExternalUrl(authorize, EXTERNAL_LINK_HOSTS, sandbox)).toBe(authorize);
    expect(allowedExternalUrl(authorize)).toBeNull();
    for (const near of [
      'http://127.0.0.1:4101/oauth/authorize',
      'https://127.0.0.1:4100/oauth/authorize',
      'http://localhost:4100/oauth/authorize',
      'http://user:pw@127.0.0.1:4100/oauth/authorize',
    ]) {
      expect(allowedExternalUrl(near, EXTERNAL_LINK_HOSTS, sandbox)).toBeNull();
    }
  });

  it('opens a link of up to 8 000 characters, and refuses a longer one', () => {
    const base = 'https://t.me/share/url?url=';
    const longest = `${base}${'a'.repeat(8_000 - base.length)}`;
    expect(longest).toHaveLength(8_000);
    expect(externalLinkProblem(longest)).toBeNull();
    expect(externalLinkProblem(`${longest}a`)).toBe('The link is too long.');
  });
});
