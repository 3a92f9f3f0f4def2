// The pre-rendered page and the app's first render must be the same picture: the app replaces the
// pre-rendered markup with its own on start, so any difference would flash.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FirstPaint } from '../../../shared/first-paint.ts';
import { FIRST_PAINT_ELEMENT_ID, firstPaintJson } from '../../../shared/first-paint-element.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { createI18n } from '../i18n/i18n.ts';
import { seedFirstPaint } from '../shell/bridge-context.tsx';
import { sections } from '../shell/sections.ts';
import { demoAppInfo, demoReferral, FakeBridge } from '../testing/fake-bridge.ts';
import { demoSnapshot } from '../testing/fake-earnings.ts';
import { readFirstPaint } from './read-first-paint.ts';
import { renderFirstPaint } from './render-first-paint.tsx';

afterEach(cleanup);

function state(
  patch: Partial<FirstPaint> = {},
  section = 'earnings',
  language: 'en' | 'ru' | 'system' = 'en',
): FirstPaint {
  return {
    appInfo: demoAppInfo,
    session: { state: 'signed-in', email: 'demo@example.com', storage: 'keychain' },
    settings: { ...DEFAULT_SETTINGS, ui: { language, theme: 'system', section } },
    // Read just now, so "Updated just now" is the same on both sides.
    earnings: {
      snapshot: { ...demoSnapshot, fetchedAt: new Date().toISOString() },
      refreshing: false,
      error: null,
    },
    referral: demoReferral,
    systemLanguages: ['en-US'],
    ...patch,
  };
}

/** React's generated ids differ between server and client renders; nothing else may. */
const withoutIds = (html: string) => html.replace(/_[rR]_[0-9a-zA-Z]+_/gu, 'id');
/** The live DOM's choice of each select (a property). */
function selected(root: Element): string[] {
  return [...root.querySelectorAll('select')].map((select) => select.value);
}
/** The served HTML's choice of each select (the `selected` attribute, else the first option). */
function selectedInHtml(root: Element): string[] {
  return [...root.querySelectorAll('select')].map(
    (select) =>
      (select.querySelector('option[selected]') ?? select.querySelector('option'))?.getAttribute('value') ??
      '',
  );
}

function parse(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}
/** The server marks where adjacent texts meet; the DOM has no such comments. */
const withoutTextSeparators = (html: string) => html.replaceAll('<!-- -->', '');

/**
 * Renders the page as the shell would, reads the embedded state back the way main.tsx does, and
 * draws the app from it on a bridge that never answers: the two must be the same DOM (attribute
 * order and how void elements are written are not the DOM). Answers the pre-rendered markup.
 */
function expectFirstRenderMatches(first: FirstPaint): string {
  const { html } = renderFirstPaint(first);
  document.body.innerHTML = `<script type="application/json" id="${FIRST_PAINT_ELEMENT_ID}">${firstPaintJson(first)}</script>`;
  const embedded = readFirstPaint(document);
  expect(embedded).toEqual(first);
  document.body.innerHTML = '';

  const silent = new Proxy(new FakeBridge().api, {
    get: (target, name, receiver) =>
      name === 'on' ? Reflect.get(target, name, receiver) : () => new Promise(() => {}),
  });
  seedFirstPaint(silent, embedded as FirstPaint);
  const { container } = render(<CompanionRoot bridge={silent} i18n={createI18n('en')} />);
  const drawn = parse(withoutIds(container.innerHTML));
  const served = parse(withoutIds(withoutTextSeparators(html)));
  // A select's choice is an attribute in the served HTML and a property in the live DOM.
  expect(selected(container)).toEqual(selectedInHtml(served));
  for (const option of [...drawn.querySelectorAll('option'), ...served.querySelectorAll('option')])
    option.removeAttribute('selected');
  // Inline styles are written differently by the two ("height:0" / "height: 0px;"): compare them parsed.
  for (const element of [
    ...drawn.querySelectorAll<HTMLElement>('[style]'),
    ...served.querySelectorAll<HTMLElement>('[style]'),
  ])
    element.setAttribute('style', element.style.cssText);
  expect(drawn.isEqualNode(served), `${drawn.innerHTML}\n!==\n${served.innerHTML}`).toBe(true);
  return html;
}

describe('pre-rendering', () => {
  it('draws the cached dashboard with the figures of the snapshot, in the chosen language', () => {
    const { html, lang } = renderFirstPaint(state());
    expect(lang).toBe('en');
    expect(html).toContain('data-testid="earnings-available" data-cents="3840">$38.40</dd>');
    expect(html).toContain('aria-selected="true" aria-controls="section-earnings"');

    const ru = renderFirstPaint(state({}, 'earnings', 'ru'));
    expect(ru.lang).toBe('ru');
    expect(ru.html).toMatch(/data-testid="earnings-available" data-cents="3840">38,40\s\$<\/dd>/u);
  });

  it('follows the system languages the shell passed for a "system" UI language', () => {
    expect(renderFirstPaint(state({ systemLanguages: ['ru-RU', 'en'] }, 'earnings', 'system')).lang).toBe(
      'ru',
    );
    expect(renderFirstPaint(state({ systemLanguages: ['de-DE'] }, 'earnings', 'system')).lang).toBe('en');
  });

  it('draws the sign-in screen when signed out, and every section without throwing', () => {
    const signedOut = renderFirstPaint(
      state({ session: { state: 'signed-out', storage: 'keychain' }, earnings: null }, 'earnings'),
    );
    expect(signedOut.html).toContain('data-testid="sign-in-screen"');
    expect(signedOut.html).not.toContain('earnings-available');
    for (const section of sections) {
      expect(() => renderFirstPaint(state({}, section.id))).not.toThrow();
    }
  });

  it.each([
    ['earnings', 'earnings-available', '$38.40'],
    ['referral', 'referral-link', demoReferral.link],
  ])(
    "is what the app's first render draws from the embedded state (%s), before any answer from the bridge",
    (section, testId, text) => {
      const html = expectFirstRenderMatches(state({}, section));
      expect(html).not.toContain('<template');
      expect(screen.getByTestId(testId).textContent).toBe(text);
    },
  );

  it.each(sections.map((section) => section.id))('draws %s the same on both sides', (section) => {
    expectFirstRenderMatches(state({}, section));
  });

  it('draws the sign-in screen the same on both sides', () => {
    expectFirstRenderMatches(
      state({ session: { state: 'signed-out', storage: 'keychain' }, earnings: null, referral: null }),
    );
  });

  it('ignores a page without the state, or with something else in its place', async () => {
    expect(readFirstPaint(document)).toBeNull();
    for (const text of ['{not json', '{"session":null}', '[]']) {
      document.body.innerHTML = `<script type="application/json" id="${FIRST_PAINT_ELEMENT_ID}">${text}</script>`;
      expect(readFirstPaint(document)).toBeNull();
    }
    await act(async () => {});
  });
});
