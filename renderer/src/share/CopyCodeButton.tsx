import { strings } from '../strings.ts';
import { ActionFeedback } from './ActionFeedback.tsx';
import { useShare } from './share-context.tsx';
import type { ShareReferral } from './share-store.ts';
import './share.css';

export function CopyCodeButton({ referral }: { referral: ShareReferral }) {
  const state = useShare((s) => s.actions.copyCode);
  const copyCode = useShare((s) => s.copyCode);
  return (
    <div className="copy-row">
      <button
        type="button"
        className="button button-secondary"
        data-testid="copy-code"
        aria-label={strings.share.copyCodeAccessibleName}
        aria-keyshortcuts="Control+Shift+K Meta+Shift+K"
        onClick={() => void copyCode(referral)}
      >
        {strings.share.copyCode}
      </button>
      <ActionFeedback
        state={state}
        done={strings.share.codeCopied}
        failed={strings.share.copyCodeFailed}
        testId="copy-code"
      />
    </div>
  );
}
