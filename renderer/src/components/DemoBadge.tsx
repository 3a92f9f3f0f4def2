import { useTranslation } from 'react-i18next';
import { useCompanion } from '../referral/referral-context.tsx';

export function DemoBadge() {
  const { t } = useTranslation();
  const demo = useCompanion((state) => state.appInfo?.mode === 'demo');
  if (!demo) return null;
  return (
    <span className="badge" data-testid="demo-badge" title={t('demoBadgeHint')}>
      {t('demoBadge')}
    </span>
  );
}
