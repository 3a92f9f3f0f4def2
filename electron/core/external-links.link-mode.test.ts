// Link mode opens the partner's Quantower account page, where they copy their link.
import { describe, expect, it } from 'vitest';
import { QUANTOWER_ACCOUNT_URL } from '../../shared/referral-link.ts';
import { allowedExternalUrl } from './external-links.ts';

describe('link mode links on the allow-list', () => {
  it('lets "Open my Quantower account" out, exactly as given', () => {
    expect(allowedExternalUrl(QUANTOWER_ACCOUNT_URL)).toBe('https://accounts.quantower.com/');
  });
});
