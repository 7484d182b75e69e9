import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Label, Link, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend, newIdempotencyKey } from '../api.ts';
import { formatDate, formatMonth, formatNtd } from '../format.ts';
import { useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { type Program, programName, usePrograms } from './programs.ts';

/** An application as GET /api/v1/applications lists it. */
interface ApplicationView {
  id: string;
  reference: string;
  channel: 'online' | 'office';
  districtCode: string;
  period: string;
  status: string;
  programs: string[];
  submittedAt: string | null;
  dueDate: string | null;
  overdue: boolean;
}
interface Reason {
  code: string;
  message: { zh: string; en: string };
}
interface ApplicationInFull extends ApplicationView {
  documents: { id: string; kind: string; description: string; addedAt: string | null }[];
  decisions: {
    id: string;
    program: string;
    outcome: 'approved' | 'rejected';
    monthlyAmountNtd: number | null;
    reasons: Reason[];
    decidedAt: string | null;
  }[];
}

const KIND_ORDER: Program['kind'][] = ['status', 'cash', 'in-kind', 'service'];
const OPEN = ['submitted', 'in_review'];

/** 線上申請 (/me/applications): the household's applications and a new one (programs preselected by ?programs=). */
export function Applications() {
  const { t, i18n } = useTranslation('citizen');
  const language = i18n.language;
  const { account } = useSession();
  const { search } = useLocation();
  const programs = usePrograms();
  const list = useApi(() => apiGet<{ items: ApplicationView[] }>('/applications?pageSize=50'), []);
  const [chosen, setChosen] = useState<string[]>(() =>
    (search.get('programs') ?? '').split(',').filter((id) => /^[a-z0-9-]{1,64}$/.test(id)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [said, setSaid] = useState('');
  const [invalid, setInvalid] = useState(false);
  // One key per application being filed: a retry after a lost answer returns the same application.
  const [attemptKey, setAttemptKey] = useState(newIdempotencyKey);
  const title = t('applications.title');
  const catalog = [...programs.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('applications.lead')}</p>
      <p role="status" className={said ? 'notice' : 'visually-hidden'}>
        {said}
      </p>

      <h2>{t('applications.list')}</h2>
      {list.error !== undefined && <ProblemMessage error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('applications.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="certificate-list">
          {list.data.items.map((a) => (
            <li key={a.id} className="card">
              <h3>
                <Link
                  href={`/me/applications/${a.id}`}
                  aria-label={t('applications.open', { reference: a.reference })}
                >
                  {a.reference}
                </Link>{' '}
                <span className="badge">
                  {t(`applications.status_${a.status}`, { defaultValue: a.status })}
                </span>
              </h3>
              <dl className="facts">
                <dt>{t('applications.programs')}</dt>
                <dd>{a.programs.map((id) => programName(programs, id, language)).join('、')}</dd>
                <dt>{t('applications.submittedAt')}</dt>
                <dd>
                  {formatDate(a.submittedAt, language)}（{t(`applications.channel_${a.channel}`)}）
                </dd>
                <dt>{t('applications.dueDate')}</dt>
                <dd>
                  {formatDate(a.dueDate, language)}
                  {a.overdue && OPEN.includes(a.status) && `（${t('applications.overdue')}）`}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('applications.new')}</h2>
      <Form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (chosen.length === 0) {
            setInvalid(true);
            return;
          }
          setInvalid(false);
          setBusy(true);
          setError(undefined);
          setSaid('');
          try {
            const filed = await apiSend<ApplicationView>(
              'POST',
              '/applications',
              { applicantPersonId: account?.personId, programs: chosen },
              { idempotencyKey: attemptKey },
            );
            setAttemptKey(newIdempotencyKey());
            setSaid(t('applications.filed', { reference: filed.reference }));
            setChosen([]);
            list.reload();
          } catch (problem) {
            setError(problem);
          } finally {
            setBusy(false);
          }
        }}
      >
        <CheckboxGroup value={chosen} onChange={setChosen} isInvalid={invalid}>
          <Label>{t('applications.choose')}</Label>
          <Text slot="description">
            {t('applications.chooseHint')} <Link href="/screener">{t('nav.screener')}</Link>
          </Text>
          {catalog.map((program) => (
            <Checkbox key={program.id} value={program.id}>
              <span className="box" aria-hidden="true">
                {chosen.includes(program.id) ? '✓' : ''}
              </span>
              {language.startsWith('en') ? program.nameEn : program.nameZh}
            </Checkbox>
          ))}
        </CheckboxGroup>
        {invalid && (
          <p role="alert" className="problem">
            {t('applications.pickOne')}
          </p>
        )}
        {error !== undefined && <ProblemMessage error={error} />}
        <div>
          <Button type="submit" className="primary" isDisabled={busy}>
            {busy ? t('applications.submitting') : t('applications.submit')}
          </Button>
        </div>
      </Form>
    </>
  );
}

/** 申請案件 (/me/applications/:id): where it stands, its documents and its decisions. */
export function ApplicationDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation('citizen');
  const language = i18n.language;
  const english = language.startsWith('en');
  const programs = usePrograms();
  const { data, error, loading, reload } = useApi(
    () => apiGet<ApplicationInFull>(`/applications/${encodeURIComponent(id)}`),
    [id],
  );
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState<unknown>();
  const title = data ? t('applications.detail', { reference: data.reference }) : t('applications.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href="/me/applications">{t('applications.back')}</Link>
      </p>
      <p role="status" className={said ? 'notice' : 'visually-hidden'}>
        {said}
      </p>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <dl className="facts">
            <dt>{t('applications.status')}</dt>
            <dd>
              <strong>{t(`applications.status_${data.status}`, { defaultValue: data.status })}</strong>
            </dd>
            <dt>{t('applications.programs')}</dt>
            <dd>{data.programs.map((p) => programName(programs, p, language)).join('、')}</dd>
            <dt>{t('applications.period')}</dt>
            <dd>{formatMonth(data.period, language)}</dd>
            <dt>{t('applications.submittedAt')}</dt>
            <dd>{formatDate(data.submittedAt, language)}</dd>
            <dt>{t('applications.dueDate')}</dt>
            <dd>{formatDate(data.dueDate, language)}</dd>
          </dl>
          <h2>{t('applications.decisions')}</h2>
          {data.decisions.length === 0 ? (
            <p>{t('applications.noDecisions')}</p>
          ) : (
            <ul className="certificate-list">
              {data.decisions.map((d) => (
                <li key={d.id} className="card">
                  <h3>
                    {programName(programs, d.program, language)}{' '}
                    <span className={`badge ${d.outcome === 'approved' ? 'ok' : 'bad'}`}>
                      {t(`applications.outcome_${d.outcome}`)}
                    </span>
                  </h3>
                  {d.monthlyAmountNtd !== null && (
                    <p>
                      {t('applications.monthly')}：{formatNtd(d.monthlyAmountNtd, language)}
                    </p>
                  )}
                  <ul>
                    {d.reasons.map((r) => (
                      <li key={r.code}>{english ? r.message.en : r.message.zh}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('applications.documents')}</h2>
          {data.documents.length === 0 ? (
            <p>{t('applications.noDocuments')}</p>
          ) : (
            <ul>
              {data.documents.map((d) => (
                <li key={d.id}>
                  {d.description}（{formatDate(d.addedAt, language)}）
                </li>
              ))}
            </ul>
          )}
          {problem !== undefined && <ProblemMessage error={problem} />}
          {OPEN.includes(data.status) && (
            <Button
              className="danger"
              isDisabled={busy}
              onPress={async () => {
                setBusy(true);
                setProblem(undefined);
                try {
                  await apiSend('POST', `/applications/${encodeURIComponent(id)}/withdraw`);
                  setSaid(t('applications.withdrawn'));
                  reload();
                } catch (failure) {
                  setProblem(failure);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('applications.withdraw')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
