// One labelled <input> in a Field (ui/Field.tsx): the label is tied to the input by a generated id, and
// onChange is called with the new text. An optional message (an error or a hint) is shown under
// the input in a `.field-error` span that the input points to with aria-describedby.
import { type HTMLAttributes, type ReactNode, useId } from 'react';
import { Field } from '../ui/Field.tsx';

export interface FormInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'time' | 'number' | 'search' | 'url';
  /** The input's data-testid; the message span gets `${testId}-error`. */
  testId?: string;
  placeholder?: string;
  disabled?: boolean;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  maxLength?: number;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  spellCheck?: boolean;
  /** aria-invalid; left out when not given. */
  invalid?: boolean;
  /** Text under the input (an error or a hint); the span is rendered, even empty, whenever this is given. */
  message?: ReactNode;
  onBlur?: () => void;
}

export function FormInput({
  label,
  value,
  onChange,
  type = 'text',
  testId,
  invalid,
  message,
  onBlur,
  ...attributes
}: FormInputProps) {
  const id = useId();
  const messageId = useId();
  const hasMessage = message !== undefined;
  return (
    <Field
      id={id}
      label={label}
      messageId={messageId}
      message={message}
      messageTestId={testId && `${testId}-error`}
    >
      <input
        id={id}
        type={type}
        data-testid={testId}
        {...attributes}
        value={value}
        aria-invalid={invalid}
        aria-describedby={hasMessage ? messageId : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}
