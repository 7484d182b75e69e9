import { useId } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api.ts';
import { formatMonth, formatNtd } from '../format.ts';
import { useSession } from '../session.tsx';
import { Loading, ProblemMessage, useApi } from '../ui.tsx';
import type { ReviewListed } from './AnnualReviews.tsx';

interface RunListed {
  id: string;
  period: string;
  status: 'running' | 'completed';
  payments: number;
  amountNtd: number;
  progress: { entitlementsTotal: number | null; entitlementsDone: number };
}

interface ReviewCounts {
  id: string;
  year: number;
  totals: { pending: number; confirmed: number };
}

/** The home page's other queues: open annual reviews with what is left to confirm, and the payment runs. */
export function OperationsPanels() {
  const { account } = useSession();
  const role = account?.role ?? '';
  return (
    <>
      {['district-clerk', 'reviewer', 'program-officer'].includes(role) && <OpenReviews />}
      {role === 'program-officer' && <RecentRuns />}
    </>
  );
}

function OpenReviews() {
  const { t } = useTranslation('operations');
  const headingId = useId();
  const { data, error, loading, reload } = useApi(async () => {
    const { items } = await apiGet<{ items: ReviewListed[] }>('/annual-reviews');
    // Counts within the caller's reach (a clerk: their districts).
    return Promise.all(
      items.filter((r) => r.status === 'open').map((r) => apiGet<ReviewCounts>(`/annual-reviews/${r.id}`)),
    );
  }, []);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.reviews')}</h2>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data &&
        (data.length === 0 ? (
          <p>{t('home.reviewsNone')}</p>
        ) : (
          <ul>
            {data.map((review) => (
              <li key={review.id}>
                <Link href={`/staff/annual-reviews/${review.id}`}>
                  {t('reviews.open', { year: review.year })}
                </Link>
                {'：'}
                {t('home.reviewPending', {
                  pending: review.totals.pending.toLocaleString(),
                  confirmed: review.totals.confirmed.toLocaleString(),
                })}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function RecentRuns() {
  const { t, i18n } = useTranslation('operations');
  const headingId = useId();
  const { data, error, loading, reload } = useApi(() => apiGet<{ items: RunListed[] }>('/payment-runs'), []);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.runs')}</h2>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} onRetry={reload} />}
      {data &&
        (data.items.length === 0 ? (
          <p>{t('runs.none')}</p>
        ) : (
          <ul>
            {data.items.slice(0, 3).map((run) => (
              <li key={run.id}>
                {formatMonth(run.period, i18n.language)}：{t(`runs.status.${run.status}`)}，
                {t('home.runFigures', {
                  payments: run.payments.toLocaleString(),
                  amount: formatNtd(run.amountNtd, i18n.language),
                })}
              </li>
            ))}
          </ul>
        ))}
      <p>
        <Link href="/staff/payment-runs">{t('nav.paymentRuns')}</Link>
      </p>
    </section>
  );
}
