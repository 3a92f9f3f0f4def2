// Where the sign-in is kept, when that is not the keychain: what it means, in the user's
// language, then core's reason as details.
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/bridge.ts';

export function StorageNote({ view, testId }: { view: SessionView; testId: string }) {
  const { t } = useTranslation('session');
  if (view.storage === 'keychain') return null;
  return (
    <p className="storage-note" data-testid={testId} data-storage={view.storage}>
      {t(view.storage === 'memory' ? 'storage.memory' : 'storage.safeStorage')}
      {view.storageNote && (
        <>
          {' '}
          <span className="storage-detail">{view.storageNote}</span>
        </>
      )}
    </p>
  );
}
