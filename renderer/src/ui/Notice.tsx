// A message inside a section (a warning, what blocks an action, a success, a note): a bordered
// block with an optional title; `details` goes behind a "Details" disclosure (technical reasons
// that most people do not need to read). Live announcements are the caller's choice (`role`).

import type { HTMLAttributes, ReactNode } from 'react';
import type { Tone } from './Badge.tsx';
import { TechnicalDetails } from './TechnicalDetails.tsx';

export interface NoticeProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  tone?: Tone;
  title?: ReactNode;
  details?: ReactNode;
  testId?: string;
}

export function Notice({
  tone = 'info',
  title,
  details,
  testId,
  className,
  children,
  ...props
}: NoticeProps) {
  return (
    <div
      className={`notice notice-${tone}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      {...props}
    >
      {title !== undefined && <p className="notice-title">{title}</p>}
      {children}
      <TechnicalDetails>{details}</TechnicalDetails>
    </div>
  );
}
