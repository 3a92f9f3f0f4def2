// A message inside a section (a warning, what blocks an action, a success, a note): a bordered
// block with an optional title; `details` goes behind a "Details" disclosure (technical reasons
// that most people do not need to read). Live announcements are the caller's choice (`role`).
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tone } from './Badge.tsx';

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
  const { t } = useTranslation('layout');
  return (
    <div
      className={`notice notice-${tone}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      {...props}
    >
      {title !== undefined && <p className="notice-title">{title}</p>}
      {children}
      {details !== undefined && details !== null && details !== '' && (
        <details className="disclosure">
          <summary>{t('details')}</summary>
          <div className="disclosure-body">{details}</div>
        </details>
      )}
    </div>
  );
}
