import { describe, expect, it } from 'vitest';
import {
  buildReferralLink,
  DEFAULT_REFERRAL_LINK_BASE,
  InvalidReferralCodeError,
  parseReferralCode,
  referralCodeProblem,
} from './referral-link.ts';

describe('referral links', () => {
  it('follows the public format', () => {
    expect(buildReferralLink('ABC123')).toBe('https://accounts.quantower.com/referral?referral_code=ABC123');
    expect(DEFAULT_REFERRAL_LINK_BASE).toBe('https://accounts.quantower.com/referral');
  });

  it('percent-encodes reserved characters so the code survives any decoder', () => {
    const link = buildReferralLink('QT+DEMO/42=');
    expect(link).toBe('https://accounts.quantower.com/referral?referral_code=QT%2BDEMO%2F42%3D');
    // A form decoder would turn a raw '+' into a space: the encoded form must not contain one.
    expect(link.split('?')[1]).not.toContain('+');
  });

  it.each(['QT+DEMO/42=', 'a%b', '100%', 'x&y=z', 'код+1', 'a#b', 'a?b'])('round-trips %s', (code) => {
    const link = buildReferralLink(code);
    expect(parseReferralCode(link)).toBe(code);
    expect(new URL(link).hash).toBe('');
  });

  it('uses a configurable base, keeping its own query', () => {
    expect(buildReferralLink('A+B', 'http://127.0.0.1:4000/referral')).toBe(
      'http://127.0.0.1:4000/referral?referral_code=A%2BB',
    );
    expect(buildReferralLink('A', 'https://example.com/r?lang=ru#x')).toBe(
      'https://example.com/r?lang=ru&referral_code=A',
    );
  });

  it('rejects codes with spaces, control characters or nothing at all', () => {
    for (const bad of ['', 'a b', 'a\tb', 'a\u0000', 'x'.repeat(129)]) {
      expect(referralCodeProblem(bad)).not.toBeNull();
      expect(() => buildReferralLink(bad)).toThrow(InvalidReferralCodeError);
    }
  });

  it('takes a code up to 128 characters, and says what is wrong with one it refuses', () => {
    expect(buildReferralLink('x'.repeat(128))).toMatch(/referral_code=x{128}$/u);
    expect(referralCodeProblem('x'.repeat(128))).toBeNull();
    expect(referralCodeProblem('')).toBe('The referral code is empty.');
    expect(referralCodeProblem('x'.repeat(129))).toBe('The referral code is longer than 128 characters.');
    expect(referralCodeProblem('a b')).toBe('The referral code contains white space.');
    // Control characters that are not white space: the first, the last below space, and DEL.
    for (const control of ['\u0000', '\u001f', '\u007f'])
      expect(referralCodeProblem(`a${control}b`)).toBe('The referral code contains control characters.');
    expect(() => buildReferralLink('')).toThrow('The referral code is empty.');
    expect(() => buildReferralLink('')).toThrow(
      expect.objectContaining({ name: 'InvalidReferralCodeError' }),
    );
  });

  it('rejects bases that cannot carry a referral link', () => {
    expect(() => buildReferralLink('A', 'ftp://example.com/r')).toThrow(/http\(s\) URL, got ftp:/u);
    expect(() => buildReferralLink('A', 'https://x.test/r?referral_code=B')).toThrow(
      'A referral link base must not already carry referral_code.',
    );
    expect(() => buildReferralLink('A', 'javascript:alert(1)')).toThrow(TypeError);
    expect(() => buildReferralLink('A', 'https://x.test/r?referral_code=B')).toThrow(TypeError);
    expect(() => buildReferralLink('A', 'not a url')).toThrow(TypeError);
  });
});
