import { useState } from 'react';
import { Button, Form, Input, Label, Link, NumberField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../api.ts';
import { formatDate, formatMonth } from '../format.ts';
import { useSession } from '../session.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';

/** GET /api/v1/annual-reviews. */
export interface ReviewListed {
  id: string;
  year: number;
  effectiveMonth: string;
  status: 'running' | 'open';
  createdAt: string;
  refreshedAt: string;
}

/** POST /api/v1/annual-reviews. */
interface ReviewRun {
  reviewId: string;
  year: number;
  reviewed: number;
  continue: number;
  change: number;
  end: number;
}

/** 年度調查 The reviews so far; the program officer runs a year's. */
export function AnnualReviews() {
  const { t, i18n } = useTranslation('operations');
  const { account } = useSession();
  const reviews = useApi(() => apiGet<{ items: ReviewListed[] }>('/annual-reviews'), []);
  const [year, setYear] = useState(2024);
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<ReviewRun>();
  const [error, setError] = useState<unknown>();
  const officer = account?.role === 'program-officer';

  async function run() {
    setRunning(true);
    setError(undefined);
    setRan(undefined);
    try {
      setRan(await apiSend<ReviewRun>('POST', '/annual-reviews', { year }));
      reviews.reload();
    } catch (problem) {
      setError(problem);
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <PageTitle title={t('reviews.title')}>{t('reviews.title')}</PageTitle>
      <p>{t('reviews.lead')}</p>
      {officer && (
        <Form
          className="form narrow"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <NumberField
            value={year}
            onChange={setYear}
            minValue={2000}
            maxValue={2200}
            formatOptions={{ useGrouping: false }}
          >
            <Label>{t('reviews.year')}</Label>
            <Input />
          </NumberField>
          <Button type="submit" className="primary" isDisabled={running}>
            {t('reviews.run')}
          </Button>
        </Form>
      )}
      {running && <Loading />}
      {ran && (
        <p className="notice" role="status">
          {t('reviews.ran', { ...ran })}{' '}
          <Link href={`/staff/annual-reviews/${ran.reviewId}`}>{t('reviews.open', { year: ran.year })}</Link>
        </p>
      )}
      {error !== undefined && <ProblemMessage error={error} />}
      {reviews.loading && !reviews.data && <Loading />}
      {reviews.error !== undefined && <ProblemMessage error={reviews.error} onRetry={reviews.reload} />}
      {reviews.data &&
        (reviews.data.items.length === 0 ? (
          <p>{t('reviews.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reviews.column.year')}</th>
                <th scope="col">{t('reviews.column.effective')}</th>
                <th scope="col">{t('reviews.column.status')}</th>
                <th scope="col">{t('reviews.column.refreshed')}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.data.items.map((review) => (
                <tr key={review.id}>
                  <td>
                    <Link href={`/staff/annual-reviews/${review.id}`}>
                      {t('reviews.open', { year: review.year })}
                    </Link>
                  </td>
                  <td>{formatMonth(review.effectiveMonth, i18n.language)}</td>
                  <td>{t(`reviews.status.${review.status}`)}</td>
                  <td>{formatDate(review.refreshedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
