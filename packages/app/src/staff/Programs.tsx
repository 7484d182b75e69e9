import { useState } from 'react';
import { Input, Label, Link, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api.ts';
import { formatDate } from '../format.ts';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { english, loadPrograms, TableScroll } from './shared.tsx';

interface ParameterDetail {
  id: string;
  descriptionZh: string;
  descriptionEn: string;
  unit: string;
  values: {
    from: string;
    value: number | 'unknown';
    source: { kind: string; reference: string; confidence: string; note?: string };
  }[];
}

/** 方案與參數 Every program with its legal basis and the parameters it reads, each linking to its history. */
export function Programs() {
  const { t, i18n } = useTranslation('staff');
  const [filter, setFilter] = useState('');
  const { data, error, loading, reload } = useApi(() => loadPrograms(), []);
  const en = english(i18n.language);
  const wanted = filter.trim().toLowerCase();
  const shown = (data ?? []).filter(
    (p) => !wanted || `${p.id} ${p.nameZh} ${p.nameEn}`.toLowerCase().includes(wanted),
  );
  return (
    <>
      <PageTitle title={t('programs.title')}>{t('programs.title')}</PageTitle>
      <p>{t('programs.lead')}</p>
      <SearchField value={filter} onChange={setFilter} className="react-aria-SearchField narrow">
        <Label>{t('programs.filter')}</Label>
        <Input />
      </SearchField>
      {loading && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && (
        <TableScroll>
          <table>
            <caption>{t('programs.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programs.name')}</th>
                <th scope="col">{t('programs.kind')}</th>
                <th scope="col">{t('programs.entity')}</th>
                <th scope="col">{t('programs.legalBasis')}</th>
                <th scope="col">{t('programs.parameters')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{en ? p.nameEn : p.nameZh}</th>
                  <td>{t(`programs.kindName.${p.kind}`, { defaultValue: p.kind })}</td>
                  <td>{t(`programs.entityName.${p.entity}`, { defaultValue: p.entity })}</td>
                  <td>{p.legalBasis.join('；')}</td>
                  <td>
                    <ul className="plain">
                      {p.parameters.map((id) => (
                        <li key={id}>
                          <Link href={`/staff/parameters/${encodeURIComponent(id)}`}>{id}</Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/** 參數歷程 A parameter's dated values, oldest first, each with its source and how sure it is. */
export function Parameter({ id }: { id: string }) {
  const { t, i18n } = useTranslation('staff');
  const { data, error, loading, reload } = useApi(
    () => apiGet<ParameterDetail>(`/parameters/${encodeURIComponent(id)}`),
    [id],
  );
  const en = english(i18n.language);
  const title = data
    ? t('parameter.title', { name: en ? data.descriptionEn : data.descriptionZh })
    : t('parameter.titleLoading');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href="/staff/programs">{t('parameter.back')}</Link>
      </p>
      {loading && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <dl className="facts">
            <dt>{t('application.parameter')}</dt>
            <dd>
              <code>{data.id}</code>
            </dd>
            <dt>{t('parameter.unit')}</dt>
            <dd>{data.unit}</dd>
          </dl>
          <TableScroll>
            <table>
              <caption>{t('parameter.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('parameter.from')}</th>
                  <th scope="col" className="number">
                    {t('parameter.value')}
                  </th>
                  <th scope="col">{t('parameter.source')}</th>
                  <th scope="col">{t('parameter.confidence')}</th>
                  <th scope="col">{t('parameter.note')}</th>
                </tr>
              </thead>
              <tbody>
                {data.values.map((v) => (
                  <tr key={v.from}>
                    <th scope="row">{formatDate(v.from, i18n.language)}</th>
                    <td className="number">
                      {v.value === 'unknown'
                        ? t('parameter.unknownValue')
                        : new Intl.NumberFormat(i18n.language).format(v.value)}
                    </td>
                    <td style={{ overflowWrap: 'anywhere' }}>{v.source.reference}</td>
                    <td>
                      {t(`parameter.confidenceName.${v.source.confidence}`, {
                        defaultValue: v.source.confidence,
                      })}
                    </td>
                    <td>{v.source.note ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
