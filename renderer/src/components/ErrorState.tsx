import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeFailure } from '../../../shared/bridge.ts';
import { TechnicalDetails } from '../ui/TechnicalDetails.tsx';

export function ErrorState({ error, onRetry }: { error: BridgeFailure; onRetry: () => void }) {
  const { t } = useTranslation();
  const retryButton = useRef<HTMLButtonElement>(null);

  // After a failed retry the old button is gone; put keyboard focus back on the new one
  // unless the user has already moved it somewhere else.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) {
      retryButton.current?.focus();
    }
  }, []);

  return (
    <div className="card error">
      <div role="alert" data-testid="error-message">
        <p className="error-title">{t(`errorTitles.${error.code}`)}</p>
        <TechnicalDetails>
          <p className="error-details">{error.message}</p>
        </TechnicalDetails>
        {!error.retryable && <p className="error-hint">{t('errorNotRetryableHint')}</p>}
      </div>
      <button
        ref={retryButton}
        type="button"
        className="button button-primary"
        data-testid="retry"
        onClick={onRetry}
      >
        {t('retry')}
      </button>
    </div>
  );
}
