import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api.ts';
import { formatDate, formatMonth, formatNtd, formatUntil } from '../format.ts';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { programName, usePrograms } from './programs.ts';

/** The parts of GET /api/v1/me/household this page shows. */
interface Member {
  personId: string;
  role: string;
  name: string;
  birthDate: string;
  idNumber: string;
}
interface RegisteredStatus {
  statusId: string;
  status: string;
  category: string | null;
  personId: string | null;
  validFrom: string;
  validTo: string | null;
}
interface Household {
  id: string;
  asOf: string;
  district: { code: string; nameZh: string; nameEn: string };
  address: string | null;
  validFrom: string;
  members: Member[];
  statuses: RegisteredStatus[];
}
interface Entitlement {
  id: string;
  program: string;
  entity: 'person' | 'household';
  entityId: string;
  monthlyAmountNtd: number;
  firstMonth: string;
  lastMonth: string | null;
}
interface Payment {
  id: string;
  kind: 'monthly' | 'grant';
  period: string;
  amountNtd: number;
  status: string;
}

interface MyData {
  households: Household[];
  entitlements: Entitlement[];
  payments: (Payment & { program: string; entityId: string; entity: string })[];
}

async function loadMyData(): Promise<MyData> {
  const [{ households }, { items: entitlements }] = await Promise.all([
    apiGet<{ households: Household[] }>('/me/household'),
    apiGet<{ items: Entitlement[] }>('/entitlements'),
  ]);
  // A household holds a handful of entitlements: their payments are read one by one.
  const details = await Promise.all(
    entitlements.map((e) => apiGet<{ payments: Payment[] }>(`/entitlements/${encodeURIComponent(e.id)}`)),
  );
  const payments = details
    .flatMap((detail, k) =>
      detail.payments.map((p) => ({
        ...p,
        program: entitlements[k]!.program,
        entityId: entitlements[k]!.entityId,
        entity: entitlements[k]!.entity,
      })),
    )
    .sort((a, b) => b.period.localeCompare(a.period));
  return { households, entitlements, payments };
}

/** 我的福利 (/me): the household's statuses, its benefits and their payments. */
export function MyBenefits() {
  const { t, i18n } = useTranslation('citizen');
  const language = i18n.language;
  const programs = usePrograms();
  const { data, error, loading, reload } = useApi(loadMyData, []);
  const title = t('me.title');
  if (loading && !data)
    return (
      <>
        <PageTitle title={title}>{title}</PageTitle>
        <Loading />
      </>
    );
  if (error || !data)
    return (
      <>
        <PageTitle title={title}>{title}</PageTitle>
        <ProblemMessage error={error} onRetry={reload} />
      </>
    );
  const names = new Map(data.households.flatMap((h) => h.members.map((m) => [m.personId, m.name])));
  const who = (entity: string, entityId: string) =>
    entity === 'household' ? t('me.household_') : (names.get(entityId) ?? '—');
  const english = language.startsWith('en');
  const bracket = (text: string) => (english ? ` (${text})` : `（${text}）`);
  const statusName = (s: RegisteredStatus) =>
    t(`status.${s.status}`, { defaultValue: s.status }) +
    (s.category ? bracket(t('status.category', { category: s.category })) : '') +
    (s.personId ? bracket(names.get(s.personId) ?? '') : '');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('me.lead', { date: formatDate(data.households[0]?.asOf, language) })}</p>
      {data.households.length === 0 && <p>{t('me.noHousehold')}</p>}
      {data.households.map((household) => (
        <section key={household.id} aria-labelledby={`statuses-${household.id}`}>
          <h2 id={`statuses-${household.id}`}>{t('me.statuses')}</h2>
          {household.statuses.length === 0 ? (
            <p>{t('me.noStatuses')}</p>
          ) : (
            <ul className="cards status-cards">
              {household.statuses.map((s) => (
                <li key={s.statusId} className="card">
                  <p className="status-name">{statusName(s)}</p>
                  <p>
                    {t('me.validFrom')}：{formatDate(s.validFrom, language)}
                    <br />
                    {t('me.validTo')}：{s.validTo ? formatUntil(s.validTo, language) : t('me.openEnded')}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('me.household')}</h2>
          <dl className="facts">
            <dt>{t('me.district')}</dt>
            <dd>{english ? household.district.nameEn : household.district.nameZh}</dd>
            <dt>{t('me.address')}</dt>
            <dd>{household.address ?? '—'}</dd>
            <dt>{t('me.since')}</dt>
            <dd>{formatDate(household.validFrom, language)}</dd>
          </dl>
          <div className="table-scroll">
            <table>
              <caption>{t('me.members')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('me.name')}</th>
                  <th scope="col">{t('me.relation')}</th>
                  <th scope="col">{t('me.birthDate')}</th>
                  <th scope="col">{t('me.idNumber')}</th>
                </tr>
              </thead>
              <tbody>
                {household.members.map((m) => (
                  <tr key={m.personId}>
                    <th scope="row">{m.name}</th>
                    <td>{t(`role.${m.role}`, { defaultValue: m.role })}</td>
                    <td>{formatDate(m.birthDate, language)}</td>
                    <td>{m.idNumber}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <h2>{t('me.benefits')}</h2>
      {data.entitlements.length === 0 ? (
        <p>{t('me.noBenefits')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('me.benefits')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('me.program')}</th>
                <th scope="col">{t('me.who')}</th>
                <th scope="col" className="number">
                  {t('me.monthly')}
                </th>
                <th scope="col">{t('me.firstMonth')}</th>
                <th scope="col">{t('me.lastMonth')}</th>
              </tr>
            </thead>
            <tbody>
              {data.entitlements.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{programName(programs, e.program, language)}</th>
                  <td>{who(e.entity, e.entityId)}</td>
                  <td className="number">{formatNtd(e.monthlyAmountNtd, language)}</td>
                  <td>{formatMonth(e.firstMonth, language)}</td>
                  <td>{e.lastMonth ? formatMonth(e.lastMonth, language) : t('me.openEnded')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('me.payments')}</h2>
      {data.payments.length === 0 ? (
        <p>{t('me.noPayments')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('me.payments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('me.period')}</th>
                <th scope="col">{t('me.program')}</th>
                <th scope="col">{t('me.who')}</th>
                <th scope="col" className="number">
                  {t('me.amount')}
                </th>
                <th scope="col">{t('me.paymentStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{formatMonth(p.period, language)}</th>
                  <td>
                    {programName(programs, p.program, language)}
                    {bracket(t(`me.kind_${p.kind}`))}
                  </td>
                  <td>{who(p.entity, p.entityId)}</td>
                  <td className="number">{formatNtd(p.amountNtd, language)}</td>
                  <td>{t(`me.pay_${p.status}`, { defaultValue: p.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('me.next')}</h2>
      <ul className="next-steps">
        <li>
          <Link href="/me/certificates">{t('me.printCertificate')}</Link>
        </li>
        <li>
          <Link href="/me/applications">{t('me.apply')}</Link>
        </li>
        <li>
          <Link href="/screener">{t('me.screener')}</Link>
        </li>
      </ul>
    </>
  );
}
