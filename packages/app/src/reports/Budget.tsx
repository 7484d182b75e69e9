import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui.tsx';

export function Budget() {
  const { t } = useTranslation('budget');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
