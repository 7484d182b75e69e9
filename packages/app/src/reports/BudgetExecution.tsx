import { useId, useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { apiGet, query } from '../api.ts';
import { formatMonth } from '../format.ts';
import { Loading, ProblemMessage, useApi } from '../ui.tsx';
import {
  DownloadLinks,
  type Execution,
  type LineExecution,
  type ProgramExecution,
  percent,
  signed,
  whole,
} from './budget-shared.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 預算執行 The plan's execution as of a month: per line, paid to date against the budget, the year-end
 * projection and the alert; per program, what was paid each month. The alerts are announced.
 */
export function BudgetExecution({ year, version }: { year: number; version: number }) {
  const { t, i18n } = useTranslation('budget');
  const headingId = useId();
  const [asOf, setAsOf] = useState<string>();
  const [typed, setTyped] = useState<string>();
  const execution = useApi(
    () => apiGet<Execution>(`/budget-plans/${year}/execution${query({ asOf })}`),
    [year, asOf, version],
  );
  const data = execution.data;
  const month = typed ?? data?.asOf ?? '';
  const validMonth = (value: string) => MONTH.test(value) && value.startsWith(`${year}-`);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('execution.title')}</h2>
      <p>{t('execution.units')}</p>
      <Form
        className="form narrow"
        validationBehavior="aria"
        onSubmit={(event) => {
          event.preventDefault();
          if (validMonth(month)) setAsOf(month);
        }}
      >
        <TextField
          name="asOf"
          value={month}
          onChange={setTyped}
          isRequired
          validate={(value) => (validMonth(value) ? null : t('execution.asOfInvalid'))}
        >
          <Label>{t('execution.asOf')}</Label>
          <Input inputMode="numeric" />
          <FieldError />
        </TextField>
        <Button type="submit" className="primary">
          {t('execution.show')}
        </Button>
      </Form>
      {execution.loading && !data && <Loading />}
      {execution.error !== undefined && <ProblemMessage error={execution.error} onRetry={execution.reload} />}
      {data && <ExecutionTables data={data} language={i18n.language} />}
    </section>
  );
}

function ExecutionTables({ data, language }: { data: Execution; language: string }) {
  const { t } = useTranslation('budget');
  const month = formatMonth(data.asOf, language);
  const flagged = data.lines.filter((line) => line.alert !== 'none');
  const asOfText =
    data.asOfChosen === 'no-payments'
      ? t('execution.asOfNone')
      : t(data.asOfChosen === 'given' ? 'execution.asOfGiven' : 'execution.asOfLatest', { month });
  return (
    <>
      <p>{asOfText}</p>
      {/* An overrun interrupts (role=alert); its absence is said politely (role=status). */}
      {flagged.length > 0 ? (
        <div role="alert" className="problem">
          <p>
            <strong>{t('execution.alertsTitle', { count: flagged.length })}</strong>
          </p>
          <ul>
            {flagged.map((line) => (
              <li key={line.lineId}>
                {t('execution.alertLine', {
                  category: line.category,
                  item: line.item,
                  what: t(`execution.alerts.${line.alert}`),
                  projected: whole(line.projectedNtd),
                  budget: whole(line.budgetNtd),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p role="status" className="notice">
          {t('execution.noAlerts', { month })}
        </p>
      )}
      <DownloadLinks
        path={`/budget-plans/${data.year}/execution?asOf=${data.asOf}`}
        what={t('download.execution')}
      />
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t('execution.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.category')}</th>
              <th scope="col">{t('plan.item')}</th>
              <th scope="col" className="number">
                {t('plan.budget')}
              </th>
              <th scope="col" className="number">
                {t('execution.paid')}
              </th>
              <th scope="col" className="number">
                {t('execution.paidPercent')}
              </th>
              <th scope="col" className="number">
                {t('execution.projected')}
              </th>
              <th scope="col" className="number">
                {t('execution.projectedPercent')}
              </th>
              <th scope="col" className="number">
                {t('execution.overUnder')}
              </th>
              <th scope="col">{t('execution.alert')}</th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((line) => (
              <tr key={line.lineId}>
                <td>{line.category}</td>
                <th scope="row">{line.item}</th>
                <ComparedCells row={line} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('plan.total')}
              </th>
              <ComparedCells row={data.total} />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">{t('execution.methodNote')}</p>
      <h3>{t('execution.monthly')}</h3>
      {data.lines
        .filter((line) => line.programs.length > 0)
        .map((line) => (
          <details key={line.lineId}>
            <summary>
              {line.category}／{line.item}
              {line.alert !== 'none' && (
                <span className="badge bad"> {t(`execution.alerts.${line.alert}`)}</span>
              )}
            </summary>
            <ProgramMonths
              caption={t('execution.monthlyOf', { item: line.item })}
              programs={line.programs}
              asOf={data.asOf}
              total={line}
            />
          </details>
        ))}
      {data.unassigned.length > 0 && (
        <>
          <h3>{t('execution.unassigned')}</h3>
          <p>{t('execution.unassignedHint')}</p>
          <ProgramMonths caption={t('execution.unassigned')} programs={data.unassigned} asOf={data.asOf} />
        </>
      )}
    </>
  );
}

function ComparedCells({ row }: { row: Execution['total'] }) {
  const { t } = useTranslation('budget');
  return (
    <>
      <td className="number">{whole(row.budgetThousandNtd)}</td>
      <td className="number">{whole(row.paidToDateNtd)}</td>
      <td className="number">{percent(row.paidPercent)}</td>
      <td className="number">{whole(row.projectedNtd)}</td>
      <td className="number">{percent(row.projectedPercent)}</td>
      <td className="number">{signed(row.projectedOverUnderNtd)}</td>
      <td>
        {row.alert === 'none' ? (
          t('execution.alerts.none')
        ) : (
          <span className="badge bad">{t(`execution.alerts.${row.alert}`)}</span>
        )}
      </td>
    </>
  );
}

/** Each program's payments in the months up to the as-of month, its total and projection. */
function ProgramMonths({
  caption,
  programs,
  asOf,
  total,
}: {
  caption: string;
  programs: ProgramExecution[];
  asOf: string;
  total?: LineExecution;
}) {
  const { t } = useTranslation('budget');
  const months = Array.from({ length: Number(asOf.slice(5, 7)) }, (_, k) => k);
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('execution.program')}</th>
            <th scope="col">{t('execution.method')}</th>
            {months.map((k) => (
              <th scope="col" className="number" key={k}>
                {t('execution.month', { month: k + 1 })}
              </th>
            ))}
            <th scope="col" className="number">
              {t('execution.paid')}
            </th>
            <th scope="col" className="number">
              {t('execution.projected')}
            </th>
          </tr>
        </thead>
        <tbody>
          {programs.map((program) => (
            <tr key={program.programId}>
              <th scope="row">
                {program.nameZh} <code className="id">{program.programId}</code>
              </th>
              <td>{t(`execution.methods.${program.method}`)}</td>
              {months.map((k) => (
                <td className="number" key={k}>
                  {whole(program.monthlyNtd[k] ?? 0)}
                </td>
              ))}
              <td className="number">{whole(program.paidToDateNtd)}</td>
              <td className="number">{whole(program.projectedNtd)}</td>
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('execution.lineTotal')}
              </th>
              {months.map((k) => (
                <td className="number" key={k}>
                  {whole(total.monthlyNtd[k] ?? 0)}
                </td>
              ))}
              <td className="number">{whole(total.paidToDateNtd)}</td>
              <td className="number">{whole(total.projectedNtd)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
