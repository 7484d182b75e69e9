import { addDays, daysInMonth, type IsoDate } from '../calendar.ts';

/**
 * How long the administration has to process an application, per program: the statutory period where a
 * law or regulation gives one, otherwise 行政程序法 第51條第2項's two months (no period set by law or
 * published by the authority). An application's due date is the earliest of its programs'.
 *
 * Read and not taken: 社會救助法 第10條第2項's five days are for starting the home investigation, not
 * for the decision; 合作社法 第10條's fifteen days concern cooperatives, no benefit program.
 */
export interface ProcessingPeriod {
  months?: number;
  days?: number;
  /** The legal basis, as cited on a notice. */
  legalBasis: string;
}

export const DEFAULT_PROCESSING_PERIOD: ProcessingPeriod = {
  months: 2,
  legalBasis: '行政程序法第51條第2項（未定處理期間者，二個月）',
};

export const PROCESSING_PERIODS: Readonly<Record<string, ProcessingPeriod>> = {
  // 公所受理後，於申請人備齊文件之日起一個月內完成調查及初審：the district office's own deadline.
  'senior-living-allowance': { months: 1, legalBasis: '中低收入老人生活津貼發給辦法第6條' },
  // 應於申請人備齊申請文件之日起一個月內完成審核.
  'disability-living-allowance': { months: 1, legalBasis: '身心障礙者生活補助費發給辦法第6條' },
};

export function processingPeriodOf(programId: string): ProcessingPeriod {
  return PROCESSING_PERIODS[programId] ?? DEFAULT_PROCESSING_PERIOD;
}

/** The same day `months` later (the month's last day when it has no such day), then `days` on. */
export function addPeriod(from: IsoDate, period: ProcessingPeriod): IsoDate {
  let [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + (period.months ?? 0);
  year = Math.floor(total / 12);
  month = (total % 12) + 1;
  day = Math.min(day, daysInMonth(year, month));
  const moved = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return addDays(moved, period.days ?? 0);
}

/** The due date of an application for these programs received on `received`: the earliest. */
export function dueDateOf(programIds: readonly string[], received: IsoDate): IsoDate {
  const dates = programIds.map((id) => addPeriod(received, processingPeriodOf(id)));
  return dates.reduce((a, b) => (b < a ? b : a));
}
