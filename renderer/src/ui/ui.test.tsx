import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, ru } from '../../../shared/i18n/resources.ts';
import { createI18n } from '../i18n/i18n.ts';
import { termOfSku, useProductLabel } from '../licenses/product-label.ts';
import { initialOf } from '../session/AccountMenu.tsx';
import { StorageNote } from '../session/StorageNote.tsx';
import { Badge } from './Badge.tsx';
import { Button, buttonClass } from './Button.tsx';
import { Card } from './Card.tsx';
import { Notice } from './Notice.tsx';

afterEach(cleanup);

const inLanguage = (language: 'en' | 'ru', node: ReactNode) =>
  render(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);

describe('Button', () => {
  it('is a type="button" with the variant and size classes, the test id, and its handler', async () => {
    const onClick = vi.fn();
    render(
      <Button variant="primary" size="small" testId="go" onClick={onClick}>
        Go
      </Button>,
    );
    const button = screen.getByTestId('go');
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('button button-primary button-small');
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('defaults to the secondary variant, keeps extra classes and a submit type when asked', () => {
    render(
      <Button type="submit" className="wide" testId="save">
        Save
      </Button>,
    );
    const button = screen.getByTestId('save');
    expect(button.getAttribute('type')).toBe('submit');
    expect(button.className).toBe('button button-secondary wide');
    expect(buttonClass('ghost')).toBe('button button-ghost');
  });
});

describe('Card, Badge', () => {
  it('a card with a title is a section named by its heading', () => {
    render(
      <Card title="Payouts" testId="card" aside={<Badge tone="success">Paid</Badge>}>
        <p>Body</p>
      </Card>,
    );
    const card = screen.getByRole('region', { name: 'Payouts' });
    expect(card.getAttribute('data-testid')).toBe('card');
    expect(card.className).toBe('card');
    expect(screen.getByText('Paid').className).toBe('badge badge-success');
  });

  it('a card without a title is not labelled by an empty heading', () => {
    render(<Card testId="plain" tone="warning" />);
    const card = screen.getByTestId('plain');
    expect(card.hasAttribute('aria-labelledby')).toBe(false);
    expect(card.className).toBe('card card-warning');
    expect(card.querySelector('h2')).toBeNull();
  });
});

describe('Notice', () => {
  it('keeps the technical details behind a closed "Details" disclosure, in the UI language', async () => {
    inLanguage(
      'ru',
      <Notice tone="warning" title="Title" details="Cannot autolaunch D-Bus" testId="notice">
        <p>Plain sentence.</p>
      </Notice>,
    );
    const notice = screen.getByTestId('notice');
    expect(notice.className).toBe('notice notice-warning');
    const disclosure = notice.querySelector('details') as HTMLDetailsElement;
    expect(disclosure.open).toBe(false);
    expect(disclosure.querySelector('summary')?.textContent).toBe(ru.layout.details);
    await userEvent.click(screen.getByText(ru.layout.details));
    expect(disclosure.open).toBe(true);
    expect(disclosure.textContent).toContain('Cannot autolaunch D-Bus');
  });

  it('has no disclosure when there are no details', () => {
    inLanguage('en', <Notice testId="notice">Text</Notice>);
    expect(screen.getByTestId('notice').querySelector('details')).toBeNull();
  });
});

describe('the storage note', () => {
  const view = {
    state: 'signed-out' as const,
    storage: 'memory' as const,
    storageNote: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
  };

  it('is one plain sentence; the system reason only inside the details, said once', () => {
    inLanguage('en', <StorageNote view={view as never} testId="note" />);
    const note = screen.getByTestId('note');
    const sentence = note.querySelector(':scope > p') as HTMLElement;
    expect(sentence.textContent).toBe(en.session.storage.memory);
    expect(sentence.textContent).not.toContain('D-Bus');
    const details = note.querySelector('details') as HTMLElement;
    expect(details.textContent).toContain(view.storageNote);
    expect(note.textContent?.split(view.storageNote).length).toBe(2);
  });
});

describe('license names', () => {
  function Label({ sku, product }: { sku: string; product?: string }) {
    const label = useProductLabel([
      {
        sku: 'tpo-1y',
        productId: 'tpo',
        productName: 'TPO add-on',
        kind: 'addon',
        term: '1y',
        priceCents: 1,
      },
    ]);
    return <span data-testid="label">{label(sku, product)}</span>;
  }

  it('name the product and the term, from the catalog or from the SKU, never the SKU', () => {
    expect(termOfSku('crypto-3m')).toBe('3m');
    expect(termOfSku('multi-asset-lifetime')).toBe('lifetime');
    expect(termOfSku('odd')).toBeNull();
    inLanguage('en', <Label sku="tpo-1y" />);
    expect(screen.getByTestId('label').textContent).toBe('TPO add-on, 1 year');
    cleanup();
    inLanguage('ru', <Label sku="crypto-3m" product="Crypto" />);
    expect(screen.getByTestId('label').textContent).toBe('Crypto — 3 месяца');
    cleanup();
    // Nothing names it: the SKU is all there is.
    inLanguage('en', <Label sku="mystery-9z" />);
    expect(screen.getByTestId('label').textContent).toBe('mystery-9z');
  });
});

describe('the account button', () => {
  it('shows the upper-cased first letter of the e-mail', () => {
    expect(initialOf('demo.partner@example.com')).toBe('D');
    expect(initialOf(' ёлка@example.com')).toBe('Ё');
    expect(initialOf(undefined)).toBe('?');
  });
});
