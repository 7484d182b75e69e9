import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api.ts';
import { Choice } from '../citizen/fields.tsx';
import { useSession } from '../session.tsx';
import { Loading, PageTitle, ProblemMessage, useApi } from '../ui.tsx';
import { CreateYear } from './BudgetAmend.tsx';
import { BudgetExecution } from './BudgetExecution.tsx';
import { BudgetHistory, BudgetPlanTable } from './BudgetPlanTable.tsx';
import type { Plan, PlanLine, PlanSummary } from './budget-shared.tsx';

/**
 * 施政計畫與預算 /staff/budget: choose a year; its plan (類, 項, budgets in thousand NTD); its execution from
 * payments with the year-end projection and overrun alerts; the amendments. A program officer creates a
 * year (a copy of another, or empty) and amends lines; a statistician reads.
 */
export function Budget() {
  const { t } = useTranslation('budget');
  const { account } = useSession();
  const officer = account?.role === 'program-officer';
  const plans = useApi(() => apiGet<{ items: PlanSummary[] }>('/budget-plans'), []);
  const [chosen, setChosen] = useState<number>();
  // Raised by each change, so the plan, its execution and its history are read again.
  const [changes, setChanges] = useState(0);
  const [outcome, setOutcome] = useState<string>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const items = plans.data?.items ?? [];
  const year = chosen ?? items[0]?.year;
  const plan = useApi(
    () => (year === undefined ? Promise.resolve(undefined) : apiGet<Plan>(`/budget-plans/${year}`)),
    [year, changes],
  );
  const tell = (message: string) => {
    setOutcome(message);
    setChanges((n) => n + 1);
    // The control that acted is gone or closed: focus goes to what happened.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  if (plans.loading && !plans.data) return <Loading />;
  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p>{t('lead')}</p>
      {!officer && <p className="hint">{t('readOnly')}</p>}
      {plans.error !== undefined && <ProblemMessage error={plans.error} onRetry={plans.reload} />}
      <div ref={outcomeRef} tabIndex={-1}>
        {outcome && (
          <p className="notice" role="status">
            {outcome}
          </p>
        )}
      </div>
      {items.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="form narrow">
          <Choice
            label={t('year')}
            value={year === undefined ? null : String(year)}
            onChange={(value) => {
              setOutcome(undefined);
              setChosen(Number(value));
            }}
            options={items.map((p) => ({
              id: String(p.year),
              label: t('yearOption', { year: p.year, roc: p.rocYear }),
            }))}
          />
        </div>
      )}
      {plan.error !== undefined && <ProblemMessage error={plan.error} onRetry={plan.reload} />}
      {plan.data && (
        <>
          <BudgetPlanTable
            plan={plan.data}
            canAmend={officer}
            onAmended={(line: PlanLine) => tell(t('amend.done', { item: line.item, version: line.version }))}
          />
          <BudgetExecution key={plan.data.year} year={plan.data.year} version={changes} />
          <BudgetHistory year={plan.data.year} version={changes} />
        </>
      )}
      {officer && (
        <CreateYear
          plans={items}
          onCreated={(created) => {
            const existed = items.some((p) => p.year === created.year);
            plans.reload();
            setChosen(created.year);
            tell(t(existed ? 'copy.existed' : 'copy.created', { year: created.year }));
          }}
        />
      )}
    </>
  );
}
