import { useId, useState } from 'react';
import {
  Button,
  Checkbox,
  Form,
  Label,
  Link,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiProblem, apiGet, apiSend, query } from '../api.ts';
import { formatDate, formatMonth, formatNtd } from '../format.ts';
import { useSession } from '../session.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { Explanation, type ParameterUsed, type RuleResult } from './Explanation.tsx';
import { type ApplicationView, type Message, StatusText, TableScroll, textOf, useNames } from './shared.tsx';

interface Reason {
  code: string;
  message: Message;
}

interface ApplicationInFull extends ApplicationView {
  documents: { id: string; kind: string; description: string; addedAt: string | null }[];
  proposal: {
    id: string;
    status: string;
    proposedBy: string;
    proposedAt: string | null;
    note: string | null;
    outcomes: {
      program: string;
      outcome: 'approved' | 'rejected';
      amountNtd: number | null;
      eligible: boolean | null;
      reasons: Reason[];
    }[];
  } | null;
  decisions: {
    id: string;
    program: string;
    outcome: 'approved' | 'rejected';
    entity: string;
    entityId: string;
    monthlyAmountNtd: number | null;
    reasons: Reason[];
    decidedAt: string | null;
    rulesVersion: string;
  }[];
}

interface HouseholdNames {
  members: { personId: string; name: string }[];
}

/**
 * 申請案件 One application: its facts, the rules' explanation of every program (evaluated now while open; as
 * made once decided), the proposal, and the step the signed-in account may take — propose (the district's
 * clerk) or decide (a reviewer, not the proposer).
 */
export function Application({ id }: { id: string }) {
  const { t, i18n } = useTranslation('staff');
  const { account } = useSession();
  const names = useNames();
  const [done, setDone] = useState<string>();
  const { data, error, loading, reload } = useApi(
    () => apiGet<ApplicationInFull>(`/applications/${encodeURIComponent(id)}`),
    [id],
  );
  const members = useApi(
    () =>
      data?.householdId
        ? apiGet<HouseholdNames>(`/households/${data.householdId}`)
        : Promise.resolve({ members: [] }),
    [data?.householdId],
  );
  const explained = useExplanation(data);
  const personName = (personId: string) => members.data?.members.find((m) => m.personId === personId)?.name;
  const title = data ? t('application.title', { reference: data.reference }) : t('application.titleLoading');
  const refresh = (message: string) => {
    setDone(message);
    reload();
  };
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <div role="status" aria-live="polite">
        {done && <p className="notice">{done}</p>}
      </div>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <dl className="facts">
            <dt>{t('queue.status')}</dt>
            <dd>
              <StatusText status={data.status} overdue={data.overdue} />
            </dd>
            <dt>{t('queue.programs')}</dt>
            <dd>{data.programs.map(names.program).join('、')}</dd>
            <dt>{t('queue.period')}</dt>
            <dd>{formatMonth(data.period, i18n.language)}</dd>
            <dt>{t('application.applicant')}</dt>
            <dd>{personName(data.applicantPersonId) ?? '—'}</dd>
            <dt>{t('application.household')}</dt>
            <dd>
              {data.householdId ? (
                <Link href={`/staff/households/${data.householdId}`}>{t('application.openHousehold')}</Link>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('queue.district')}</dt>
            <dd>{names.district(data.districtCode)}</dd>
            <dt>{t('queue.submitted')}</dt>
            <dd>
              {formatDate(data.submittedAt, i18n.language)}（{t(`channel.${data.channel}`)}）
            </dd>
            <dt>{t('queue.due')}</dt>
            <dd>{formatDate(data.dueDate, i18n.language)}</dd>
          </dl>
          <Documents application={data} />
          <Decisions application={data} />
          <ExplanationSection application={data} explained={explained} personName={personName} />
          <ProposalSection application={data} />
          {account?.role === 'district-clerk' && data.status === 'submitted' && explained.data && (
            <ProposeForm
              application={data}
              suggested={suggestedOutcomes(data.programs, explained.data)}
              onDone={() => refresh(t('application.proposed'))}
            />
          )}
          {account?.role === 'reviewer' && data.status === 'in_review' && data.proposal && (
            <DecideForm
              application={data}
              onDone={() => refresh(t('application.decided'))}
              onReload={reload}
            />
          )}
        </>
      )}
    </>
  );
}

