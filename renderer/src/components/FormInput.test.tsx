import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormInput } from './FormInput.tsx';

afterEach(cleanup);

describe('FormInput', () => {
  it('renders a labelled text input in a form row with the value and the test id', () => {
    render(<FormInput label="Name" testId="name" value="Ann" onChange={() => {}} />);
    const input = screen.getByLabelText('Name') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(input.type).toBe('text');
    expect(input.getAttribute('data-testid')).toBe('name');
    expect(input.value).toBe('Ann');
    expect(input.disabled).toBe(false);
    expect(input.parentElement?.className).toBe('form-row');
    expect(screen.getByText('Name').getAttribute('for')).toBe(input.id);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.parentElement?.querySelector('.field-error')).toBeNull();
  });

  it('calls onChange with the typed text', async () => {
    const onChange = vi.fn<(value: string) => void>();
    function Controlled() {
      const [value, setValue] = useState('');
      return (
        <FormInput
          label="Name"
          testId="name"
          value={value}
          onChange={(text) => {
            setValue(text);
            onChange(text);
          }}
        />
      );
    }
    render(<Controlled />);
    await userEvent.setup().type(screen.getByTestId('name'), 'Bo');
    expect(onChange.mock.calls).toEqual([['B'], ['Bo']]);
    expect((screen.getByTestId('name') as HTMLInputElement).value).toBe('Bo');
  });

  it('passes the type and the input attributes through', () => {
    render(
      <FormInput
        label="Day"
        type="date"
        testId="day"
        value="2026-01-02"
        min="2026-01-01"
        max="2026-12-31"
        step={1}
        placeholder="yyyy-mm-dd"
        maxLength={10}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        onChange={() => {}}
        disabled
      />,
    );
    const input = screen.getByLabelText('Day') as HTMLInputElement;
    expect(input.type).toBe('date');
    expect(input.value).toBe('2026-01-02');
    expect(input.min).toBe('2026-01-01');
    expect(input.max).toBe('2026-12-31');
    expect(input.step).toBe('1');
    expect(input.placeholder).toBe('yyyy-mm-dd');
    expect(input.maxLength).toBe(10);
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('autocomplete')).toBe('off');
    expect(input.getAttribute('spellcheck')).toBe('false');
    expect(input.disabled).toBe(true);
  });

  it('shows a message the input is described by, and marks the input invalid', () => {
    const { rerender } = render(
      <FormInput
        label="Amount"
        testId="amount"
        value="x"
        invalid
        message="Not a number"
        onChange={() => {}}
      />,
    );
    const input = screen.getByLabelText('Amount');
    const message = screen.getByTestId('amount-error');
    expect(message.className).toBe('field-error');
    expect(message.textContent).toBe('Not a number');
    expect(message.parentElement).toBe(input.parentElement);
    expect(input.getAttribute('aria-describedby')).toBe(message.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');

    // An empty message keeps the span (so the row does not jump); valid reads aria-invalid="false".
    rerender(
      <FormInput label="Amount" testId="amount" value="1" invalid={false} message="" onChange={() => {}} />,
    );
    expect(screen.getByTestId('amount-error').textContent).toBe('');
    expect(screen.getByLabelText('Amount').getAttribute('aria-invalid')).toBe('false');
  });

  it('calls onBlur and leaves out the test ids when none is given', async () => {
    const onBlur = vi.fn();
    render(<FormInput label="Name" value="" message="hint" onChange={() => {}} onBlur={onBlur} />);
    const input = screen.getByLabelText('Name');
    expect(input.hasAttribute('data-testid')).toBe(false);
    expect(screen.getByText('hint').hasAttribute('data-testid')).toBe(false);
    const user = userEvent.setup();
    await user.click(input);
    await user.tab();
    expect(onBlur).toHaveBeenCalledOnce();
  });
});
