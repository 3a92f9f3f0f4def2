// What core, the server or the OS said, verbatim (often English): never the words a user reads
// first. The catalog's sentence says what happened; this text waits behind a "Details"
// disclosure for support, marked translate="no" as the technical text it is.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function TechnicalDetails({ children, testId }: { children: ReactNode; testId?: string }) {
  const { t } = useTranslation('layout');
  if (children === undefined || children === null || children === '') return null;
  return (
    <details className="disclosure" data-testid={testId}>
      <summary>{t('details')}</summary>
      <div className="disclosure-body" translate="no">
        {children}
      </div>
    </details>
  );
}
