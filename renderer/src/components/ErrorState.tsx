import { useEffect, useRef } from 'react';
import type { BridgeFailure } from '../../../shared/bridge.ts';
import { strings } from '../strings.ts';

export function ErrorState({ error, onRetry }: { error: BridgeFailure; onRetry: () => void }) {
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
        <p className="error-title">{strings.errorTitles[error.code]}</p>
        <p className="error-details">
          <span className="visually-hidden">{strings.errorDetailsLabel}: </span>
          {error.message}
        </p>
        {!error.retryable && <p className="error-hint">{strings.errorNotRetryableHint}</p>}
      </div>
      <button
        ref={retryButton}
        type="button"
        className="button button-primary"
        data-testid="retry"
        onClick={onRetry}
      >
        {strings.retry}
      </button>
    </div>
  );
}
