import { describe, expect, it } from 'vitest';
import { buildReferralLink, parseReferralCode } from './referral-link.ts';
import {
  buildShareUrl,
  DEFAULT_SHARE_MESSAGES,
  parseShareUrl,
  renderShareMessage,
  SHARE_EMAIL_SUBJECTS,
  SHARE_MESSAGE_MAX_LENGTH,
  SHARE_TARGETS,
  type ShareTarget,
  ShareUrlTooLongError,
  shareMessageProblem,
  shareText,
  takesLinkSeparately,
  takesText,
} from './share-targets.ts';

const codes = ['QT+DEMO/42=', 'A%2B', '+/=%', '100%', 'a+b=c/d', 'ÄÖ-código', 'код+1', '🚀=go', '{link}'];
const messages = [
  'Join me: {link}',
  'Code {code} — скидка 10% + бонус! 🎉👍🏽',
  'Line one\nLine two & more ?x=1#frag',
  "It's (really) *free*! ~ 'quoted' \"double\" <tag> `tick` \\ back",
  'Spaces  and\ttabs + plus',
  'Русский текст со ссылкой {link} и кодом {code}',
  ...Object.values(DEFAULT_SHARE_MESSAGES),
];

/** Where each service carries the link and the text. */
const fields: Record<ShareTarget, { link?: string; text?: string }> = {
  telegram: { link: 'url', text: 'text' },
  x: { link: 'url', text: 'text' },
  facebook: { link: 'u' },
  whatsapp: { text: 'text' },
  linkedin: { link: 'url' },
  reddit: { link: 'url', text: 'title' },
  email: { text: 'body' },
};

