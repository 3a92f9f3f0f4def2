// The allow-list against every share target's URL, and against the usual ways of smuggling
// another destination past a host check.
import { describe, expect, it } from 'vitest';
import { buildShareUrl, SHARE_HOSTS, SHARE_TARGETS } from '../../shared/share-targets.ts';
import { allowedExternalUrl, EXTERNAL_LINK_HOSTS, externalLinkProblem } from './external-links.ts';

const link = 'https://accounts.quantower.com/referral?referral_code=QT%2BA%2FB%3D%25';

describe('external links for sharing', () => {
  it('allows exactly the share hosts, each once', () => {
    for (const host of SHARE_HOSTS) expect(EXTERNAL_LINK_HOSTS).toContain(host);
    expect(new Set(EXTERNAL_LINK_HOSTS).size).toBe(EXTERNAL_LINK_HOSTS.length);
    expect([...SHARE_HOSTS].sort()).toEqual(
      ['api.whatsapp.com', 't.me', 'www.facebook.com', 'www.linkedin.com', 'www.reddit.com', 'x.com'].sort(),
    );
  });

  it.each(SHARE_TARGETS)('allows the %s share URL unchanged', (target) => {
    const url = buildShareUrl(target, {
      link,
      message: "Привет 👋 + / = % & ? It's (free)!",
      language: 'ru',
    });
    expect(externalLinkProblem(url)).toBeNull();
    // Opened exactly as built: normalization must not re-encode or decode anything.
    expect(allowedExternalUrl(url)).toBe(url);
  });

  it.each([
    ['http://t.me/share/url?url=x', /https and mailto/],
    ['https://t.me@evil.example/share/url', /credentials/],
    ['https://t.me:@evil.example/', /credentials/],
    ['https://evil.example\\@t.me/', /credentials|allow-list/],
    ['https://x.com.evil.example/intent/post', /allow-list/],
    ['https://facebook.com/sharer/sharer.php', /allow-list/],
    ['https://m.facebook.com/sharer/sharer.php', /allow-list/],
    ['https://wa.me/?text=hi', /allow-list/],
    ['https://www.reddit.com.evil.example/submit', /allow-list/],
    ['https://xn--t-6ea.me/', /allow-list/],
    ['https://t.me./share/url', /allow-list/],
    ['https://[::1]/', /allow-list/],
    ['https://127.0.0.1/', /allow-list/],
    ['javascript:window.open("https://t.me")', /https and mailto/],
    ['JaVaScRiPt:alert(1)', /https and mailto/],
    ['file:///C:/Windows/System32/calc.exe', /https and mailto/],
    ['data:text/html,<script>alert(1)</script>', /https and mailto/],
    ['blob:https://t.me/1234', /https and mailto/],
    ['ftp://t.me/', /https and mailto/],
    ['tg://msg_url?url=x', /https and mailto/],
    ['whatsapp://send?text=x', /https and mailto/],
    ['//t.me/share/url', /not a valid URL/],
  ])('refuses %s', (url, reason) => {
    expect(externalLinkProblem(url)).toMatch(reason);
    expect(allowedExternalUrl(url)).toBeNull();
  });
});
