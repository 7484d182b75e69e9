import type { Execution } from '@safetynet/core/reports/budget-execution';
import type { Plan, PlanAmendment } from '../budget/plan-queries.ts';
import type { BudgetExecutionReport } from './budget-execution.ts';
import type { Cell, ReportTable, TableColumn } from './table-export.ts';

/**
 * The plan, its history and its execution as tables for CSV and XLSX (table-export.ts). Amounts are whole
 * numbers in the unit their header names (千元 for budgets as printed, 元 for payments); percentages are
 * text, since a spreadsheet cell of the export holds whole numbers only.
 */
const text = (key: string, zh: string, en: string): TableColumn => ({ key, zh, en, type: 'text' });
const integer = (key: string, zh: string, en: string): TableColumn => ({ key, zh, en, type: 'integer' });

export function planTable(plan: Plan): ReportTable {
  return {
    columns: [
      text('category', '類', 'Category'),
      text('item', '項', 'Item'),
      text('subItem', '子項', 'Sub-item'),
      integer('budget', '預算（千元）', 'Budget (thousand NTD)'),
      text('programs', '計算執行之方案', 'Programs measured'),
      text('note', '備考', 'Note'),
      integer('version', '版次', 'Version'),
    ],
    rows: [
      ...plan.lines.map((line) => ({
        category: line.category,
        item: line.item,
        subItem: line.subItem,
        budget: line.budgetThousandNtd,
        programs: line.programIds.join(' '),
        note: line.note,
        version: line.version,
      })),
      { category: '合計 Total', budget: plan.totalThousandNtd },
    ],
  };
}

export function amendmentsTable(amendments: readonly PlanAmendment[]): ReportTable {
  return {
    columns: [
      text('amendedAt', '時間', 'When'),
      text('amendedBy', '修正者', 'By'),
      text('category', '類', 'Category'),
      text('item', '項', 'Item'),
      integer('version', '版次', 'Version'),
      integer('previous', '原預算（千元）', 'Budget before (thousand NTD)'),
      integer('budget', '預算（千元）', 'Budget (thousand NTD)'),
      text('programs', '方案', 'Programs'),
      text('reason', '理由', 'Reason'),
    ],
    rows: amendments.map((a) => ({
      amendedAt: a.amendedAt.toISOString(),
      amendedBy: a.amendedBy,
      category: a.category,
      item: a.item,
      version: a.version,
      previous: a.previousBudgetThousandNtd,
      budget: a.budgetThousandNtd,
      programs: a.programIds.join(' '),
      reason: a.reason,
    })),
  };
}

const MONTH_COLUMNS = Array.from({ length: 12 }, (_, k) =>
  integer(`m${k + 1}`, `${k + 1}月撥付（元）`, `Paid in month ${k + 1} (NTD)`),
);

const percent = (value: number | null) => (value === null ? null : `${value.toFixed(1)}%`);
const ALERT_TEXT = {
  none: '',
  'projected-overrun': '推估超支 Projected overrun',
  overspent: '已超支 Overspent',
} as const;
const METHOD_TEXT = {
  'run-rate': '最近月份 × 剩餘月數 Run rate',
  average: '月平均 × 剩餘月數 Average month',
  'paid-to-date': '以已撥付計 As paid',
} as const;

function figures(e: Pick<Execution, 'monthlyNtd' | 'paidToDateNtd' | 'projectedNtd'>): Record<string, Cell> {
  return {
    ...Object.fromEntries(e.monthlyNtd.map((amount, k) => [`m${k + 1}`, amount])),
    paid: e.paidToDateNtd,
    projected: e.projectedNtd,
  };
}

function compared(e: Execution): Record<string, Cell> {
  return {
    budgetNtd: e.budgetNtd,
    paidPercent: percent(e.paidPercent),
    projectedPercent: percent(e.projectedPercent),
    overUnder: e.projectedOverUnderNtd,
    alert: ALERT_TEXT[e.overspent ? 'overspent' : e.projectedOverrun ? 'projected-overrun' : 'none'],
  };
}

/** One row per line, then its programs; the categories, what no line covers and the total after. */
export function executionTable(report: BudgetExecutionReport): ReportTable {
  const rows: Record<string, Cell>[] = [];
  for (const line of report.lines) {
    rows.push({
      level: '項目 Line',
      category: line.category,
      item: line.item,
      subItem: line.subItem,
      budget: line.budgetThousandNtd,
      ...figures(line),
      ...compared(line),
    });
    for (const program of line.programs)
      rows.push({
        level: '方案 Program',
        category: line.category,
        item: line.item,
        subItem: line.subItem,
        programId: program.programId,
        programName: program.nameZh,
        method: METHOD_TEXT[program.method],
        ...figures(program),
      });
  }
  for (const category of report.categories)
    rows.push({
      level: '類 Category',
      category: category.category,
      budget: category.budgetThousandNtd,
      ...figures(category),
      ...compared(category),
    });
  for (const program of report.unassigned)
    rows.push({
      level: '未列計畫 Not in the plan',
      programId: program.programId,
      programName: program.nameZh,
      method: METHOD_TEXT[program.method],
      ...figures(program),
    });
  rows.push({
    level: '合計 Total',
    budget: report.total.budgetThousandNtd,
    ...figures(report.total),
    ...compared(report.total),
  });
  return {
    columns: [
      text('level', '層級', 'Level'),
      text('category', '類', 'Category'),
      text('item', '項', 'Item'),
      text('subItem', '子項', 'Sub-item'),
      text('programId', '方案代碼', 'Program id'),
      text('programName', '方案名稱', 'Program'),
      integer('budget', '預算（千元）', 'Budget (thousand NTD)'),
      integer('budgetNtd', '預算（元）', 'Budget (NTD)'),
      ...MONTH_COLUMNS,
      integer('paid', `累計撥付至${Number(report.asOf.slice(5, 7))}月（元）`, `Paid to ${report.asOf} (NTD)`),
      text('paidPercent', '執行率', 'Paid share of budget'),
      integer('projected', '年底推估（元）', 'Year-end projection (NTD)'),
      text('projectedPercent', '推估執行率', 'Projected share of budget'),
      integer('overUnder', '推估超支（+）或賸餘（−）（元）', 'Projected over (+) or under (−) budget (NTD)'),
      text('method', '推估方法', 'Projection method'),
      text('alert', '警示', 'Alert'),
    ],
    rows,
  };
}
