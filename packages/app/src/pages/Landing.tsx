import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui.tsx';

export function Landing() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('landing.title')}>{t('landing.title')}</PageTitle>
      <p className="lead">{t('landing.lead')}</p>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link href="/signin?as=citizen">{t('landing.citizen')}</Link>
          </h2>
        </li>
        <li className="card">
          <h2>
            <Link href="/screener">{t('landing.screener')}</Link>
          </h2>
          <p>{t('landing.screenerBody')}</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/verify">{t('landing.verify')}</Link>
          </h2>
          <p>{t('landing.verifyBody')}</p>
        </li>
        <li className="card">
          <h2>
            <Link href="/signin?as=staff">{t('landing.staff')}</Link>
          </h2>
        </li>
      </ul>
    </>
  );
}
