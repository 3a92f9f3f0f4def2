import { useTranslation } from 'react-i18next';
import { ActionFeedback } from './ActionFeedback.tsx';
import { useShare } from './share-context.tsx';
import type { ShareReferral } from './share-store.ts';
import './share.css';

export function CopyCodeButton({ referral }: { referral: ShareReferral }) {
  const { t } = useTranslation('share');
  const state = useShare((s) => s.actions.copyCode);
  const copyCode = useShare((s) => s.copyCode);
  return (
    <div className="copy-row">
      <button
        type="button"
        className="button button-secondary"
        data-testid="copy-code"
        aria-label={t('copyCodeAccessibleName')}
        aria-keyshortcuts="Control+Shift+K Meta+Shift+K"
        onClick={() => void copyCode(referral)}
      >
        {t('copyCode')}
      </button>
      <ActionFeedback state={state} done={t('codeCopied')} failed={t('copyCodeFailed')} testId="copy-code" />
    </div>
  );
}
