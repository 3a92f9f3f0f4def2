// Every view in Russian, with the UI language on "System" and a Russian browser: the whole page
// (text, labels, placeholders, field values) holds no word of the English catalog, the UI tells
// core the language it resolved, and a refused request is worded in Russian.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ru } from '../../../shared/i18n/resources.ts';
import { englishWordsIn } from '../../../test/support/english-words.ts';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { sections } from '../shell/sections.ts';
import { FakeBridge, signedOutView } from '../testing/fake-bridge.ts';

const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages');
let bridge: FakeBridge;
beforeEach(() => {
  Object.defineProperty(navigator, 'languages', { value: ['ru-RU', 'en-US'], configurable: true });
  bridge = new FakeBridge();
  expect(bridge.settings.ui.language).toBe('system');
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'languages');
  if (languages) Object.defineProperty(Navigator.prototype, 'languages', languages);
});

// The fake's own data (names, e-mail, code, file names): Latin text that is data, not the catalog's.
const DATA = [/\S+@\S+/gu, /Alex Demo/gu, /QT[+_]DEMO\S*/gu, /Referral \d/gu];

/** Everything a user reads or hears on the page: text, accessible names, hints, field contents. */
function pageWords(): string {
  // Log lines are technical text for support, marked translate="no": not words the UI says.
  const technical = [...document.body.querySelectorAll('[translate="no"]')].map((e) => e.textContent ?? '');
  let shown = document.body.textContent ?? '';
  for (const text of technical) shown = shown.replace(text, ' ');
  const parts = [shown];
  for (const element of document.body.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])
      parts.push(element.getAttribute(name) ?? '');
    if (element instanceof HTMLTextAreaElement) parts.push(element.value);
    // A checkbox's value is the form's "on", never shown.
    if (element instanceof HTMLInputElement && ['text', 'search', 'email', ''].includes(element.type))
      parts.push(element.value);
  }
  return DATA.reduce((text, data) => text.replace(data, ' '), parts.join('\n'));
}

async function settled(id: string) {
  const panel = await screen.findByTestId(`section-${id}`);
  await waitFor(() => expect(panel.querySelector('[data-testid="loading"]')).toBeNull());
  return panel;
}

describe('Russian with the language on "System"', () => {
  it('shows every section without a word of the English catalog, and tells core it is Russian', async () => {
    const user = userEvent.setup();
    // CompanionRoot starts in English: the settings' "system" must turn it Russian.
    render(<CompanionRoot bridge={bridge.api} />);
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));
    expect(bridge.live.reportedLanguages.at(-1)).toBe('ru');

    const found: Record<string, string[]> = {};
    for (const { id } of sections) {
      await user.click(screen.getByTestId(`tab-${id}`));
      await settled(id);
      const english = englishWordsIn(pageWords());
      if (english.length > 0) found[id] = english;
    }
    expect(found).toEqual({});
    // The share message defaults to the UI's language.
    await user.click(screen.getByTestId('tab-referral'));
    await settled('referral');
    expect(pageWords()).toContain(ru.share.defaultMessage.slice(0, 20));
  });

  it('shows the sign-in screen without English', async () => {
    bridge.session = signedOutView;
    render(<CompanionRoot bridge={bridge.api} />);
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));
    await screen.findByTestId('section-referral');
    expect(englishWordsIn(pageWords())).toEqual([]);
  });

  it('words a refused payout and a refused request in the outbox from their codes, in Russian', async () => {
    const user = userEvent.setup();
    bridge.payouts.refusePayout = { code: 'above-available', availableCents: 1000 };
    // A request the server refused later, in its own (English) words: shown by its code.
    bridge.payouts.payouts = {
      ...bridge.payouts.payouts,
      outbox: [
        {
          key: 'payout-9',
          kind: 'payout',
          state: 'failed',
          amountCents: 5000,
          label: 'PayPal',
          createdAt: '2026-11-21T10:00:00.000Z',
          problem: 'Only 100 cents are available.',
          problemCode: 'rejected',
        },
      ],
    };
    render(<CompanionRoot bridge={bridge.api} />);
    await user.click(screen.getByTestId('tab-payouts'));
    await settled('payouts');
    expect((await screen.findByTestId('outbox-item')).textContent).toContain(ru.common.errorTitles.rejected);
    await user.click(await screen.findByTestId('payouts-request'));
    await user.type(screen.getByTestId('payouts-destination'), 'me@example.com');
    await user.clear(screen.getByTestId('payouts-amount'));
    await user.type(screen.getByTestId('payouts-amount'), '60');
    await user.click(screen.getByTestId('payouts-continue'));
    const note = await screen.findByTestId('request-error');
    expect(note.textContent?.replace(/\u00a0/gu, ' ')).toBe('Доступно только 10,00 $.');
    expect(englishWordsIn(pageWords())).toEqual([]);
  });
});
