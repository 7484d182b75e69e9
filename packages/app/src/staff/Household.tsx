import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { Button, DateField, DateInput, DateSegment, Form, Label, Link, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, query } from '../api.ts';
import { formatDate, formatMonth, formatNtd, formatUntil } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { HouseholdCertificates } from './HouseholdCertificates.tsx';
import { OfficeIntake } from './OfficeIntake.tsx';
import {
  ApplicationTable,
  type ApplicationView,
  english,
  type Message,
  type PageOf,
  TableScroll,
  textOf,
  useNames,
} from './shared.tsx';

type Evidence = Record<string, unknown> & {
  evidenceId: string;
  validFrom: string;
  validTo: string | null;
  source: string | null;
};

interface Member {
  personId: string;
  role: string;
  memberSince: string;
  memberUntil: string | null;
  idNumber: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  deathDate: string | null;
  evidence: Record<string, Evidence[]>;
}

interface StatusEntry {
  statusId: string;
  status: string;
  category: string | null;
  householdId: string | null;
  personId: string | null;
  validFrom: string;
  validTo: string | null;
}

interface HouseholdView {
  id: string;
  asOf: string;
  district: { code: string; nameZh: string; nameEn: string };
  address: string | null;
  validFrom: string;
  members: Member[];
  statuses: StatusEntry[];
}

interface Entitlement {
  id: string;
  version: number;
  decisionId: string | null;
  program: string;
  entity: string;
  entityId: string;
  monthlyAmountNtd: number | null;
  firstMonth: string;
  lastMonth: string | null;
}

interface Payment {
  id: string;
  kind: string;
  period: string;
  amountNtd: number;
  status: string;
}

interface DecisionAsMade {
  id: string;
  applicationId: string;
  reference: string;
  program: string;
  outcome: 'approved' | 'rejected';
  entity: string;
  entityId: string;
  monthlyAmountNtd: number | null;
  reasons: { code: string; message: Message }[];
  decidedAt: string | null;
}

interface Change {
  table: string;
  versionId: string;
  validFrom: string;
  validTo: string | null;
  recordedAt: string;
  data: Record<string, unknown>;
}

/** Evidence fields shown as amounts; the ids and dates are shown elsewhere. */
const HIDDEN_FIELDS = new Set(['evidenceId', 'validFrom', 'validTo', 'recordedAt', 'source', 'personId']);
const isAmount = (key: string) => key.endsWith('Ntd');

/**
 * 家戶 One household as on a day: members and roles, each member's evidence, statuses, entitlements with their
 * payments, decisions (each linking to its application), applications in progress and the dated changes.
 */
export function Household({ id }: { id: string }) {
  const { t, i18n } = useTranslation('staff');
  const { search } = useLocation();
  const asOf = search.get('asOf') ?? undefined;
  const { data, error, loading, reload } = useApi(
    () => apiGet<HouseholdView>(`/households/${encodeURIComponent(id)}${query({ asOf })}`),
    [id, asOf],
  );
  const { account } = useSession();
  const applicant = data?.members.find((m) => m.role === 'applicant');
  const title = data
    ? t('household.title', { address: data.address ?? data.district.nameZh })
    : t('household.titleLoading');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <AsOfForm id={id} />
          <dl className="facts">
            <dt>{t('household.district')}</dt>
            <dd>{english(i18n.language) ? data.district.nameEn : data.district.nameZh}</dd>
            <dt>{t('household.address')}</dt>
            <dd>{data.address ?? '—'}</dd>
            <dt>{t('household.since')}</dt>
            <dd>{formatDate(data.validFrom, i18n.language)}</dd>
          </dl>
          <Members household={data} />
          <EvidenceSection household={data} />
          <Statuses household={data} />
          {account?.role === 'district-clerk' && applicant && (
            <OfficeIntake applicantPersonId={applicant.personId} applicantName={applicant.name} />
          )}
          {account?.role === 'district-clerk' && <HouseholdCertificates householdId={id} />}
          <OpenApplications householdId={id} />
          <EntitlementsAndDecisions household={data} />
          <History id={id} />
        </>
      )}
    </>
  );
}

