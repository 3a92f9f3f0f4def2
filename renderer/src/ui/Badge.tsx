// A short status word (Demo mode, Paid, Awaiting payment): text plus a tone, never colour alone.
import type { HTMLAttributes } from 'react';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
  testId?: string;
}

export function Badge({ tone = 'neutral', testId, className, ...props }: BadgeProps) {
  return (
    <span
      className={`badge badge-${tone}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      {...props}
    />
  );
}
