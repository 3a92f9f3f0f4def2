import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORT_EMAIL, supportMailto } from './support-contact.ts';

// What a mail client reads back: RFC 6068 hfvalues are percent-decoded UTF-8.
function readMailto(link: string): { to: string; subject: string; body: string; headers: string[] } {
  const url = new URL(link);
  const headers = url.search
    .slice(1)
    .split('&')
    .map((pair) => pair.split('=')[0] ?? '');
  // Decoded by hand, not with URLSearchParams: '+' must stay a plus sign in a mailto:.
  const raw = (name: string) =>
    url.search
      .slice(1)
      .split('&')
      .find((pair) => pair.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? '';
  return {
    to: decodeURIComponent(url.pathname),
    subject: decodeURIComponent(raw('subject')),
    body: decodeURIComponent(raw('body')),
    headers,
  };
}

describe('supportMailto', () => {
  it('addresses support and round-trips reserved characters in the subject and body', () => {
    const subject = 'Payout (QT+DEMO/42=) & more?#100%';
    const body = 'a=b&c=d\nReferral code: QT+DEMO/42=\n$1,234.50; 50% off #1 @ home';
    const link = supportMailto(subject, body);
    const read = readMailto(link);
    expect(link.startsWith(`mailto:${SUPPORT_EMAIL}?subject=`)).toBe(true);
    // Only the two headers: nothing in the text could start a third (& and = are encoded).
    expect(read.headers).toEqual(['subject', 'body']);
    expect(read.to).toBe(SUPPORT_EMAIL);
    expect(read.subject).toBe(subject);
    expect(read.body).toBe(body.replaceAll('\n', '\r\n'));
    // Spaces are %20, never '+', and a '+' in a code is %2B.
    expect(link).not.toMatch(/\+/u);
    expect(link).toContain('QT%2BDEMO%2F42%3D');
    expect(link).toContain('Payout%20(QT');
  });

  it('encodes Russian text as UTF-8 and writes line breaks as CRLF', () => {
    const link = supportMailto('Запрос выплаты (КОД+1)', 'Здравствуйте!\nСумма: 1 234,50 $\r\nСпасибо.');
    expect(link).toContain('%D0%97%D0%B0%D0%BF%D1%80%D0%BE%D1%81'); // "Запрос"
    expect(link).toContain('%0D%0A');
    expect(link).not.toMatch(/%0A(?<!%0D%0A)/u);
    // Every character outside ASCII is percent-encoded: nothing raw reaches the mail client.
    expect(/^[\x21-\x7e]+$/u.test(link)).toBe(true);
    const read = readMailto(link);
    expect(read.subject).toBe('Запрос выплаты (КОД+1)');
    expect(read.body).toBe('Здравствуйте!\r\nСумма: 1 234,50 $\r\nСпасибо.');
  });

  it('keeps a line break out of the subject', () => {
    expect(readMailto(supportMailto('one\r\ntwo', 'x')).subject).toBe('one two');
  });
});

describe('supportMailto, for any text', () => {
  it('reads back exactly (line breaks as CRLF), with only the two headers and nothing unencoded', () => {
    // Full Unicode text, weighted towards the characters that matter in a mailto: URL.
    const tricky = fc.constantFrom(
      '&',
      '=',
      '?',
      '#',
      '%',
      '+',
      ' ',
      '/',
      ':',
      '@',
      '\n',
      '\r\n',
      'Ж',
      '€',
      '😀',
    );
    const text = fc
      .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (subject, body) => {
        const link = supportMailto(subject, body);
        expect(/^[\x21-\x7e]+$/u.test(link)).toBe(true);
        const read = readMailto(link);
        expect(read.headers).toEqual(['subject', 'body']);
        expect(read.to).toBe(SUPPORT_EMAIL);
        expect(read.subject).toBe(subject.replace(/[\r\n]+/gu, ' '));
        expect(read.body).toBe(body.replace(/\r\n|\r|\n/gu, '\r\n'));
      }),
      { numRuns: 500 },
    );
  });
});
