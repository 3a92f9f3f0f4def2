import { useTranslation } from 'react-i18next';

export function LoadingState() {
  const { t } = useTranslation('referral');
  return (
    <div className="card loading" data-testid="loading" role="status" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span>{t('loading')}</span>
    </div>
  );
}
