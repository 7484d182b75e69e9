import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api.ts';
import { formatDate, formatMonth } from '../format.ts';

/** What the staff screens read from the API, as it answers. */
export interface ApplicationView {
  id: string;
  reference: string;
  channel: 'online' | 'office';
  applicantPersonId: string;
  householdId: string | null;
  districtCode: string;
  period: string;
  status: string;
  programs: string[];
  submittedAt: string | null;
  dueDate: string | null;
  overdue: boolean;
  version: number;
}

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Message {
  zh: string;
  en: string;
}

export interface Program {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  entity: string;
  period: string;
  legalBasis: string[];
  parameters: string[];
}

export interface District {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const english = (language: string) => language.startsWith('en');

/** The text of a bilingual message in the language shown. */
export const textOf = (message: Message, language: string) => (english(language) ? message.en : message.zh);

// The catalog and the districts change with a release, not within a session: read once.
let programsOnce: Promise<Program[]> | undefined;
let districtsOnce: Promise<District[]> | undefined;

export function loadPrograms(): Promise<Program[]> {
  programsOnce ??= apiGet<{ items: Program[] }>('/programs').then(
    (answer) => answer.items,
    (error) => {
      programsOnce = undefined;
      throw error;
    },
  );
  return programsOnce;
}

export function loadDistricts(): Promise<District[]> {
  districtsOnce ??= apiGet<{ items: District[] }>('/districts').then(
    (answer) => answer.items,
    (error) => {
      districtsOnce = undefined;
      throw error;
    },
  );
  return districtsOnce;
}

/** Names of programs and districts in the language shown (their ids until the lists arrive). */
export function useNames() {
  const { i18n } = useTranslation();
  const [programs, setPrograms] = useState<Map<string, Program>>(new Map());
  const [districts, setDistricts] = useState<Map<string, District>>(new Map());
  useEffect(() => {
    loadPrograms().then((items) => setPrograms(new Map(items.map((p) => [p.id, p]))), ignore);
    loadDistricts().then((items) => setDistricts(new Map(items.map((d) => [d.code, d]))), ignore);
  }, []);
  const en = english(i18n.language);
  return {
    program: (id: string) => {
      const p = programs.get(id);
      return p ? (en ? p.nameEn : p.nameZh) : id;
    },
    district: (code: string) => {
      const d = districts.get(code);
      return d ? (en ? d.nameEn : d.nameZh) : code;
    },
    districts: [...districts.values()],
  };
}

const ignore = () => {};

/** An application's status as a word, marked when overdue. */
export function StatusText({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation('staff');
  return (
    <>
      {t(`status.${status}`, { defaultValue: status })}
      {overdue && (
        <>
          {' '}
          <span className="badge bad">{t('queue.overdueMark')}</span>
        </>
      )}
    </>
  );
}

/**
 * A wide table's box: it scrolls sideways on a narrow screen and takes keyboard focus, so it can be scrolled
 * without a mouse (axe: scrollable-region-focusable).
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
    <div className="table-scroll" tabIndex={0}>
      {children}
    </div>
  );
}

/** Applications as a table with headers, each reference linking to its page. */
export function ApplicationTable({ labelledBy, items }: { labelledBy: string; items: ApplicationView[] }) {
  const { t, i18n } = useTranslation('staff');
  const names = useNames();
  return (
    <TableScroll>
      <table aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('queue.reference')}</th>
            <th scope="col">{t('queue.programs')}</th>
            <th scope="col">{t('queue.period')}</th>
            <th scope="col">{t('queue.district')}</th>
            <th scope="col">{t('queue.submitted')}</th>
            <th scope="col">{t('queue.due')}</th>
            <th scope="col">{t('queue.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={`/staff/applications/${a.id}`}>{a.reference}</Link>
              </th>
              <td>{a.programs.map(names.program).join('、')}</td>
              <td>{formatMonth(a.period, i18n.language)}</td>
              <td>{names.district(a.districtCode)}</td>
              <td>{formatDate(a.submittedAt, i18n.language)}</td>
              <td>{formatDate(a.dueDate, i18n.language)}</td>
              <td>
                <StatusText status={a.status} overdue={a.overdue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
