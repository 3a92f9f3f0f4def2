import { describe, expect, it } from 'vitest';
import { REDACTED, redactDetail, redactText } from './redact.ts';

// A token shaped like the sandbox's (32 random bytes, base64url) and like a JWT.
const TOKEN = 'q3Z0mU8x1b_Vw9kLr2Ty5Hs7NdpE4cGfJaZiXoQ6Mhe';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('redactText', () => {
  it.each([
    ['the browser shell secret', `GET http://127.0.0.1:4123/?k=abc123secret&x=1`, 'abc123secret'],
    [
      'an authorization code',
      'redirect http://127.0.0.1:5555/callback?code=Zm9vYmFy&state=s7ate',
      'Zm9vYmFy',
    ],
    ['the OAuth state', 'redirect http://127.0.0.1:5555/callback?code=Zm9vYmFy&state=s7ate', 's7ate'],
    ['a bearer token', `Authorization: Bearer ${TOKEN}`, TOKEN],
    ['a short bearer token', 'header Bearer abc.def', 'abc.def'],
    ['a refresh token in a form body', 'grant_type=refresh_token&refresh_token=shorttok', 'shorttok'],
    ['a token in JSON', `{"access_token":"tok-1","expires_in":3600}`, 'tok-1'],
    ['a password field', 'password: hunter2', 'hunter2'],
    ['a JWT anywhere', `cookie value ${JWT} expired`, JWT],
    ['an opaque token anywhere', `refresh failed for ${TOKEN}`, TOKEN],
    ['a PayPal destination (e-mail)', 'payout to demo.partner@example.com', 'demo.partner@example.com'],
    [
      'a TRON address',
      'payout to TJRabPrwbZy45sbavfcjinPJC18kjpRTv8 queued',
      'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8',
    ],
    ['an IBAN, grouped', 'wire to DE89 3704 0044 0532 0130 00 queued', 'DE89 3704 0044 0532 0130 00'],
    ['an IBAN, compact', 'wire to GB82WEST12345698765432', 'GB82WEST12345698765432'],
    ['a destination field', '{"destination":"anything at all"}', 'anything at all'],
  ])('removes %s', (_name, text, secret) => {
    const scrubbed = redactText(text);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).not.toBe(text);
  });

  it('keeps the first letter and domain of an e-mail address', () => {
    expect(redactText('signed in as demo.partner@example.com')).toBe('signed in as d…@example.com');
  });

  it('keeps what support needs: words, URLs without secrets, ids, numbers', () => {
    const text =
      'live: stream closed (HTTP 503) at http://127.0.0.1:41234/api/v1/events; request 3f0c2a1e-1b2c-4d5e-8f90-123456789abc retried 3 times';
    expect(redactText(text)).toBe(text);
  });

  it('keeps the parameter name so the line still reads', () => {
    expect(redactText('/?k=s3cr3t')).toBe(`/?k=${REDACTED}`);
    expect(redactText(`Bearer ${TOKEN}`)).toBe(`Bearer ${REDACTED}`);
  });
});

describe('redactDetail', () => {
  it('scrubs an error message and its cause', () => {
    const error = new Error(`token ${TOKEN} refused`, { cause: new Error('for partner@example.com') });
    const text = redactDetail(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('partner@example.com');
    expect(text).toContain('Error: token');
  });

  it('scrubs objects by key and by shape', () => {
    const text = redactDetail({ accessToken: 'abc', nested: { password: 'pw1', note: `see ${TOKEN}` } });
    expect(text).not.toMatch(/abc|pw1/u);
    expect(text).not.toContain(TOKEN);
  });
});
