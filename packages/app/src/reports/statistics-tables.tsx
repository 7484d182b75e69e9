import type { Measure } from '@safetynet/core/reports/statistics-definitions';
import { useTranslation } from 'react-i18next';
import { formatMonth, formatNtd } from '../format.ts';
import { english, TableScroll } from '../staff/shared.tsx';

/** The statistics API's answers (GET /api/v1/statistics/…), as the page reads them. */
export interface Figures {
  persons: number;
  personTimes: number;
  households: number;
  amountNtd: number;
}

export interface ProgramNames {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface TrendAnswer {
  from: string;
  to: string;
  months: string[];
  programs: ProgramNames[];
  items: (Figures & { programId: string; period: string })[];
}

export interface DistrictsAnswer {
  from: string;
  to: string;
  program: ProgramNames;
  items: (Figures & { districtCode: string; nameZh: string; nameEn: string })[];
  total: Figures;
}

export interface AgeSexAnswer {
  from: string;
  to: string;
  ageOn: string;
  bands: { id: string; from: number; to: number | null; labelZh: string; labelEn: string }[];
  programs: (ProgramNames & { counted: 'recipient' | 'payee' })[];
  items: {
    programId: string | null;
    ageBand: string;
    sex: 'M' | 'F';
    persons: number;
    personTimes: number;
    amountNtd: number;
  }[];
}

/** A figure as the tables show it: amounts in NTD, counts with separators. */
export function useFigure() {
  const { i18n } = useTranslation();
  return (measure: Measure, value: number) =>
    measure === 'amountNtd' ? formatNtd(value, i18n.language) : value.toLocaleString();
}

/** 每月趨勢資料表: a row per month, a column per program chosen (the measure charted). */
export function TrendTable({
  answer,
  programs,
  measure,
  caption,
}: {
  answer: TrendAnswer;
  programs: ProgramNames[];
  measure: Measure;
  caption: string;
}) {
  const { t, i18n } = useTranslation('statistics');
  const en = english(i18n.language);
  const figure = useFigure();
  const value = (programId: string, month: string) =>
    answer.items.find((r) => r.programId === programId && r.period === month)?.[measure] ?? 0;
  return (
    <TableScroll>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('column.month')}</th>
            {programs.map((p) => (
              <th scope="col" className="number" key={p.id}>
                {en ? p.nameEn : p.nameZh}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {answer.months.map((month) => (
            <tr key={month}>
              <th scope="row">{formatMonth(month, i18n.language)}</th>
              {programs.map((p) => (
                <td className="number" key={p.id}>
                  {figure(measure, value(p.id, month))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const FIGURES: Measure[] = ['persons', 'personTimes', 'households', 'amountNtd'];

/** 行政區比較資料表: a row per district and the city's, every figure. */
export function DistrictTable({ answer, caption }: { answer: DistrictsAnswer; caption: string }) {
  const { t, i18n } = useTranslation('statistics');
  const en = english(i18n.language);
  const figure = useFigure();
  return (
    <TableScroll>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('column.district')}</th>
            {FIGURES.map((m) => (
              <th scope="col" className="number" key={m}>
                {t(`measures.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {answer.items.map((d) => (
            <tr key={d.districtCode}>
              <th scope="row">{en ? d.nameEn : d.nameZh}</th>
              {FIGURES.map((m) => (
                <td className="number" key={m}>
                  {figure(m, d[m])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('column.city')}</th>
            {FIGURES.map((m) => (
              <td className="number" key={m}>
                {figure(m, answer.total[m])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

/** 年齡及性別資料表: a row per age band, men, women and both (recipients). */
export function AgeSexTable({
  answer,
  programId,
  caption,
}: {
  answer: AgeSexAnswer;
  programId: string | null;
  caption: string;
}) {
  const { t, i18n } = useTranslation('statistics');
  const en = english(i18n.language);
  const persons = (band: string, sex: 'M' | 'F') =>
    answer.items.find((r) => r.programId === programId && r.ageBand === band && r.sex === sex)?.persons ?? 0;
  return (
    <TableScroll>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('column.ageBand')}</th>
            <th scope="col" className="number">
              {t('column.male')}
            </th>
            <th scope="col" className="number">
              {t('column.female')}
            </th>
            <th scope="col" className="number">
              {t('column.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {answer.bands.map((band) => (
            <tr key={band.id}>
              <th scope="row">{en ? band.labelEn : band.labelZh}</th>
              <td className="number">{persons(band.id, 'M').toLocaleString()}</td>
              <td className="number">{persons(band.id, 'F').toLocaleString()}</td>
              <td className="number">{(persons(band.id, 'M') + persons(band.id, 'F')).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
