// The signed-in account in the header: the e-mail, and Sign out behind a small disclosure menu.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './session.css';
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
      <button
        type="button"
        className="button account-button"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="account-menu-button"
        onClick={() => setOpen(!open)}
      >
        <span className="visually-hidden">{t('accountMenu')}: </span>
        {view.email}
      </button>
      {open && (
        <div className="account-panel" id={menuId}>
          <p>
            {t('signedInAs')} <strong data-testid="account-email">{view.email}</strong>
          </p>
          <StorageNote view={view} testId="account-storage-note" />
          <button
            type="button"
            className="button"
            data-testid="sign-out-button"
            disabled={busy === 'signing-out'}
            onClick={() => void signOut().then(() => setOpen(false))}
          >
            {busy === 'signing-out' ? t('signingOut') : t('signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
