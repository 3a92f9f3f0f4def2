// One labelled <select> in a Field (ui/Field.tsx): the label is tied to the select by a generated id, and
// onChange is called only with one of the given option values (typed), so callers need no casts
// or "is this one of mine" checks of the raw string.
import { useId } from 'react';
import { Field } from '../ui/Field.tsx';

export interface FormSelectOption<T extends string | number> {
  value: T;
  label: string;
}

export interface FormSelectProps<T extends string | number> {
  label: string;
  options: ReadonlyArray<FormSelectOption<T>>;
  value: T;
  onChange: (value: T) => void;
  /** The select's data-testid. */
  testId?: string;
  disabled?: boolean;
}

export function FormSelect<T extends string | number>({
  label,
  options,
  value,
  onChange,
  testId,
  disabled,
}: FormSelectProps<T>) {
  const id = useId();
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        data-testid={testId}
        disabled={disabled}
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => String(option.value) === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
