import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './app-identity.ts';

describe('originOf', () => {
  it('gives scheme://host[:port] for app:, http: and https: alike', () => {
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
    expect(originOf('app://companion/assets/x.js?y#z')).toBe('app://companion');
    expect(originOf('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(originOf('https://accounts.quantower.com:443/referral')).toBe('https://accounts.quantower.com');
  });

  it('is null for URLs without a host and for non-URLs', () => {
    for (const raw of ['about:blank', 'data:text/html,x', 'mailto:a@b.c', 'nonsense', '']) {
      expect(originOf(raw), raw).toBeNull();
    }
  });

  it('keeps look-alike hosts apart and, like browsers, leaves user info out of the origin', () => {
    expect(originOf('app://companion.evil/index.html')).toBe('app://companion.evil');
    expect(originOf('app://companion:8080/index.html')).toBe('app://companion:8080');
    expect(originOf('app://evil@companion/index.html')).toBe(APP_ORIGIN);
  });
});
