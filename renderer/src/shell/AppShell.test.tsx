import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en, ru } from '../../../shared/i18n/resources.ts';
import { CompanionRoot } from '../CompanionRoot.tsx';
import { FakeBridge } from '../testing/fake-bridge.ts';
import { sections } from './sections.ts';

let bridge: FakeBridge;
beforeEach(() => {
  bridge = new FakeBridge();
});
afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

function renderApp() {
  render(<CompanionRoot bridge={bridge.api} />);
}

describe('the section tabs', () => {
  it('are ARIA tabs with one tab stop, moved by arrows, Home and End', async () => {
    const user = userEvent.setup();
    renderApp();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.getAttribute('data-testid'))).toEqual(sections.map((s) => `tab-${s.id}`));
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe(en.common.sectionsLabel);
    const first = tabs[0] as HTMLElement;
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([first]);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(first.id);

    first.focus();
    await user.keyboard('{ArrowRight}');
    const second = tabs[1] as HTMLElement;
    expect(document.activeElement).toBe(second);
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId(`section-${sections[1]?.id}`)).toBeTruthy();

    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tabs.at(-1));
    await user.keyboard('{End}{ArrowRight}');
    expect(document.activeElement).toBe(first);
    expect(screen.getByTestId('section-referral')).toBeTruthy();
  });

  it('show every section as an icon (hidden from screen readers) above its label; Up/Down move too', async () => {
    const user = userEvent.setup();
    renderApp();
    const tabs = screen.getAllByRole('tab');
    for (const tab of tabs) {
      const icon = tab.querySelector('svg');
      expect(icon?.getAttribute('aria-hidden'), tab.id).toBe('true');
      // The accessible name is the label alone: the icon adds no text.
      expect(tab.textContent, tab.id).toBe(tab.querySelector('.tab-label')?.textContent);
      expect(tab.textContent?.trim(), tab.id).not.toBe('');
    }
    expect(tabs[4]?.textContent).toBe(en.payouts.tab);
    (tabs[0] as HTMLElement).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(tabs[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(tabs.at(-1));
  });

  it('switch sections by click and keep each section’s data', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId('referral-link');
    await user.click(screen.getByTestId('tab-settings'));
    expect(screen.queryByTestId('referral-link')).toBeNull();
    expect(screen.getByTestId('general-settings')).toBeTruthy();
    await user.click(screen.getByTestId('tab-referral'));
    expect(screen.getByTestId('referral-link')).toBeTruthy();
    expect(bridge.calls.getReferral).toBe(1);
  });
});

describe('language and theme from settings', () => {
  it('switches the whole UI to Russian and back, and the share message language with it', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByTestId('tab-settings'));
    const language = (await screen.findByTestId('setting-language')) as HTMLSelectElement;
    await waitFor(() => expect(language.disabled).toBe(false));

    await user.selectOptions(language, 'ru');
    expect(bridge.settings.ui.language).toBe('ru');
    expect(bridge.settings.language).toBe('ru');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ru.common.appTitle),
    );
    expect(screen.getByTestId('tab-settings').textContent).toBe(ru.common.sections.settings);
    expect(document.documentElement.lang).toBe('ru');

    await user.selectOptions(screen.getByTestId('setting-language'), 'en');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.common.appTitle),
    );
  });

  it('follows a language change made elsewhere (settingsChanged)', async () => {
    renderApp();
    await screen.findByTestId('referral-link');
    act(() =>
      bridge.emitSettingsChanged({
        ...bridge.settings,
        ui: { language: 'ru', theme: 'system', section: 'referral' },
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('tab-referral').textContent).toBe(ru.common.sections.referral),
    );
    expect(screen.getByTestId('referral-link')).toBeTruthy();
  });

  it('sets the theme override on <html>, and removes it to follow the system', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByTestId('tab-settings'));
    const theme = (await screen.findByTestId('setting-theme')) as HTMLSelectElement;
    await waitFor(() => expect(theme.disabled).toBe(false));
    await user.selectOptions(theme, 'light');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(bridge.settings.ui.theme).toBe('light');
    await user.selectOptions(theme, 'dark');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await user.selectOptions(theme, 'system');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });
});

describe('the first section', () => {
  it('comes from the page address (#earnings), else Referral', async () => {
    const { initialSection } = await import('./stores.ts');
    expect(initialSection('#earnings')).toBe('earnings');
    expect(initialSection('')).toBe('referral');
    expect(initialSection('#<script>')).toBe('referral');
  });
});