describe('share URLs', () => {
  for (const code of codes) {
    for (const template of messages) {
      it(`round-trips code ${JSON.stringify(code)} with ${JSON.stringify(template.slice(0, 24))}`, () => {
        const link = buildReferralLink(code);
        const message = renderShareMessage(template, { link, code });
        for (const target of SHARE_TARGETS) {
          const url = buildShareUrl(target, { link, message, language: 'en' });
          // Exactly once encoded: nothing a browser might reinterpret is left bare.
          expect(url).not.toMatch(/[\s+#'!()*"<>`\\]|%(?![0-9A-F]{2})/u);
          // Browsers open it exactly as built (their URL parser changes nothing).
          expect(new URL(url).href).toBe(url);
          const parsed = parseShareUrl(url);
          expect(parsed.target).toBe(target);
          const where = fields[target];
          if (where.link) {
            expect(parsed.params[where.link]).toBe(link);
            expect(parseReferralCode(parsed.params[where.link] as string)).toBe(code);
          }
          if (where.text) {
            const text = parsed.params[where.text] as string;
            expect(text).toBe(shareText(target, message, link));
            expect(text.startsWith(message)).toBe(true);
            // A service without a link field still gets the link, intact, in the text.
            if (!where.link) expect(text).toContain(link);
          }
          // The WHATWG parser that a browser uses agrees with ours.
          const whatwg = new URL(url);
          for (const [name, value] of Object.entries(parsed.params)) {
            const expected = target === 'email' ? value.replace(/\n/gu, '\r\n') : value;
            expect(whatwg.searchParams.get(name)).toBe(expected);
          }
        }
      });
    }
  }

  it('builds each documented endpoint', () => {
    const link = buildReferralLink('QT+1');
    const input = { link, message: 'Hi there', language: 'en' as const };
    const e = encodeURIComponent;
    expect(buildShareUrl('telegram', input)).toBe(`https://t.me/share/url?url=${e(link)}&text=Hi%20there`);
    expect(buildShareUrl('x', input)).toBe(`https://x.com/intent/post?text=Hi%20there&url=${e(link)}`);
    expect(buildShareUrl('facebook', input)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${e(link)}`);
    expect(buildShareUrl('whatsapp', input)).toBe(
      `https://api.whatsapp.com/send?text=Hi%20there%0A${e(link)}`,
    );
    expect(buildShareUrl('linkedin', input)).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${e(link)}`,
    );
    expect(buildShareUrl('reddit', input)).toBe(
      `https://www.reddit.com/submit?url=${e(link)}&title=Hi%20there`,
    );
    // RFC 6068: %20 for spaces, %0D%0A for line breaks.
    expect(buildShareUrl('email', input)).toBe(
      `mailto:?subject=Quantower%20referral%20link&body=Hi%20there%0D%0A${e(link)}`,
    );
    // The link is encoded as a value: its own %2B becomes %252B, so the code survives decoding.
    expect(buildShareUrl('facebook', input)).toContain('referral_code%3DQT%252B1');
  });

  it('writes the e-mail subject in the message language', () => {
    const link = buildReferralLink('QT+1');
    const url = buildShareUrl('email', { link, message: DEFAULT_SHARE_MESSAGES.ru, language: 'ru' });
    expect(parseShareUrl(url).params.subject).toBe(SHARE_EMAIL_SUBJECTS.ru);
  });

  it('does not append the link again when the message already has it', () => {
    const link = buildReferralLink('QT+1');
    const message = renderShareMessage('See {link} now', { link, code: 'QT+1' });
    const url = buildShareUrl('whatsapp', { link, message, language: 'en' });
    expect(parseShareUrl(url).params.text).toBe(`See ${link} now`);
  });

  it('refuses a share URL that would be too long to open', () => {
    const link = buildReferralLink(`${'ж'.repeat(120)}+`);
    const template = '{link} '.repeat(60);
    const message = renderShareMessage(template, { link, code: 'x' });
    expect(() => buildShareUrl('telegram', { link, message, language: 'en' })).toThrow(ShareUrlTooLongError);
  });

  it('refuses URLs that are not share URLs when parsing', () => {
    expect(() => parseShareUrl('https://evil.example/share?url=x')).toThrow(/Not a share URL/);
  });

  it('says which share errors are which, by name and in words', () => {
    expect(() => renderShareMessage('{lnik}', { link: 'l', code: 'c' })).toThrow(
      expect.objectContaining({
        name: 'ShareMessageError',
        message: 'Unknown placeholder {lnik}: use {link} or {code}.',
      }),
    );
    const link = buildReferralLink(`${'ж'.repeat(120)}+`);
    const message = renderShareMessage('{link} '.repeat(60), { link, code: 'x' });
    expect(() => buildShareUrl('telegram', { link, message, language: 'en' })).toThrow(
      expect.objectContaining({
        name: 'ShareUrlTooLongError',
        message: 'This message makes the share link too long for the browser. Shorten the message.',
      }),
    );
    // The URL in the message is cut to its first 80 characters.
    expect(() => parseShareUrl(`https://evil.example/${'x'.repeat(200)}`)).toThrow(
      /^Not a share URL: https:\/\/evil\.example\/x{59}$/u,
    );
  });

  it('takes a message of up to 500 characters', () => {
    expect(shareMessageProblem('a'.repeat(500))).toBeNull();
    expect(shareMessageProblem('a'.repeat(501))).toBe('The share message is longer than 500 characters.');
  });

  it('turns CRLF back into a new line only in an e-mail body', () => {
    expect(parseShareUrl('https://t.me/share/url?text=a%0D%0Ab').params.text).toBe('a\r\nb');
    expect(parseShareUrl('mailto:?body=a%0D%0Ab').params.body).toBe('a\nb');
  });

  it('reads back a share URL without a query, or a parameter without a value, as empty', () => {
    expect(parseShareUrl('https://t.me/share/url')).toEqual({ target: 'telegram', params: {} });
    expect(parseShareUrl('https://t.me/share/url?url=&text')).toEqual({
      target: 'telegram',
      params: { url: '', text: '' },
    });
  });

  it('knows which services show the message, and which take the link in a field of its own', () => {
    // Facebook and LinkedIn take only the link: the Share panel says the message is not shown there.
    expect(SHARE_TARGETS.filter((target) => !takesText(target))).toEqual(['facebook', 'linkedin']);
    // WhatsApp and e-mail have no link field: the link goes into the text.
    expect(SHARE_TARGETS.filter((target) => !takesLinkSeparately(target))).toEqual(['whatsapp', 'email']);
  });
});

describe('share message templates', () => {
  it('fills {link} and {code} in one pass', () => {
    expect(renderShareMessage('{code} → {link} ({code})', { link: 'L{code}', code: '{link}' })).toBe(
      '{link} → L{code} ({link})',
    );
  });

  it('keeps braces that are not placeholders as text', () => {
    expect(renderShareMessage('a {} { link } {Link}? {link}', { link: 'L', code: 'C' })).toBe(
      'a {} { link } {Link}? L',
    );
  });

  it.each([
    ['Hi {name}', /Unknown placeholder \{name\}/],
    ['Use {lnik}', /Unknown placeholder \{lnik\}/],
    ['', /empty/],
    ['   \n ', /empty/],
    ['x'.repeat(SHARE_MESSAGE_MAX_LENGTH + 1), /longer than/],
    ['broken \uD83D half', /broken character/],
    ['bell \u0007', /control characters/],
  ])('refuses %j', (template, reason) => {
    expect(shareMessageProblem(template)).toMatch(reason);
    expect(() => renderShareMessage(template, { link: 'L', code: 'C' })).toThrow(reason);
  });

  it('accepts the defaults, new lines, tabs and emoji', () => {
    for (const template of [...Object.values(DEFAULT_SHARE_MESSAGES), 'a\r\nb\tc 👍🏽 {link}'])
      expect(shareMessageProblem(template)).toBeNull();
    expect(DEFAULT_SHARE_MESSAGES.en).toContain('{code}');
    expect(DEFAULT_SHARE_MESSAGES.ru).toMatch(/[а-я]/u);
  });
});
