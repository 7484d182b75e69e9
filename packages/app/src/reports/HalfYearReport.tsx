import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui.tsx';

export function HalfYearReport() {
  const { t } = useTranslation('reports');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
