import { describe, expect, it } from 'vitest';
import { acceptLanguages, wellFormedLanguages } from './languages.ts';

describe('preferred languages', () => {
  it('orders an Accept-Language header by quality, keeping the order of equals', () => {
    expect(acceptLanguages('en-US,en;q=0.9,ru;q=0.95')).toEqual(['en-US', 'ru', 'en']);
    expect(acceptLanguages('ru-RU, ru;q=0.8, en-US;q=0.6, en;q=0.4')).toEqual(['ru-RU', 'ru', 'en-US', 'en']);
  });

  it('drops refused, wildcard and malformed entries, and answers nothing for no header', () => {
    expect(acceptLanguages('de;q=0, *;q=0.5, en<script>, ru')).toEqual(['ru']);
    expect(acceptLanguages(undefined)).toEqual([]);
    expect(acceptLanguages('')).toEqual([]);
  });

  it('keeps at most 20 well-formed tags', () => {
    const many = Array.from({ length: 40 }, (_, i) => `x${String.fromCharCode(97 + (i % 26))}`);
    expect(acceptLanguages(many.join(','))).toHaveLength(20);
    expect(wellFormedLanguages(['en-GB', 'not a tag', 'ru'])).toEqual(['en-GB', 'ru']);
  });
});
