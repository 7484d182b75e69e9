import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
      <Link href="/">{t('notFound.back')}</Link>
    </>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('forbidden.title')}>{t('forbidden.title')}</PageTitle>
      <p>{t('forbidden.body')}</p>
    </>
  );
}
