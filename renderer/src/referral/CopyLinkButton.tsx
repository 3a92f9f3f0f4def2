import { useTranslation } from 'react-i18next';
import { useReferral } from './referral-context.tsx';

export function CopyLinkButton() {
  const { t } = useTranslation('referral');
  const copy = useReferral((state) => state.copy);
  const copyLink = useReferral((state) => state.copyLink);
  return (
    <div className="copy-row">
      {/* Never disabled while copying: disabling would drop keyboard focus, and a second copy is harmless. */}
      <button
        type="button"
        className="button button-primary"
        data-testid="copy-link"
        aria-label={t('copyAccessibleName')}
        aria-keyshortcuts="Control+Shift+C Meta+Shift+C"
        onClick={() => void copyLink()}
      >
        {t('copy')}
      </button>
      {/* The live region exists before it is filled, so screen readers announce the change. */}
      <p className="copy-feedback" role="status">
        {copy.status === 'copied' && (
          <span className="copied" data-testid="copy-confirmation">
            {t('copied')}
          </span>
        )}
      </p>
      {copy.status === 'failed' && (
        <p className="copy-error" role="alert" data-testid="copy-error">
          {t('copyFailed')} {copy.message}
        </p>
      )}
    </div>
  );
}
