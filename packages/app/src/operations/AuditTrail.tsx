import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, query } from '../api.ts';
import { navigate, useLocation } from '../router.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';

/** GET /api/v1/audit: an entry, personal data masked by the server. */
interface Entry {
  seq: number;
  at: string;
  actor: { kind: string; id: string | null; name: string; role: string };
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  purpose: string | null;
  details: unknown;
}

const FILTERS = ['recordType', 'recordId', 'actor', 'action'] as const;
type Filter = (typeof FILTERS)[number];

const dateTime = new Intl.DateTimeFormat('zh-TW-u-ca-roc', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Asia/Taipei',
});
const dateTimeEn = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Asia/Taipei',
});

/**
 * 稽核紀錄 The audit trail for the auditor: who did or read what, when, from where and why, newest first, filtered
 * by record (a household's id, say), actor or action; the filters stay in the address so a trail can be linked.
 */
export function AuditTrail() {
  const { t, i18n } = useTranslation('operations');
  const { search } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, search.get(name) ?? ''])) as Record<
    Filter,
    string
  >;
  const [before, setBefore] = useState<number>();
  const trail = useApi(
    () =>
      apiGet<{ entries: Entry[]; next: number | null }>(`/audit${query({ ...filters, before, limit: 50 })}`),
    [search.toString(), before],
  );
  const when = (iso: string) =>
    (i18n.language.startsWith('en') ? dateTimeEn : dateTime).format(new Date(iso));
  return (
    <>
      <PageTitle title={t('audit.title')}>{t('audit.title')}</PageTitle>
      <p>{t('audit.lead')}</p>
      <Form
        className="form filters-form"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          setBefore(undefined);
          navigate(
            `/staff/audit${query(Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) ?? '').trim()])))}`,
          );
        }}
      >
        {FILTERS.map((name) => (
          <TextField key={`${name}-${filters[name]}`} name={name} defaultValue={filters[name]}>
            <Label>{t(`audit.filter.${name}`)}</Label>
            <Input />
          </TextField>
        ))}
        <Button type="submit" className="primary">
          {t('audit.search')}
        </Button>
      </Form>
      {trail.loading && <Loading />}
      {trail.error !== undefined && <ProblemMessage error={trail.error} onRetry={trail.reload} />}
      {trail.data && (
        <>
          <p role="status">{t('audit.shown', { count: trail.data.entries.length })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('audit.column.at')}</th>
                  <th scope="col">{t('audit.column.actor')}</th>
                  <th scope="col">{t('audit.column.action')}</th>
                  <th scope="col">{t('audit.column.record')}</th>
                  <th scope="col">{t('audit.column.purpose')}</th>
                  <th scope="col">{t('audit.column.ip')}</th>
                  <th scope="col">{t('audit.column.details')}</th>
                </tr>
              </thead>
              <tbody>
                {trail.data.entries.map((entry) => (
                  <tr key={entry.seq}>
                    <td>{when(entry.at)}</td>
                    <td>
                      {entry.actor.name} <span className="hint">({entry.actor.role})</span>
                    </td>
                    <td>{entry.action}</td>
                    <td>
                      {entry.recordType}
                      {entry.recordId && <code className="id"> {entry.recordId}</code>}
                    </td>
                    <td>{entry.purpose ?? '—'}</td>
                    <td>{entry.ip ?? '—'}</td>
                    <td>
                      <code className="details">{JSON.stringify(entry.details)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {trail.data.next !== null && (
            <Button onPress={() => setBefore(trail.data!.next!)}>{t('audit.older')}</Button>
          )}
        </>
      )}
    </>
  );
}