function Documents({ application }: { application: ApplicationInFull }) {
  const { t, i18n } = useTranslation('staff');
  return (
    <section>
      <h2>{t('application.documents')}</h2>
      {application.documents.length === 0 ? (
        <p>{t('application.documentsNone')}</p>
      ) : (
        <ul>
          {application.documents.map((d) => (
            <li key={d.id}>
              {d.kind}：{d.description}（{formatDate(d.addedAt, i18n.language)}）
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Decisions({ application }: { application: ApplicationInFull }) {
  const { t, i18n } = useTranslation('staff');
  const names = useNames();
  const headingId = useId();
  if (application.decisions.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('application.decisions')}</h2>
      <TableScroll>
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('household.program')}</th>
              <th scope="col">{t('household.outcome')}</th>
              <th scope="col" className="number">
                {t('application.monthly')}
              </th>
              <th scope="col">{t('application.decidedAt')}</th>
              <th scope="col">{t('household.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {application.decisions.map((d) => (
              <tr key={d.id}>
                <th scope="row">{names.program(d.program)}</th>
                <td>{t(`outcome.${d.outcome}`)}</td>
                <td className="number">{formatNtd(d.monthlyAmountNtd, i18n.language)}</td>
                <td>{formatDate(d.decidedAt, i18n.language)}</td>
                <td>
                  {d.reasons.length ? d.reasons.map((r) => textOf(r.message, i18n.language)).join('；') : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

interface DecisionAsMade {
  explanation: RuleResult[];
  parameters: ParameterUsed[];
}

interface Explained {
  results: RuleResult[];
  parameters: ParameterUsed[];
}

/** Decided: the explanation each decision was made on, as kept. Open: the rules on the household now. */
function useExplanation(application: ApplicationInFull | undefined) {
  const decisionIds = application?.decisions.map((d) => d.id).join(',');
  return useApi(async (): Promise<Explained | undefined> => {
    if (!application) return undefined;
    if (application.decisions.length > 0) {
      const made = await Promise.all(
        application.decisions.map((d) => apiGet<DecisionAsMade>(`/decisions/${d.id}`)),
      );
      const results = made.flatMap((m) => (Array.isArray(m.explanation) ? m.explanation : []));
      const parameters = new Map(made.flatMap((m) => m.parameters ?? []).map((p) => [p.id, p]));
      return { results: unique(results), parameters: [...parameters.values()] };
    }
    if (!application.householdId) return { results: [], parameters: [] };
    return apiGet<Explained>(
      `/households/${application.householdId}/programs${query({
        period: application.period,
        programs: application.programs.join(','),
      })}`,
    );
  }, [application?.id, application?.version, decisionIds]);
}

function ExplanationSection({
  application,
  explained,
  personName,
}: {
  application: ApplicationInFull;
  explained: ReturnType<typeof useExplanation>;
  personName: (id: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const { data, error, loading, reload } = explained;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('application.explanation')}</h2>
      <p className="hint">
        {application.decisions.length > 0
          ? t('application.explanationDecided')
          : t('application.explanationLead', { period: formatMonth(application.period, i18n.language) })}
      </p>
      {loading && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && <Explanation results={data.results} parameters={data.parameters} personName={personName} />}
    </section>
  );
}

/** What the rules suggest for each program: approve when every result asked for is eligible. */
function suggestedOutcomes(programs: string[], explained: Explained | undefined): Record<string, string> {
  return Object.fromEntries(
    programs.map((program) => {
      const results = (explained?.results ?? []).filter(
        (r) => r.program === program && r.requested !== false,
      );
      const eligible = results.length > 0 && results.every((r) => r.eligible === true);
      return [program, eligible ? 'approved' : 'rejected'];
    }),
  );
}

const unique = (results: RuleResult[]) => {
  const seen = new Set<string>();
  return results.filter((r) => {
    const key = `${r.program}|${r.entity}|${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

function ProposalSection({ application }: { application: ApplicationInFull }) {
  const { t, i18n } = useTranslation('staff');
  const names = useNames();
  const headingId = useId();
  const proposal = application.proposal;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('application.proposal')}</h2>
      {!proposal ? (
        <p>{t('application.proposalNone')}</p>
      ) : (
        <>
          <p>
            {t('application.proposedAt')}：{formatDate(proposal.proposedAt, i18n.language)}
            {proposal.note && (
              <>
                <br />
                {t('application.note')}：{proposal.note}
              </>
            )}
          </p>
          <TableScroll>
            <table aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('household.program')}</th>
                  <th scope="col">{t('household.outcome')}</th>
                  <th scope="col" className="number">
                    {t('application.amount')}
                  </th>
                  <th scope="col">{t('household.reasons')}</th>
                </tr>
              </thead>
              <tbody>
                {proposal.outcomes.map((o) => (
                  <tr key={o.program}>
                    <th scope="row">{names.program(o.program)}</th>
                    <td>{t(`outcome.${o.outcome}`)}</td>
                    <td className="number">{formatNtd(o.amountNtd, i18n.language)}</td>
                    <td>
                      {o.reasons.length
                        ? o.reasons.map((r) => textOf(r.message, i18n.language)).join('；')
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/** 擬辦 The district clerk's proposal: an outcome per program, and a note. */
function ProposeForm({
  application,
  suggested,
  onDone,
}: {
  application: ApplicationInFull;
  suggested: Record<string, string>;
  onDone: () => void;
}) {
  const { t } = useTranslation('staff');
  const names = useNames();
  const headingId = useId();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Record<string, string>>(suggested);
  const [note, setNote] = useState('');
  return (
    <section aria-labelledby={headingId} className="action">
      <h2 id={headingId}>{t('application.propose')}</h2>
      <p className="hint">{t('application.proposeLead')}</p>
      <Form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            await apiSend('POST', `/applications/${application.id}/proposal`, {
              outcomes: application.programs.map((program) => ({ program, outcome: outcomes[program] })),
              ...(note.trim() ? { note: note.trim() } : {}),
            });
            onDone();
          } catch (problem) {
            setError(problem);
          } finally {
            setBusy(false);
          }
        }}
      >
        {application.programs.map((program) => (
          <RadioGroup
            key={program}
            value={outcomes[program] ?? 'approved'}
            onChange={(value) => setOutcomes((o) => ({ ...o, [program]: value }))}
            orientation="horizontal"
            style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem', alignItems: 'center' }}
          >
            <Label>{t('application.outcomeFor', { program: names.program(program) })}</Label>
            {(['approved', 'rejected'] as const).map((outcome) => (
              <Radio key={outcome} value={outcome} style={{ cursor: 'pointer', padding: '0.25rem 0' }}>
                {({ isSelected }) => (
                  <>
                    <span aria-hidden="true">{isSelected ? '◉' : '○'} </span>
                    {t(`outcome.${outcome}`)}
                  </>
                )}
              </Radio>
            ))}
          </RadioGroup>
        ))}
        <TextField value={note} onChange={setNote} maxLength={2000}>
          <Label>{t('application.note')}</Label>
          <TextArea rows={3} />
        </TextField>
        {error !== undefined && <ProblemMessage error={error} />}
        <Button type="submit" className="primary" isDisabled={busy}>
          {t('application.submitProposal')}
        </Button>
      </Form>
    </section>
  );
}

/** 核定 A reviewer's decision: the proposal as it is, or programs proposed for approval rejected with reasons. */
function DecideForm({
  application,
  onDone,
  onReload,
}: {
  application: ApplicationInFull;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('staff');
  const names = useNames();
  const headingId = useId();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [rejected, setRejected] = useState<Record<string, boolean>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const approvable = (application.proposal?.outcomes ?? []).filter((o) => o.outcome === 'approved');
  const conflict = error instanceof ApiProblem && error.status === 409;
  return (
    <section aria-labelledby={headingId} className="action">
      <h2 id={headingId}>{t('application.decide')}</h2>
      <p className="hint">{t('application.decideLead')}</p>
      <Form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(undefined);
          const rejections = approvable
            .filter((o) => rejected[o.program])
            .map((o) => {
              const text = reasons[o.program]?.trim();
              return {
                program: o.program,
                // The reviewer writes one reason; the API keeps it in both languages as written.
                ...(text ? { reasons: [{ code: 'reviewer', message: { zh: text, en: text } }] } : {}),
              };
            });
          try {
            await apiSend('POST', `/applications/${application.id}/decision`, {
              version: application.version,
              ...(rejections.length ? { rejections } : {}),
            });
            onDone();
          } catch (problem) {
            setError(problem);
          } finally {
            setBusy(false);
          }
        }}
      >
        {approvable.map((o) => (
          <div key={o.program} className="reject-choice">
            <Checkbox
              isSelected={rejected[o.program] ?? false}
              onChange={(selected) => setRejected((r) => ({ ...r, [o.program]: selected }))}
            >
              {({ isSelected }) => (
                <>
                  <span aria-hidden="true">{isSelected ? '☑' : '☐'} </span>
                  {t('application.rejectInstead', { program: names.program(o.program) })}
                </>
              )}
            </Checkbox>
            {rejected[o.program] && (
              <TextField
                value={reasons[o.program] ?? ''}
                onChange={(text) => setReasons((r) => ({ ...r, [o.program]: text }))}
                maxLength={500}
              >
                <Label>{t('application.rejectReason', { program: names.program(o.program) })}</Label>
                <TextArea rows={2} />
                <Text slot="description">{t('application.rejectReasonHint')}</Text>
              </TextField>
            )}
          </div>
        ))}
        {error !== undefined && (
          <>
            <ProblemMessage error={error} />
            {conflict && (
              <p>
                {t('application.conflict')} <Button onPress={onReload}>{t('application.reload')}</Button>
              </p>
            )}
          </>
        )}
        <Button type="submit" className="primary" isDisabled={busy}>
          {t('application.submitDecision')}
        </Button>
      </Form>
    </section>
  );
}
