import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildReferralLink,
  isCanonicalReferralLink,
  parseReferralInput,
  REFERRAL_INPUT_REFUSALS,
  type ReferralInputRefusal,
} from './referral-link.ts';

const SAVED = 'https://accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D';

describe('parseReferralInput: what a partner types or pastes', () => {
  it.each([
    ['AB+CD/9=', 'code'],
    ['https://accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D', 'link'],
    ['HTTPS://ACCOUNTS.QUANTOWER.COM/referral?referral_code=AB%2BCD%2F9%3D', 'link'],
    ['https://www.accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D', 'link'],
    [
      'https://accounts.quantower.com/referral/?utm_source=x&referral_code=AB%2BCD%2F9%3D&lang=ru#top',
      'link',
    ],
    ['accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D', 'link'],
    ['  AB+CD/9=\n', 'code'],
  ] as const)('%s gives the one saved link', (input, given) => {
    expect(parseReferralInput(input)).toEqual({ ok: true, code: 'AB+CD/9=', link: SAVED, given });
  });

  it('reads a raw + in the link as a space (form decoding), which no code holds: refused', () => {
    // What a browser would send for the unencoded link; the partner's page always gives %2B.
    expect(parseReferralInput('https://accounts.quantower.com/referral?referral_code=AB+CD')).toEqual({
      ok: false,
      reason: 'whitespace',
    });
  });

  it.each<[string, ReferralInputRefusal]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://evil.example/referral?referral_code=AB', 'other-host'],
    ['https://accounts.quantower.com.evil.example/referral?referral_code=AB', 'other-host'],
    ['https://user@accounts.quantower.com/referral?referral_code=AB', 'other-host'],
    ['https://accounts.quantower.com:8443/referral?referral_code=AB', 'other-host'],
    ['http://accounts.quantower.com/referral?referral_code=AB', 'not-https'],
    ['https://accounts.quantower.com/referral', 'missing-code'],
    ['https://accounts.quantower.com/referral?code=AB', 'missing-code'],
    ['https://accounts.quantower.com/referral?referral_code=', 'empty-code'],
    ['https://accounts.quantower.com/login?referral_code=AB', 'not-referral-link'],
    ['javascript:alert(1)', 'unsafe-scheme'],
    ['JavaScript:alert(1)', 'unsafe-scheme'],
    ['data:text/html,<script>alert(1)</script>', 'unsafe-scheme'],
    ['ftp://accounts.quantower.com/referral?referral_code=AB', 'unsafe-scheme'],
    ['AB\u0000CD', 'control-characters'],
    ['AB\tCD', 'control-characters'],
    ['https://accounts.quantower.com/referral?referral_code=AB%00', 'control-characters'],
    ['AB CD', 'whitespace'],
    ['x'.repeat(129), 'too-long'],
    [`https://accounts.quantower.com/referral?referral_code=${'x'.repeat(129)}`, 'too-long'],
    ['x'.repeat(2_001), 'too-long'],
  ])('refuses %j: %s', (input, reason) => {
    expect(parseReferralInput(input)).toEqual({ ok: false, reason });
    expect(REFERRAL_INPUT_REFUSALS).toContain(reason);
  });

  it('accepts a code of exactly 128 characters', () => {
    expect(parseReferralInput('x'.repeat(128))).toMatchObject({ ok: true, code: 'x'.repeat(128) });
  });

  it('holds canonical links only as canonical', () => {
    expect(isCanonicalReferralLink(SAVED)).toBe(true);
    expect(
      isCanonicalReferralLink('https://www.accounts.quantower.com/referral?referral_code=AB%2BCD%2F9%3D'),
    ).toBe(false);
    expect(isCanonicalReferralLink('AB+CD/9=')).toBe(false);
    expect(isCanonicalReferralLink('https://evil.example/referral?referral_code=AB')).toBe(false);
  });
});

// Codes drawn from every reserved character of RFC 3986 (gen-delims and sub-delims), '%', unreserved
// ones and a few non-ASCII letters, so every encoding path of the builder is exercised.
const RESERVED = [...":/?#[]@!$&'()*+,;="];
const codeChar = fc.constantFrom(...RESERVED, '%', '-', '.', '_', '~', 'A', 'z', '0', '9', 'ж', 'é');
const code = fc.string({ unit: codeChar, minLength: 1, maxLength: 128 });

describe('parse → build round trips (property)', () => {
  it('a built link parses back to its code and to itself', () => {
    fc.assert(
      fc.property(code, (c) => {
        const link = buildReferralLink(c);
        expect(parseReferralInput(link)).toEqual({ ok: true, code: c, link, given: 'link' });
        expect(isCanonicalReferralLink(link)).toBe(true);
      }),
    );
  });

  it('any spelling of the link (case, www., extra parameters, fragment) gives the same link', () => {
    fc.assert(
      fc.property(code, fc.boolean(), fc.boolean(), fc.boolean(), (c, upper, www, extra) => {
        const link = buildReferralLink(c);
        const query = link.slice(link.indexOf('?') + 1);
        const host = `${www ? 'www.' : ''}accounts.quantower.com`;
        const scheme = upper ? 'HTTPS://' : 'https://';
        const spelled = `${scheme}${upper ? host.toUpperCase() : host}/referral?${extra ? 'utm=a%2Bb&' : ''}${query}${extra ? '&x=1#f' : ''}`;
        expect(parseReferralInput(spelled)).toMatchObject({ ok: true, code: c, link });
      }),
    );
  });

  it('a bare code gives the link built from it, unless it reads as a URL', () => {
    fc.assert(
      fc.property(
        code.filter((c) => !/^[a-z][a-z0-9+.-]*:/iu.test(c)),
        (c) => {
          expect(parseReferralInput(c)).toEqual({
            ok: true,
            code: c,
            link: buildReferralLink(c),
            given: 'code',
          });
        },
      ),
    );
  });

  it('a bare code that reads as a URL is never saved as something else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseReferralInput(text);
        if (parsed.ok) expect(parseReferralInput(parsed.link)).toEqual({ ...parsed, given: 'link' });
      }),
    );
  });
});
