// The signed-in account in the header: a round initial (the e-mail beside it when the header has
// room), and Sign out behind a small disclosure menu (a button that shows a panel; Escape and a
// click outside close it — a disclosure, not an ARIA menu, so no headless menu library is needed).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './session.css';
import { Button } from '../ui/Button.tsx';
import { StorageNote } from './StorageNote.tsx';
import { session } from './stores.ts';

export function AccountMenu() {
  const { t } = useTranslation('session');
  const view = session.use((state) => state.view);
  const busy = session.use((state) => state.busy);
  const signOut = session.use((state) => state.signOut);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('mousedown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  if (view?.state !== 'signed-in') return null;
  return (
    <div className="account-menu" ref={root}>
      <Button
        variant="ghost"
        className="account-button"
        aria-expanded={open}
        aria-controls={menuId}
        testId="account-menu-button"
        onClick={() => setOpen(!open)}
      >
        <span className="account-initial" aria-hidden="true">
          {initialOf(view.email)}
        </span>
        <span className="visually-hidden">
          {t('accountMenu')}: {view.email}
        </span>
        <span className="account-email" aria-hidden="true">
          {view.email}
        </span>
      </Button>
      {open && (
        <div className="account-panel" id={menuId}>
          <p>
            {t('signedInAs')} <strong data-testid="account-email">{view.email}</strong>
          </p>
          <StorageNote view={view} testId="account-storage-note" />
          <Button
            variant="secondary"
            testId="sign-out-button"
            disabled={busy === 'signing-out'}
            onClick={() => void signOut().then(() => setOpen(false))}
          >
            {busy === 'signing-out' ? t('signingOut') : t('signOut')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The first letter of the e-mail's name, upper-cased (any script), for the round account button. */
export function initialOf(email: string | undefined): string {
  const first = Array.from((email ?? '').trim())[0] ?? '?';
  return first.toLocaleUpperCase();
}
