import { useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../api.ts';
import { formatNtd } from '../format.ts';
import { isCitizen, useSession } from '../session.tsx';
import { PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { Choice, WholeNumber } from './fields.tsx';
import { type Program, programName, todayInTaiwan, usePrograms } from './programs.ts';

/**
 * 匿名福利試算 (/screener; public, anonymous): a short questionnaire turned into a case for the rules engine
 * (POST /api/v1/calculate), the month now. Nothing is stored: the answers live in this page only.
 */

const ROLES = ['spouse', 'lineal_relative', 'child', 'other'] as const;
const DISABILITY = ['none', 'mild', 'moderate', 'severe', 'profound'] as const;
/** What a member does now, as the rules' facts say it (D0050078 第5-3條: who is not counted as able to work). */
const SITUATIONS = [
  'working',
  'seeking',
  'student',
  'caregiver',
  'illness',
  'disability',
  'retired',
] as const;
type Situation = (typeof SITUATIONS)[number];

interface MemberAnswers {
  key: number;
  role: string;
  age: number;
  situation: Situation;
  earned: number;
  other: number;
  disability: string;
  nhi: number;
}

interface Reason {
  code: string;
  passed: boolean | null;
  reference: string;
  message: { zh: string; en: string };
  threshold: number | null;
  value: number | null;
}
interface Result {
  program: string;
  entity: 'person' | 'household';
  id: string;
  eligible: boolean | null;
  amountNtd: number | null;
  reasons: Reason[];
  requested: boolean;
}

const HOUSEHOLD = 'h';
const memberId = (k: number) => `m${k + 1}`;

const newMember = (key: number, role: string): MemberAnswers => ({
  key,
  role,
  age: Number.NaN,
  situation: 'working',
  earned: 0,
  other: 0,
  disability: 'none',
  nhi: 0,
});

/** A birth date that makes the person `age` today: half a year past that birthday. */
function birthDateOf(age: number, today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - age, m - 1, d) - 182 * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const situationFacts = (situation: Situation, age: number): Record<string, unknown> => {
  switch (situation) {
    case 'working':
      return { employed: true };
    case 'seeking':
      return { registeredUnemployed: true };
    case 'retired':
      return {};
    default:
      // The reasons apply from 16 to 64; a child or a senior is not expected to work anyway.
      return age >= 16 && age < 65 ? { workInability: situation } : {};
  }
};

function caseOf(
  members: MemberAnswers[],
  household: { district: string; savings: number; realEstate: number; rent: number },
) {
  const today = todayInTaiwan();
  const whole = (n: number) => (Number.isFinite(n) ? Math.round(n) : 0);
  const persons: Record<string, Record<string, unknown>> = {};
  const roles: Record<string, string> = {};
  members.forEach((member, k) => {
    const id = memberId(k);
    persons[id] = {
      birthDate: birthDateOf(member.age, today),
      earnedIncomeNtd: whole(member.earned),
      otherIncomeNtd: whole(member.other),
      disabilityLevel: member.disability,
      nhiPremiumNtd: whole(member.nhi),
      ...situationFacts(member.situation, member.age),
      // The household's property is asked once and counted with the applicant's.
      ...(k === 0
        ? { movablePropertyNtd: whole(household.savings), immovablePropertyNtd: whole(household.realEstate) }
        : {}),
    };
    roles[id] = k === 0 ? 'applicant' : member.role;
  });
  return {
    period: today.slice(0, 7),
    persons,
    households: {
      [HOUSEHOLD]: { members: roles, district: household.district, rentNtd: whole(household.rent) },
    },
  };
}

export function Screener() {
  const { t, i18n } = useTranslation('citizen');
  const language = i18n.language;
  const english = language.startsWith('en');
  const districts = useApi(
    () => apiGet<{ items: { code: string; nameZh: string; nameEn: string }[] }>('/districts'),
    [],
  );
  const programs = usePrograms();
  const [members, setMembers] = useState<MemberAnswers[]>([newMember(0, 'applicant')]);
  const [nextKey, setNextKey] = useState(1);
  const [district, setDistrict] = useState<string | null>(null);
  const [savings, setSavings] = useState(0);
  const [realEstate, setRealEstate] = useState(0);
  const [rent, setRent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [answer, setAnswer] = useState<
    { results: Result[]; labels: string[]; district: string } | undefined
  >();
  const [missing, setMissing] = useState('');
  const title = t('screener.title');

  const update = (k: number, change: Partial<MemberAnswers>) =>
    setMembers((all) => all.map((m, j) => (j === k ? { ...m, ...change } : m)));
  const memberLabel = (k: number, role: string) =>
    k === 0 ? t('screener.memberApplicant') : `${t('screener.member', { n: k + 1 })}（${t(`role.${role}`)}）`;

  async function screen() {
    if (!district || members.some((m) => !Number.isFinite(m.age))) {
      setMissing(t(district ? 'screener.ageNeeded' : 'screener.districtNeeded'));
      return;
    }
    setMissing('');
    setBusy(true);
    setError(undefined);
    try {
      const body = caseOf(members, { district, savings, realEstate, rent });
      const { results } = await apiSend<{ results: Result[] }>('POST', '/calculate', body);
      setAnswer({ results, labels: members.map((m, k) => memberLabel(k, m.role)), district });
    } catch (problem) {
      setAnswer(undefined);
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  const districtOptions = (districts.data?.items ?? []).map((d) => ({
    id: d.code,
    label: english ? d.nameEn : d.nameZh,
  }));

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('screener.lead')}</p>
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void screen();
        }}
      >
        <div className="narrow">
          {districts.error !== undefined && (
            <ProblemMessage error={districts.error} onRetry={districts.reload} />
          )}
          <Choice
            label={t('screener.district')}
            value={district}
            onChange={setDistrict}
            options={districtOptions}
            placeholder={t('screener.chooseDistrict')}
            isRequired
          />
        </div>
        <h2>{t('screener.members')}</h2>
        {members.map((member, k) => (
          <fieldset key={member.key} className="member-fieldset">
            <legend>{memberLabel(k, member.role)}</legend>
            {k > 0 && (
              <Choice
                label={t('screener.role')}
                value={member.role}
                onChange={(role) => update(k, { role })}
                options={ROLES.map((r) => ({ id: r, label: t(`role.${r}`) }))}
              />
            )}
            <WholeNumber
              label={t('screener.age')}
              value={member.age}
              onChange={(age) => update(k, { age })}
              maxValue={120}
              isRequired
            />
            <Choice
              label={t('screener.situation')}
              value={member.situation}
              onChange={(situation) => update(k, { situation: situation as Situation })}
              options={SITUATIONS.map((s) => ({ id: s, label: t(`screener.situation_${s}`) }))}
            />
            <WholeNumber
              label={t('screener.earned')}
              value={member.earned}
              onChange={(earned) => update(k, { earned })}
            />
            <WholeNumber
              label={t('screener.other')}
              value={member.other}
              onChange={(other) => update(k, { other })}
              hint={t('screener.otherHint')}
            />
            <Choice
              label={t('screener.disability')}
              value={member.disability}
              onChange={(disability) => update(k, { disability })}
              options={DISABILITY.map((d) => ({ id: d, label: t(`screener.disability_${d}`) }))}
            />
            <WholeNumber
              label={t('screener.nhi')}
              value={member.nhi}
              onChange={(nhi) => update(k, { nhi })}
              hint={t('screener.nhiHint')}
            />
            {k > 0 && (
              <Button className="danger" onPress={() => setMembers((all) => all.filter((_, j) => j !== k))}>
                {t('screener.removeMember', { n: k + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        {members.length < 10 && (
          <div>
            <Button
              onPress={() => {
                setMembers((all) => [...all, newMember(nextKey, 'child')]);
                setNextKey((n) => n + 1);
              }}
            >
              {t('screener.addMember')}
            </Button>
          </div>
        )}
        <fieldset className="member-fieldset">
          <legend>{t('screener.property')}</legend>
          <WholeNumber label={t('screener.savings')} value={savings} onChange={setSavings} />
          <WholeNumber label={t('screener.realEstate')} value={realEstate} onChange={setRealEstate} />
          <WholeNumber label={t('screener.rent')} value={rent} onChange={setRent} />
        </fieldset>
        {missing && (
          <p role="alert" className="problem">
            {missing}
          </p>
        )}
        {error !== undefined && <ProblemMessage error={error} />}
        <div>
          <Button type="submit" className="primary" isDisabled={busy}>
            {busy ? t('screener.calculating') : t('screener.submit')}
          </Button>
        </div>
        <p className="hint">{t('screener.notStored')}</p>
      </Form>
      <ScreenerAnswer
        answer={answer}
        programs={programs}
        districtName={answer ? (districtOptions.find((d) => d.id === answer.district)?.label ?? '') : ''}
      />
    </>
  );
}

interface Found {
  program: string;
  results: Result[];
}

function grouped(results: Result[], eligible: boolean | null): Found[] {
  const byProgram = new Map<string, Result[]>();
  for (const result of results)
    if (result.requested && result.eligible === eligible)
      byProgram.set(result.program, [...(byProgram.get(result.program) ?? []), result]);
  return [...byProgram].map(([program, found]) => ({ program, results: found }));
}

function ScreenerAnswer({
  answer,
  programs,
  districtName,
}: {
  answer: { results: Result[]; labels: string[] } | undefined;
  programs: Map<string, Program>;
  districtName: string;
}) {
  const { t, i18n } = useTranslation('citizen');
  const { account } = useSession();
  const language = i18n.language;
  const english = language.startsWith('en');
  // Cash first, the largest amounts first: what a household most needs to know.
  const total = (f: Found) => f.results.reduce((sum, r) => sum + (r.amountNtd ?? 0), 0);
  const likely = answer ? grouped(answer.results, true).sort((a, b) => total(b) - total(a)) : [];
  const undetermined = answer ? grouped(answer.results, null) : [];
  const who = (r: Result) =>
    r.entity === 'household' ? t('screener.household') : (answer?.labels[Number(r.id.slice(1)) - 1] ?? r.id);
  const message = (reason: Reason) => (english ? reason.message.en : reason.message.zh);
  const amountOf = (program: string, amount: number | null) => {
    const period = programs.get(program)?.period ?? 'month';
    return amount !== null && amount > 0
      ? t(`screener.amountPer_${period}`, { amount: formatNtd(amount, language) })
      : t('screener.noAmount');
  };
  const applyPrograms = likely.map((f) => f.program).join(',');
  const applyHref = `/me/applications?programs=${encodeURIComponent(applyPrograms)}`;

  return (
    <section aria-labelledby="screener-answer">
      <div role="status" aria-live="polite">
        {answer && (
          <p className="notice" id="screener-answer">
            {t('screener.found', { count: likely.length })}
          </p>
        )}
      </div>
      {answer && (
        <>
          <h2>{t('screener.likely')}</h2>
          {likely.length === 0 && <p>{t('screener.noneLikely')}</p>}
          <ul className="result-list">
            {likely.map(({ program, results }) => (
              <li key={program} className="card">
                <h3>{programName(programs, program, language)}</h3>
                <ul className="plain">
                  {results.map((r) => (
                    <li key={r.id}>
                      {t('screener.forWhom', { who: who(r) })}：
                      <span className="amount">{amountOf(program, r.amountNtd)}</span>
                    </li>
                  ))}
                </ul>
                <h4>{t('screener.whyTitle')}</h4>
                <ul className="reasons">
                  {results[0]!.reasons
                    .filter((reason) => reason.passed)
                    .map((reason) => (
                      <li key={reason.code} className="met">
                        {message(reason)}
                        {reason.value !== null &&
                          reason.threshold !== null &&
                          t('screener.threshold', {
                            value: reason.value.toLocaleString(),
                            threshold: reason.threshold.toLocaleString(),
                          })}{' '}
                        <span className="hint">
                          {t('screener.reference', { reference: reason.reference })}
                        </span>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>

          {undetermined.length > 0 && (
            <>
              <h2>{t('screener.undetermined')}</h2>
              <p>{t('screener.undeterminedLead')}</p>
              <ul className="result-list">
                {undetermined.map(({ program, results }) => (
                  <li key={program} className="card">
                    <h3>{programName(programs, program, language)}</h3>
                    <p>{t('screener.forWhom', { who: results.map(who).join('、') })}</p>
                    <ul className="reasons">
                      {results[0]!.reasons
                        .filter((reason) => reason.passed === null)
                        .map((reason) => (
                          <li key={reason.code} className="unknown">
                            {t('screener.unknownBecause')}
                            {message(reason).replace(/^(不符：|not met: )/i, '')}{' '}
                            <span className="hint">
                              {t('screener.reference', { reference: reason.reference })}
                            </span>
                          </li>
                        ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}

          <h2>{t('screener.howToApply')}</h2>
          <p>{t('screener.applyOnlineHint')}</p>
          <p>
            {isCitizen(account) ? (
              <Link href={applyHref}>{t('screener.applyOnline')}</Link>
            ) : (
              <Link href={`/signin?next=${encodeURIComponent(applyHref)}`}>
                {t('screener.signInToApply')}
              </Link>
            )}
          </p>
          <p>
            {districtName
              ? t('screener.applyOffice', { district: districtName })
              : t('screener.applyOfficeAny')}
          </p>
        </>
      )}
    </section>
  );
}
