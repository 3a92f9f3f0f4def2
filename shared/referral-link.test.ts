import { describe, expect, it } from 'vitest';
import {
  buildReferralLink,
  DEFAULT_REFERRAL_LINK_BASE,
  InvalidReferralCodeError,
  isCanonicalReferralLink,
  MAX_REFERRAL_INPUT_LENGTH,
  parseReferralCode,
  parseReferralInput,
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

describe('parseReferralInput: each refusal at its edge (what the partner is told, nothing saved)', () => {
  const reason = (input: string) => {
    const parsed = parseReferralInput(input);
    return parsed.ok ? 'ok' : parsed.reason;
  };
  const link = (code: string) => `https://accounts.quantower.com/referral?referral_code=${code}`;

  it('takes up to the input limit, spaces around included, and refuses one character more', () => {
    const padded = (length: number) => `${' '.repeat(length - 'QT1'.length)}QT1`;
    expect(reason(padded(MAX_REFERRAL_INPUT_LENGTH))).toBe('ok');
    expect(reason(padded(MAX_REFERRAL_INPUT_LENGTH + 1))).toBe('too-long');
  });

  it('refuses control characters anywhere in the text, not only in the code', () => {
    expect(reason(`https://accounts.quantower.com/referral?x=\u0001&referral_code=QT1`)).toBe(
      'control-characters',
    );
  });

  it('a link that is not even an address is not a referral link', () => {
    expect(reason('https://[not-an-address/referral?referral_code=QT1')).toBe('not-referral-link');
  });

  it('tolerates www. only in front of the host, and no credentials of any kind', () => {
    expect(reason('https://www.accounts.quantower.com/referral?referral_code=QT1')).toBe('ok');
    expect(reason('https://accounts.www.quantower.com/referral?referral_code=QT1')).toBe('other-host');
    expect(reason('https://user@accounts.quantower.com/referral?referral_code=QT1')).toBe('other-host');
    expect(reason('https://:secret@accounts.quantower.com/referral?referral_code=QT1')).toBe('other-host');
  });

  it('wants exactly the /referral path', () => {
    expect(reason('https://accounts.quantower.com/referral/?referral_code=QT1')).toBe('ok');
    expect(reason('https://accounts.quantower.com/x/referral?referral_code=QT1')).toBe('not-referral-link');
    expect(reason('https://accounts.quantower.com/referral/more?referral_code=QT1')).toBe(
      'not-referral-link',
    );
  });

  it('a code of spaces is an empty code, not a code with spaces', () => {
    expect(reason(link('%20%20'))).toBe('empty-code');
    expect(reason(link('QT%201'))).toBe('whitespace');
  });

  it('only the builder’s own spelling of a link is canonical (what settings may hold)', () => {
    expect(isCanonicalReferralLink(link('QT1'))).toBe(true);
    expect(isCanonicalReferralLink('https://ACCOUNTS.quantower.com/referral?referral_code=QT1')).toBe(false);
    expect(isCanonicalReferralLink(`${link('QT1')}&x=1`)).toBe(false);
    expect(isCanonicalReferralLink('QT1')).toBe(false);
  });
});
