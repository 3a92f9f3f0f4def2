import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormSelect } from './FormSelect.tsx';

afterEach(cleanup);

const FRUITS = [
  { value: 'apple', label: 'Apple' },
  { value: 'pear', label: 'Pear' },
] as const;

describe('FormSelect', () => {
  it('renders a labelled select in a form row with the options, the value and the test id', () => {
    render(<FormSelect label="Fruit" testId="fruit" options={FRUITS} value="pear" onChange={() => {}} />);
    const select = screen.getByLabelText('Fruit') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect(select.getAttribute('data-testid')).toBe('fruit');
    expect(select.value).toBe('pear');
    expect(select.disabled).toBe(false);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['apple', 'Apple'],
      ['pear', 'Pear'],
    ]);
    expect(select.parentElement?.className).toBe('form-row');
    expect(screen.getByText('Fruit').getAttribute('for')).toBe(select.id);
  });

  it('calls onChange with the chosen option value', async () => {
    const onChange = vi.fn();
    render(<FormSelect label="Fruit" testId="fruit" options={FRUITS} value="apple" onChange={onChange} />);
    await userEvent.setup().selectOptions(screen.getByTestId('fruit'), 'pear');
    expect(onChange).toHaveBeenCalledExactlyOnceWith('pear');
  });

  it('hands numeric option values back as numbers', async () => {
    const onChange = vi.fn<(days: number) => void>();
    const days = [1, 7, 30].map((n) => ({ value: n, label: `${n} days` }));
    render(<FormSelect label="Days" testId="days" options={days} value={7} onChange={onChange} />);
    expect((screen.getByTestId('days') as HTMLSelectElement).value).toBe('7');
    await userEvent.setup().selectOptions(screen.getByTestId('days'), '30');
    expect(onChange).toHaveBeenCalledExactlyOnceWith(30);
  });

  it('can be disabled and then leaves out the test id when none is given', () => {
    render(<FormSelect label="Fruit" options={FRUITS} value="apple" onChange={() => {}} disabled />);
    const select = screen.getByLabelText('Fruit') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.hasAttribute('data-testid')).toBe(false);
  });
});
