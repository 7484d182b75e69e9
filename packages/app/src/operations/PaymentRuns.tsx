import { useState } from 'react';
import { Button, Form, Input, Label, ProgressBar, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, apiSend } from '../api.ts';
import { formatMonth, formatNtd } from '../format.ts';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';

/** GET /api/v1/payment-runs and /payment-runs/{period}. */
interface Run {
  id: string;
  period: string;
  status: 'running' | 'completed';
  startedAt: string;
  completedAt: string | null;
  payments: number;
  amountNtd: number;
  progress: { entitlementsTotal: number | null; entitlementsDone: number };
}

/** POST /api/v1/payment-runs. */
interface RunSummary {
  period: string;
  created: number;
  alreadyPaid: number;
  payments: number;
  totalNtd: number;
  deductedNtd: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** How often the run's progress is read while it goes. */
const POLL_MS = 400;

/** The next month after the newest run (what a program officer pays next), or the demo city's month. */
function nextMonth(runs: Run[]): string {
  const newest = runs[0]?.period;
  if (!newest) return '2023-06';
  const [year, month] = newest.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

export function PaymentRuns() {
  const { t, i18n } = useTranslation('operations');
  const language = i18n.language;
  const runs = useApi(() => apiGet<{ items: Run[] }>('/payment-runs'), []);
  const [period, setPeriod] = useState<string>();
  const [progress, setProgress] = useState<Run['progress']>();
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<RunSummary>();
  const [error, setError] = useState<unknown>();

  if (runs.loading && !runs.data) return <Loading />;
  const items = runs.data?.items ?? [];
  const month = period ?? nextMonth(items);

  async function start(chosen: string) {
    setRunning(true);
    setSummary(undefined);
    setError(undefined);
    setProgress(undefined);
    // The run answers when it is done; meanwhile its progress is read as each chunk commits, one read after
    // another (never two at once, so an older answer cannot overwrite a newer one).
    let following = true;
    let timer: number | undefined;
    const follow = async () => {
      try {
        const run = await apiGet<Run>(`/payment-runs/${chosen}`);
        if (following) setProgress(run.progress);
      } catch {
        // Not begun yet (404): the next read will tell.
      }
      if (following) timer = window.setTimeout(follow, POLL_MS);
    };
    timer = window.setTimeout(follow, POLL_MS);
    try {
      setSummary(await apiSend<RunSummary>('POST', '/payment-runs', { period: chosen }));
      runs.reload();
    } catch (problem) {
      setError(problem);
    } finally {
      following = false;
      window.clearTimeout(timer);
      setRunning(false);
    }
  }

  const total = progress?.entitlementsTotal ?? null;
  return (
    <>
      <PageTitle title={t('runs.title')}>{t('runs.title')}</PageTitle>
      <p>{t('runs.lead')}</p>
      {runs.error !== undefined && <ProblemMessage error={runs.error} onRetry={runs.reload} />}
      <Form
        className="form narrow"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          if (MONTH.test(month)) void start(month);
        }}
      >
        <TextField
          name="period"
          value={month}
          onChange={setPeriod}
          isRequired
          validate={(value) => (MONTH.test(value) ? null : t('runs.periodInvalid'))}
        >
          <Label>{t('runs.period')}</Label>
          <Input inputMode="numeric" />
        </TextField>
        <Button type="submit" className="primary" isDisabled={running}>
          {t('runs.start')}
        </Button>
      </Form>
      <p className="visually-hidden" role="status">
        {running ? t('runs.started') : ''}
      </p>
      {running && (
        <ProgressBar
          className="progress"
          aria-label={t('runs.progressLabel')}
          value={total ? progress!.entitlementsDone : undefined}
          maxValue={total ?? 100}
          isIndeterminate={!total}
        >
          {({ percentage }) => (
            <>
              {/* The bar tells assistive technology its value; the start and the end are announced. */}
              <span>
                {total
                  ? t('runs.running', {
                      done: progress!.entitlementsDone.toLocaleString(),
                      total: total.toLocaleString(),
                    })
                  : t('runs.runningUnknown')}
              </span>
              <div className="bar">
                <div className="fill" style={{ width: `${percentage ?? 0}%` }} />
              </div>
            </>
          )}
        </ProgressBar>
      )}
      {summary && (
        <div className="notice" role="status">
          <p>
            {t('runs.done', {
              period: formatMonth(summary.period, language),
              created: summary.created.toLocaleString(),
              alreadyPaid: summary.alreadyPaid.toLocaleString(),
              payments: summary.payments.toLocaleString(),
              total: formatNtd(summary.totalNtd, language),
            })}
          </p>
          {summary.deductedNtd > 0 && (
            <p>{t('runs.deducted', { amount: formatNtd(summary.deductedNtd, language) })}</p>
          )}
        </div>
      )}
      {error !== undefined && <ProblemMessage error={error} />}
      <h2>{t('runs.history')}</h2>
      {items.length === 0 ? (
        <p>{t('runs.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('runs.column.period')}</th>
                <th scope="col">{t('runs.column.status')}</th>
                <th scope="col" className="number">
                  {t('runs.column.payments')}
                </th>
                <th scope="col" className="number">
                  {t('runs.column.amount')}
                </th>
                <th scope="col" className="number">
                  {t('runs.column.progress')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((run) => (
                <tr key={run.id}>
                  <td>{formatMonth(run.period, language)}</td>
                  <td>{t(`runs.status.${run.status}`)}</td>
                  <td className="number">{run.payments.toLocaleString()}</td>
                  <td className="number">{formatNtd(run.amountNtd, language)}</td>
                  <td className="number">
                    {run.progress.entitlementsDone.toLocaleString()} /{' '}
                    {(run.progress.entitlementsTotal ?? 0).toLocaleString()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
