import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api.ts';
import { formatDate } from '../format.ts';
import { Loading, ProblemMessage, useApi } from '../ui.tsx';
import { AmendLine } from './BudgetAmend.tsx';
import { type Amendment, DownloadLinks, type Plan, type PlanLine, whole } from './budget-shared.tsx';

/**
 * 計畫與預算 The year's plan as printed: each category (類) with its items (項) and budgets in thousand NTD,
 * a subtotal per category of more than one item, the total; a program officer amends a line from here.
 */
export function BudgetPlanTable({
  plan,
  canAmend,
  onAmended,
}: {
  plan: Plan;
  canAmend: boolean;
  onAmended: (line: PlanLine) => void;
}) {
  const { t } = useTranslation('budget');
  const headingId = useId();
  const categories = plan.categories.map((category) => ({
    ...category,
    lines: plan.lines.filter((line) => line.category === category.category),
  }));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plan.title')}</h2>
      <p className="hint">{t('source', { source: plan.source })}</p>
      <DownloadLinks path={`/budget-plans/${plan.year}`} what={t('download.plan')} />
      <div className="table-scroll">
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('plan.category')}</th>
              <th scope="col">{t('plan.item')}</th>
              <th scope="col" className="number">
                {t('plan.budget')}
              </th>
              <th scope="col" className="number">
                {t('plan.programs')}
              </th>
              <th scope="col" className="number">
                {t('plan.version')}
              </th>
              {canAmend && (
                <th scope="col">
                  <span className="visually-hidden">{t('amend.open')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => (
              <Fragment key={category.category}>
                {category.lines.map((line, k) => (
                  <tr key={line.lineId}>
                    {k === 0 && (
                      <th
                        scope="rowgroup"
                        rowSpan={category.lines.length + (category.lines.length > 1 ? 1 : 0)}
                      >
                        {category.category}
                        {line.note && <span className="hint">（{line.note}）</span>}
                      </th>
                    )}
                    <th scope="row">
                      {line.item}
                      {line.subItem && ` ${line.subItem}`}
                    </th>
                    <td className="number">{whole(line.budgetThousandNtd)}</td>
                    <td className="number">
                      {line.programIds.length > 0
                        ? t('plan.programCount', { count: line.programIds.length })
                        : '—'}
                    </td>
                    <td className="number">{line.version}</td>
                    {canAmend && (
                      <td>
                        <AmendLine year={plan.year} line={line} onAmended={onAmended} />
                      </td>
                    )}
                  </tr>
                ))}
                {category.lines.length > 1 && (
                  <tr>
                    <th scope="row">{t('plan.subtotal', { category: category.category })}</th>
                    <td className="number">{whole(category.budgetThousandNtd)}</td>
                    <td colSpan={canAmend ? 3 : 2} />
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('plan.total')}
              </th>
              <td className="number">{whole(plan.totalThousandNtd)}</td>
              <td colSpan={canAmend ? 3 : 2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** 修正紀錄 Every version of the year's lines: who amended what, when and why. */
export function BudgetHistory({ year, version }: { year: number; version: number }) {
  const { t, i18n } = useTranslation('budget');
  const headingId = useId();
  const history = useApi(
    () => apiGet<{ items: Amendment[] }>(`/budget-plans/${year}/amendments`),
    [year, version],
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('history.title')}</h2>
      {history.loading && !history.data && <Loading />}
      {history.error !== undefined && <ProblemMessage error={history.error} onRetry={history.reload} />}
      {history.data &&
        (history.data.items.length === 0 ? (
          <p>{t('history.none')}</p>
        ) : (
          <>
            <DownloadLinks path={`/budget-plans/${year}/amendments`} what={t('download.history')} />
            <div className="table-scroll">
              <table aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{t('history.when')}</th>
                    <th scope="col">{t('history.by')}</th>
                    <th scope="col">{t('history.item')}</th>
                    <th scope="col" className="number">
                      {t('history.version')}
                    </th>
                    <th scope="col" className="number">
                      {t('history.previous')}
                    </th>
                    <th scope="col" className="number">
                      {t('history.budget')}
                    </th>
                    <th scope="col">{t('history.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.items.map((a) => (
                    <tr key={a.id}>
                      <td>{formatDate(a.amendedAt, i18n.language)}</td>
                      <td>{a.amendedBy}</td>
                      <td>
                        {a.category}／{a.item}
                      </td>
                      <td className="number">{a.version}</td>
                      <td className="number">
                        {a.previousBudgetThousandNtd === null ? '—' : whole(a.previousBudgetThousandNtd)}
                      </td>
                      <td className="number">{whole(a.budgetThousandNtd)}</td>
                      <td>{a.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </section>
  );
}
