import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui.tsx';

export function Statistics() {
  const { t } = useTranslation('statistics');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
