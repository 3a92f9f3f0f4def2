// The one button: every clickable action in the UI is a <Button> (or carries its classes), so
// there is no unstyled native control. Variants: primary (the one main action of a card),
// secondary (the others), ghost (quiet, in lists and menus), danger (destructive).
import type { ButtonHTMLAttributes, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  /** data-testid */
  testId?: string;
  ref?: Ref<HTMLButtonElement>;
}

/** The classes of a button, for the few places that must style another element as one (a link). */
export function buttonClass(
  variant: ButtonVariant = 'secondary',
  size: 'normal' | 'small' = 'normal',
): string {
  return `button button-${variant}${size === 'small' ? ' button-small' : ''}`;
}

export function Button({
  variant = 'secondary',
  size = 'normal',
  testId,
  className,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      data-testid={testId}
      className={className ? `${buttonClass(variant, size)} ${className}` : buttonClass(variant, size)}
      {...props}
    />
  );
}