/** Another day's view: the field reads in the calendar shown (ROC in Traditional Chinese) and sends ISO. */
function AsOfForm({ id }: { id: string }) {
  const { t } = useTranslation('staff');
  return (
    <Form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const asOf = String(new FormData(event.currentTarget).get('asOf') ?? '');
        navigate(`/staff/households/${id}${query({ asOf })}`);
      }}
    >
      <DateField name="asOf" granularity="day">
        <Label>{t('household.asOf')}</Label>
        <DateInput>{(segment) => <DateSegment segment={segment} />}</DateInput>
        <Text slot="description">{t('household.asOfHint')}</Text>
      </DateField>
      <Button type="submit">{t('household.show')}</Button>
    </Form>
  );
}

function Members({ household }: { household: HouseholdView }) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('household.members')}</h2>
      <TableScroll>
        <table>
          <caption>
            {t('household.membersCaption', { date: formatDate(household.asOf, i18n.language) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('search.colName')}</th>
              <th scope="col">{t('search.colIdNumber')}</th>
              <th scope="col">{t('household.members')}</th>
              <th scope="col">{t('search.colSex')}</th>
              <th scope="col">{t('household.birth')}</th>
              <th scope="col">{t('household.memberSince')}</th>
            </tr>
          </thead>
          <tbody>
            {household.members.map((m) => (
              <tr key={m.personId}>
                <th scope="row">
                  {m.name}
                  {m.deathDate &&
                    ` (${t('household.deceased', { date: formatDate(m.deathDate, i18n.language) })})`}
                </th>
                <td>
                  <code>{m.idNumber}</code>
                </td>
                <td>{t(`role.${m.role}`, { defaultValue: m.role })}</td>
                <td>{t(`sex.${m.sex}`)}</td>
                <td>{formatDate(m.birthDate, i18n.language)}</td>
                <td>{formatDate(m.memberSince, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function EvidenceSection({ household }: { household: HouseholdView }) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const detail = (e: Evidence) =>
    Object.entries(e)
      .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && value !== null && value !== undefined)
      .map(([key, value]) => {
        const shown =
          typeof value === 'boolean'
            ? t(value ? 'yes' : 'no')
            : isAmount(key)
              ? formatNtd(value as number, i18n.language)
              : String(value);
        return `${t(`field.${key}`, { defaultValue: key })}：${shown}`;
      })
      .join('；');
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('household.evidence')}</h2>
      {household.members.map((m) => {
        const rows = Object.entries(m.evidence ?? {}).flatMap(([kind, items]) =>
          items.map((e) => ({ kind, e })),
        );
        return (
          <div key={m.personId}>
            <h3>{t('household.evidenceOf', { name: m.name })}</h3>
            {rows.length === 0 ? (
              <p>{t('household.evidenceNone')}</p>
            ) : (
              <TableScroll>
                <table aria-label={t('household.evidenceOf', { name: m.name })}>
                  <thead>
                    <tr>
                      <th scope="col">{t('household.kind')}</th>
                      <th scope="col">{t('household.details')}</th>
                      <th scope="col">{t('household.from')}</th>
                      <th scope="col">{t('household.to')}</th>
                      <th scope="col">{t('household.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ kind, e }) => (
                      <tr key={e.evidenceId}>
                        <th scope="row">{t(`evidenceKind.${kind}`, { defaultValue: kind })}</th>
                        <td>{detail(e)}</td>
                        <td>{formatDate(e.validFrom, i18n.language)}</td>
                        <td>{formatUntil(e.validTo, i18n.language)}</td>
                        <td>{e.source ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </div>
        );
      })}
    </section>
  );
}

function Statuses({ household }: { household: HouseholdView }) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const nameOf = (personId: string | null) =>
    personId
      ? (household.members.find((m) => m.personId === personId)?.name ?? personId)
      : t('household.household');
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('household.statuses')}</h2>
      {household.statuses.length === 0 ? (
        <p>{t('household.statusesNone')}</p>
      ) : (
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('household.statusName')}</th>
              <th scope="col">{t('household.beneficiary')}</th>
              <th scope="col">{t('household.category')}</th>
              <th scope="col">{t('household.from')}</th>
              <th scope="col">{t('household.to')}</th>
            </tr>
          </thead>
          <tbody>
            {household.statuses.map((s) => (
              <tr key={s.statusId}>
                <th scope="row">{s.status}</th>
                <td>{nameOf(s.personId)}</td>
                <td>{s.category ?? '—'}</td>
                <td>{formatDate(s.validFrom, i18n.language)}</td>
                <td>{formatUntil(s.validTo, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The household's applications, by due date (GET /applications?household=). */
function householdApplications(householdId: string) {
  return apiGet<PageOf<ApplicationView>>(`/applications${query({ household: householdId, pageSize: 100 })}`);
}

/** Applications not decided yet. */
function OpenApplications({ householdId }: { householdId: string }) {
  const { t } = useTranslation('staff');
  const headingId = useId();
  const { data, error, loading, reload } = useApi(async () => {
    const list = await householdApplications(householdId);
    return list.items.filter((a) => a.status === 'submitted' || a.status === 'in_review');
  }, [householdId]);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('household.openApplications')}</h2>
      {loading && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data &&
        (data.length === 0 ? (
          <p>{t('household.openApplicationsNone')}</p>
        ) : (
          <ApplicationTable labelledBy={headingId} items={data} />
        ))}
    </section>
  );
}

/** Entitlements of the household and its members, the decisions they came from, and their payments. */
function EntitlementsAndDecisions({ household }: { household: HouseholdView }) {
  const { t, i18n } = useTranslation('staff');
  const names = useNames();
  const entitlementsId = useId();
  const decisionsId = useId();
  const ids = [household.id, ...household.members.map((m) => m.personId)];
  const { data, error, loading, reload } = useApi(async () => {
    const lists = await Promise.all(
      ids.map((entityId) => apiGet<{ items: Entitlement[] }>(`/entitlements${query({ entityId })}`)),
    );
    const entitlements = lists.flatMap((list) => list.items);
    // Every decision of the household's applications (rejections too), and those its entitlements came from.
    const decided = (await householdApplications(household.id)).items.filter(
      (a) => a.status !== 'submitted' && a.status !== 'in_review' && a.status !== 'draft',
    );
    const inFull = await Promise.all(
      decided.map((a) => apiGet<{ decisions: { id: string }[] }>(`/applications/${a.id}`)),
    );
    const decisionIds = [
      ...new Set([
        ...inFull.flatMap((a) => a.decisions.map((d) => d.id)),
        ...entitlements.flatMap((e) => (e.decisionId ? [e.decisionId] : [])),
      ]),
    ];
    const decisions = await Promise.all(decisionIds.map((d) => apiGet<DecisionAsMade>(`/decisions/${d}`)));
    return { entitlements, decisions };
  }, [ids.join(',')]);
  const who = (entity: string, entityId: string) =>
    entity === 'household'
      ? t('household.household')
      : (household.members.find((m) => m.personId === entityId)?.name ?? entityId);
  return (
    <>
      <section aria-labelledby={entitlementsId}>
        <h2 id={entitlementsId}>{t('household.entitlements')}</h2>
        {loading && <Loading />}
        {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
        {data &&
          (data.entitlements.length === 0 ? (
            <p>{t('household.entitlementsNone')}</p>
          ) : (
            <TableScroll>
              <table aria-labelledby={entitlementsId}>
                <thead>
                  <tr>
                    <th scope="col">{t('household.program')}</th>
                    <th scope="col">{t('household.beneficiary')}</th>
                    <th scope="col" className="number">
                      {t('household.monthly')}
                    </th>
                    <th scope="col">{t('household.firstMonth')}</th>
                    <th scope="col">{t('household.lastMonth')}</th>
                    <th scope="col">{t('household.payments')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entitlements.map((e) => (
                    <tr key={`${e.id}-${e.version}`}>
                      <th scope="row">{names.program(e.program)}</th>
                      <td>{who(e.entity, e.entityId)}</td>
                      <td className="number">{formatNtd(e.monthlyAmountNtd, i18n.language)}</td>
                      <td>{formatMonth(e.firstMonth, i18n.language)}</td>
                      <td>
                        {e.lastMonth ? formatMonth(e.lastMonth, i18n.language) : t('household.ongoing')}
                      </td>
                      <td>
                        <Payments entitlementId={e.id} program={names.program(e.program)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
      </section>
      <section aria-labelledby={decisionsId}>
        <h2 id={decisionsId}>{t('household.decisions')}</h2>
        {data &&
          (data.decisions.length === 0 ? (
            <p>{t('household.decisionsNone')}</p>
          ) : (
            <TableScroll>
              <table aria-labelledby={decisionsId}>
                <thead>
                  <tr>
                    <th scope="col">{t('household.application')}</th>
                    <th scope="col">{t('household.program')}</th>
                    <th scope="col">{t('household.beneficiary')}</th>
                    <th scope="col">{t('household.outcome')}</th>
                    <th scope="col" className="number">
                      {t('household.monthly')}
                    </th>
                    <th scope="col">{t('household.decisionDate')}</th>
                    <th scope="col">{t('household.reasons')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.decisions.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">
                        <Link href={`/staff/applications/${d.applicationId}`}>{d.reference}</Link>
                      </th>
                      <td>{names.program(d.program)}</td>
                      <td>{who(d.entity, d.entityId)}</td>
                      <td>{t(`outcome.${d.outcome}`)}</td>
                      <td className="number">{formatNtd(d.monthlyAmountNtd, i18n.language)}</td>
                      <td>{formatDate(d.decidedAt, i18n.language)}</td>
                      <td>
                        {d.reasons.length === 0
                          ? '—'
                          : d.reasons.map((r) => textOf(r.message, i18n.language)).join('；')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
      </section>
    </>
  );
}

/** An entitlement's payments, read when asked for (a disclosure button). */
function Payments({ entitlementId, program }: { entitlementId: string; program: string }) {
  const { t } = useTranslation('staff');
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <>
      <Button aria-expanded={open} aria-controls={regionId} onPress={() => setOpen(!open)}>
        {t('household.showPayments')}
      </Button>
      <div id={regionId}>{open && <PaymentList entitlementId={entitlementId} program={program} />}</div>
    </>
  );
}

function PaymentList({ entitlementId: id, program: name }: { entitlementId: string; program: string }) {
  const { t, i18n } = useTranslation('staff');
  const { data, error, loading } = useApi(() => apiGet<{ payments: Payment[] }>(`/entitlements/${id}`), [id]);
  if (loading) return <Loading />;
  if (error !== undefined) return <ProblemMessage error={error} />;
  if (!data || data.payments.length === 0) return <p>{t('household.paymentsNone')}</p>;
  return (
    <table>
      <caption>{t('household.paymentsOf', { program: name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('household.period')}</th>
          <th scope="col" className="number">
            {t('household.amount')}
          </th>
          <th scope="col">{t('household.paymentStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {data.payments.map((p) => (
          <tr key={p.id}>
            <th scope="row">{formatMonth(p.period, i18n.language)}</th>
            <td className="number">{formatNtd(p.amountNtd, i18n.language)}</td>
            <td>{p.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function History({ id }: { id: string }) {
  const { t, i18n } = useTranslation('staff');
  const headingId = useId();
  const { data, error, loading, reload } = useApi(
    () => apiGet<{ items: Change[] }>(`/households/${encodeURIComponent(id)}/history`),
    [id],
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('household.history')}</h2>
      {loading && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data && (
        <TableScroll>
          <table>
            <caption>{t('household.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('household.table')}</th>
                <th scope="col">{t('household.change')}</th>
                <th scope="col">{t('household.from')}</th>
                <th scope="col">{t('household.to')}</th>
                <th scope="col">{t('household.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={`${c.table}-${c.versionId}`}>
                  <th scope="row">{t(`table.${c.table}`, { defaultValue: c.table })}</th>
                  <td>{describeChange(c, t)}</td>
                  <td>{formatDate(c.validFrom, i18n.language)}</td>
                  <td>{formatUntil(c.validTo, i18n.language)}</td>
                  <td>{formatDate(c.recordedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** A change in a few words: the role of a membership, the address of a version, the status registered. */
function describeChange(c: Change, t: TFunction<'staff'>): string {
  const d = c.data;
  if (c.table === 'household_membership')
    return t(`role.${String(d.role)}`, { defaultValue: String(d.role) });
  if (c.table === 'household_version') return String(d.address ?? d.district_code ?? '');
  if (c.table === 'status_register') return String(d.status ?? '');
  return Object.entries(d)
    .filter(([key]) => !key.endsWith('_id'))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join('; ');
}
