import { useId } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, query } from '../api.ts';
import { OperationsPanels } from '../operations/HomePanels.tsx';
import { useSession } from '../session.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { ApplicationTable, type ApplicationView, type PageOf } from './shared.tsx';

const QUEUE_SIZE = 20;

/** Roles that work applications (applications:read), and which queue comes first for each. */
const QUEUES_OF: Record<string, Queue[]> = {
  'district-clerk': ['overdue', 'toPropose', 'toDecide'],
  reviewer: ['toDecide', 'overdue', 'toPropose'],
};

type Queue = 'overdue' | 'toPropose' | 'toDecide';

const FILTER: Record<Queue, Record<string, string | boolean>> = {
  overdue: { overdue: true },
  toPropose: { status: 'submitted' },
  toDecide: { status: 'in_review' },
};

/** 我的工作 The signed-in staff member's queues: overdue, to propose, to decide (their districts). */
export function StaffHome() {
  const { t } = useTranslation('staff');
  const { account } = useSession();
  const queues = account ? QUEUES_OF[account.role] : undefined;
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      {account && <p className="lead">{t('home.lead', { name: account.displayName ?? account.username })}</p>}
      {queues ? (
        queues.map((queue) => <QueueSection key={queue} queue={queue} />)
      ) : (
        <p>{t('home.noQueues')}</p>
      )}
      <OperationsPanels />
      <h2>{t('home.shortcuts')}</h2>
      <ul>
        <li>
          <Link href="/staff/search">{t('nav.search')}</Link>
        </li>
        <li>
          <Link href="/staff/programs">{t('nav.programs')}</Link>
        </li>
      </ul>
    </>
  );
}

function QueueSection({ queue }: { queue: Queue }) {
  const { t } = useTranslation('staff');
  const headingId = useId();
  const { data, error, loading, reload } = useApi(
    () =>
      apiGet<PageOf<ApplicationView>>(`/applications${query({ ...FILTER[queue], pageSize: QUEUE_SIZE })}`),
    [queue],
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`home.${queue}`)}
        {data && <span className="count">{t('home.count', { count: data.total })}</span>}
      </h2>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data &&
        (data.items.length === 0 ? (
          <p>{t(`home.${queue}None`)}</p>
        ) : (
          <>
            <ApplicationTable labelledBy={headingId} items={data.items} />
            {data.total > data.items.length && (
              <p className="hint">{t('home.more', { count: data.total - data.items.length })}</p>
            )}
          </>
        ))}
    </section>
  );
}
