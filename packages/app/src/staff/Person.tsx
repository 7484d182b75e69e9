import { useEffect } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api.ts';
import { formatDate } from '../format.ts';
import { navigate } from '../router.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';

interface PersonView {
  id: string;
  name: string;
  households: { householdId: string; role: string; validFrom: string; validTo: string | null }[];
}

/** A person found by a search: straight to their household when they have one, else their households listed. */
export function Person({ id }: { id: string }) {
  const { t, i18n } = useTranslation('staff');
  const { data, error, loading, reload } = useApi(
    () => apiGet<PersonView>(`/persons/${encodeURIComponent(id)}`),
    [id],
  );
  const only = data?.households.length === 1 ? data.households[0] : undefined;
  useEffect(() => {
    if (only) navigate(`/staff/households/${only.householdId}`, { replace: true });
  }, [only]);
  const title = data?.name ?? t('search.colName');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {(loading || only) && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && !only && (
        <>
          <h2>{t('search.colHousehold')}</h2>
          {data.households.length === 0 ? (
            <p>{t('search.noHousehold')}</p>
          ) : (
            <ul>
              {data.households.map((h) => (
                <li key={h.householdId}>
                  <Link href={`/staff/households/${h.householdId}`}>
                    {t(`role.${h.role}`, { defaultValue: h.role })}（{formatDate(h.validFrom, i18n.language)}
                    ）
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
