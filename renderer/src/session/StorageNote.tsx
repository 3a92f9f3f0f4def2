// Where the sign-in is kept, when that is not the keychain: one plain sentence in the user's
// language; core's technical reason (e.g. "Cannot autolaunch D-Bus without X11 $DISPLAY") only
// behind a "Details" disclosure.
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/bridge.ts';
import { Notice } from '../ui/Notice.tsx';

export function StorageNote({ view, testId }: { view: SessionView; testId: string }) {
  const { t } = useTranslation('session');
  if (view.storage === 'keychain') return null;
  return (
    <Notice
      tone="neutral"
      className="storage-note"
      testId={testId}
      data-storage={view.storage}
      details={view.storageNote ? <span className="storage-detail">{view.storageNote}</span> : undefined}
    >
      <p>{t(view.storage === 'memory' ? 'storage.memory' : 'storage.safeStorage')}</p>
    </Notice>
  );
}
