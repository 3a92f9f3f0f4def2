// The screen a signed-out user sees in place of a section: one button that signs in in the
// user's own browser (the password is never typed into the companion), the waiting state with
// Cancel, why the last attempt or session ended, and a note about the last sign-out.

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TechnicalDetails } from '../ui/TechnicalDetails.tsx';
import './session.css';
import { StorageNote } from './StorageNote.tsx';
import { session } from './stores.ts';

export function SignInScreen() {
  const { t } = useTranslation('session');
  const { t: common } = useTranslation();
  const view = session.use((state) => state.view);
  const failure = session.use((state) => state.failure);
  const busy = session.use((state) => state.busy);
  const openFailed = session.use((state) => state.openFailed);
  const signIn = session.use((state) => state.signIn);
  const cancel = session.use((state) => state.cancelSignIn);
  const reopen = session.use((state) => state.openSignInPage);
  const waiting = view?.state === 'signing-in';
  const cancelButton = useRef<HTMLButtonElement>(null);

  // Keyboard users land on Cancel while the browser is busy with the sign-in page.
  useEffect(() => {
    if (waiting) cancelButton.current?.focus();
  }, [waiting]);

  return (
    <section className="card sign-in" aria-labelledby="sign-in-heading" data-testid="sign-in-screen">
      <h2 id="sign-in-heading">{t('heading')}</h2>
      {waiting ? (
        <div data-testid="sign-in-waiting">
          <p className="sign-in-waiting" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('waiting')}
          </p>
          <p className="sign-in-hint">{t('waitingHint')}</p>
          {openFailed && (
            <p className="sign-in-problem" role="alert" data-testid="sign-in-open-failed">
              {t('openFailed')} {openFailed}
            </p>
          )}
          <div className="sign-in-actions">
            <button
              type="button"
              className="button button-secondary"
              data-testid="sign-in-reopen"
              onClick={() => void reopen()}
            >
              {t('reopen')}
            </button>
            <button
              ref={cancelButton}
              type="button"
              className="button button-secondary"
              data-testid="sign-in-cancel"
              disabled={busy === 'cancelling'}
              onClick={() => void cancel()}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <p className="sign-in-intro">{t('intro')}</p>
          {view?.reason && (
            <div
              className="sign-in-problem"
              role="alert"
              data-testid="sign-in-error"
              data-reason={view.reason.code}
            >
              <p className="error-title">{t(`reasons.${view.reason.code}`)}</p>
              <TechnicalDetails>
                <p className="error-details">{view.reason.message}</p>
              </TechnicalDetails>
            </div>
          )}
          {view?.notice && (
            <p
              className="sign-in-notice"
              role="status"
              data-testid="sign-in-notice"
              data-notice={view.notice.code}
            >
              {t(`notices.${view.notice.code}`)}
            </p>
          )}
          {failure && (
            <div className="sign-in-problem" role="alert" data-testid="sign-in-failure">
              <p>{common(`errorTitles.${failure.code}`)}</p>
              <TechnicalDetails>
                <p className="error-details">{failure.message}</p>
              </TechnicalDetails>
            </div>
          )}
          <button
            type="button"
            className="button button-primary sign-in-button"
            data-testid="sign-in-button"
            disabled={view === null || busy === 'signing-in'}
            onClick={() => void signIn()}
          >
            {busy === 'signing-in' ? t('starting') : t('signIn')}
          </button>
        </div>
      )}
      {view && <StorageNote view={view} testId="storage-note" />}
    </section>
  );
}
