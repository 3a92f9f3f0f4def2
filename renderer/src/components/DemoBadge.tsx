import { useTranslation } from 'react-i18next';
import { appInfo } from '../shell/stores.ts';

export function DemoBadge() {
  const { t } = useTranslation();
  const demo = appInfo.use((state) => state.appInfo?.mode === 'demo');
  if (!demo) return null;
  return (
    <span className="badge" data-testid="demo-badge" title={t('demoBadgeHint')}>
      {t('demoBadge')}
    </span>
  );
}
