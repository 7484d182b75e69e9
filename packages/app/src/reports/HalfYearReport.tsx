import { createElement, type ReactNode, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, query } from '../api.ts';
import { formatDate, formatNtd } from '../format.ts';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { MONTH, MonthField } from './MonthField.tsx';

/** GET /api/v1/reports/half-year (server: reports/half-year-report.ts). */
interface Figures {
  persons: number;
  personTimes: number;
  households: number;
  amountNtd: number;
}

interface ReportItem {
  number: string;
  path: string;
  title: string | null;
  label: string | null;
  status: 'heading' | 'data' | 'none-recorded' | 'no-data';
  sentence: string | null;
  partWithoutData: string | null;
  children: ReportItem[];
}

interface AppendixRow extends Figures {
  programId: string;
  nameZh: string;
  path: string | null;
  districtCode: string;
  districtName: string;
}

interface Report {
  title: string;
  from: string;
  to: string;
  period: string;
  asOf: string;
  madeOn: string;
  sections: ReportItem[];
  otherPrograms: { programId: string; nameZh: string; sentence: string }[];
  appendix: AppendixRow[];
}

/** The report's own words for an item without data (the report is in Traditional Chinese). */
const NO_DATA = '本系統尚無此項資料';

const numbered = (item: ReportItem, text: string) =>
  `${item.number}${item.number.endsWith('、') ? '' : ' '}${text}`;

/** One item as the report lays it out: a heading where it has one, its sentence, then its items. */
function Item({ item, level }: { item: ReportItem; level: number }) {
  const name = item.title ?? item.label ?? '';
  const heading = (text: string) => createElement(`h${Math.min(level, 6)}`, null, text);
  const titled = level <= 4 || item.title !== null;
  let own: ReactNode;
  if (item.status === 'no-data')
    own =
      level <= 4 ? (
        <>
          {heading(numbered(item, name))}
          <p className="hint">{NO_DATA}。</p>
        </>
      ) : (
        <p className="hint">{numbered(item, `${name}：${NO_DATA}。`)}</p>
      );
  else if (item.sentence === null) own = heading(numbered(item, name));
  else if (titled)
    own = (
      <>
        {heading(numbered(item, name))}
        <p>{item.sentence}</p>
      </>
    );
  else own = <p>{numbered(item, item.sentence)}</p>;
  return (
    <>
      {own}
      {item.partWithoutData && <p className="hint">{`${item.partWithoutData}：${NO_DATA}。`}</p>}
      {item.children.map((child) => (
        <Item key={child.path} item={child} level={level + 1} />
      ))}
    </>
  );
}

/** 工作報告 (/staff/reports): pick the months, read the report, download it as HTML or PDF. */
export function HalfYearReport() {
  const { t, i18n } = useTranslation('reports');
  const language = i18n.language;
  // Nothing asked yet: the server shows the latest complete half year with payments.
  const [asked, setAsked] = useState<{ from: string; to: string }>();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const report = useApi(
    () => apiGet<Report>(`/reports/half-year${query({ ...asked })}`),
    [asked?.from, asked?.to],
  );
  const shown = report.data;
  const fromValue = from ?? shown?.from ?? '';
  const toValue = to ?? shown?.to ?? '';
  const link = (format: 'html' | 'pdf') =>
    shown ? `/api/v1/reports/half-year${query({ from: shown.from, to: shown.to, format })}` : '#';

  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p>{t('lead')}</p>
      <Form
        className="form filters-form"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          if (MONTH.test(fromValue) && MONTH.test(toValue)) setAsked({ from: fromValue, to: toValue });
        }}
      >
        <MonthField
          name="from"
          label={t('from')}
          value={fromValue}
          onChange={setFrom}
          invalid={t('monthInvalid')}
          placeholder="2023-01"
        />
        <MonthField
          name="to"
          label={t('to')}
          value={toValue}
          onChange={setTo}
          invalid={t('monthInvalid')}
          placeholder="2023-06"
        />
        <Button type="submit" className="primary" isDisabled={report.loading}>
          {t('show')}
        </Button>
      </Form>
      <p className="hint">{t('periodHint')}</p>
      {report.error !== undefined && <ProblemMessage error={report.error} onRetry={report.reload} />}
      {report.loading && <Loading />}
      {shown && (
        <section aria-labelledby="report-title" lang="zh-Hant-TW">
          <h2 id="report-title">{shown.title}</h2>
          <p className="hint" lang={language}>
            {t('meta', {
              asOf: formatDate(shown.asOf, language),
              madeOn: formatDate(shown.madeOn, language),
            })}
          </p>
          <p className="actions" lang={language}>
            <a href={link('html')} target="_blank" rel="noopener">
              {t('html')}
            </a>{' '}
            <a href={link('pdf')} download={`work-report-${shown.from}-${shown.to}.pdf`}>
              {t('pdf')}
            </a>
          </p>
          <div className="notice" lang={language}>
            <p>{t('counted')}</p>
            <p>{t('legend')}</p>
          </div>
          {shown.sections.map((section) => (
            <Item key={section.path} item={section} level={3} />
          ))}
          {shown.otherPrograms.length > 0 && (
            <>
              <h3>其他核付方案</h3>
              <ul>
                {shown.otherPrograms.map((p) => (
                  <li key={p.programId}>{p.sentence}</li>
                ))}
              </ul>
            </>
          )}
          {shown.appendix.length > 0 && (
            <details lang={language}>
              <summary>{t('appendix')}</summary>
              <div className="table-scroll">
                <table>
                  <caption>{t('appendixCaption', { period: shown.period })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('column.item')}</th>
                      <th scope="col">{t('column.program')}</th>
                      <th scope="col">{t('column.district')}</th>
                      <th scope="col" className="number">
                        {t('column.persons')}
                      </th>
                      <th scope="col" className="number">
                        {t('column.personTimes')}
                      </th>
                      <th scope="col" className="number">
                        {t('column.households')}
                      </th>
                      <th scope="col" className="number">
                        {t('column.amount')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.appendix.map((row) => (
                      <tr key={`${row.programId} ${row.districtCode}`}>
                        <td lang="zh-Hant-TW">{row.path ?? '—'}</td>
                        <td lang="zh-Hant-TW">{row.nameZh}</td>
                        <td lang="zh-Hant-TW">{row.districtName}</td>
                        <td className="number">{row.persons.toLocaleString()}</td>
                        <td className="number">{row.personTimes.toLocaleString()}</td>
                        <td className="number">{row.households.toLocaleString()}</td>
                        <td className="number">{formatNtd(row.amountNtd, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="hint">{t('householdNote')}</p>
            </details>
          )}
        </section>
      )}
    </>
  );
}
