import { type IsoDate, type IsoMonth, lastDayOfMonth, rocYear } from '../../calendar.ts';
import { formatCount, formatRocPeriod, formatYiWan } from '../report-numbers.ts';
import {
  type AccountCounts,
  type DataSource,
  type Figures,
  type MonthPersons,
  type ProgramRef,
  type RegistryCounts,
  type ReportNode,
  type SentenceInput,
  walkNodes,
} from './report-structure.ts';
import { SOCIAL_ASSISTANCE } from './social-assistance.ts';
import { WELFARE_SERVICES } from './welfare-services.ts';

/** The report's sections in order: 三、社會救助 and 四、福利服務. */
export const HALF_YEAR_REPORT: readonly ReportNode[] = [SOCIAL_ASSISTANCE, WELFARE_SERVICES];

export const KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU = '高雄市政府社會局';

/**
 * How an item stands: a heading over other items; data (a sentence with measured figures); none recorded (the
 * system keeps such records, none in the period: 本期無核付紀錄, not a measured zero); no data (本系統尚無此項資料).
 */
export type ItemStatus = 'heading' | 'data' | 'none-recorded' | 'no-data';

export interface ItemProgram extends ProgramRef {
  /** Null when the program has no counted payment in the period. */
  figures: Figures | null;
}

export interface ReportItem {
  number: string;
  /** 「四(一)2(1)」: the item's place in the seed's numbering. */
  path: string;
  title: string | null;
  titleEn: string | null;
  label: string | null;
  status: ItemStatus;
  source: DataSource | null;
  sentence: string | null;
  /** A part of the item the system holds no data for. */
  partWithoutData: string | null;
  programs: ItemProgram[];
  children: ReportItem[];
}

/** A program with payments in the period that no item of the report counts (seed 000 programs). */
export interface OtherProgram {
  programId: string;
  nameZh: string;
  figures: Figures;
  /** 「低收入戶春節慰問金，112年1月至6月核付10筆、5萬元。」 (payments: 筆, whoever the recipient is) */
  sentence: string;
}

export interface HalfYearReport {
  bureau: string;
  /** 「高雄市政府社會局 112年1月至6月 工作報告」 */
  title: string;
  from: IsoMonth;
  to: IsoMonth;
  period: string;
  /** The period's last day: the registry and account counts are as of then. */
  asOf: IsoDate;
  sections: ReportItem[];
  registry: RegistryCounts | null;
  otherPrograms: OtherProgram[];
}

export interface ReportInput {
  from: IsoMonth;
  to: IsoMonth;
  /** Per program over the period (programs without counted payments absent). */
  figures: ReadonlyMap<string, Figures>;
  /** Per program, its months with payments in order. */
  months: ReadonlyMap<string, readonly MonthPersons[]>;
  registry: RegistryCounts | undefined;
  accounts: ReadonlyMap<string, AccountCounts>;
  /** Catalog names, for programs with payments that no item counts. */
  programNames?: ReadonlyMap<string, string>;
  bureau?: string;
}

/** 「112年6月底」 */
export const endOfMonth = (month: IsoMonth): string =>
  `${rocYear(Number(month.slice(0, 4)))}年${Number(month.slice(5, 7))}月底`;

export function sentenceInput(input: ReportInput): SentenceInput {
  return {
    from: input.from,
    to: input.to,
    period: formatRocPeriod(input.from, input.to),
    endOfPeriod: endOfMonth(input.to),
    figures: (id) => input.figures.get(id),
    months: (id) => input.months.get(id) ?? [],
    registry: input.registry,
    accounts: (id) => input.accounts.get(id),
  };
}

function statusOf(node: ReportNode, input: SentenceInput): ItemStatus {
  const data = node.data;
  if (!data) return node.children?.length ? 'heading' : 'no-data';
  if (data.source === 'registry') return input.registry && input.registry.population > 0 ? 'data' : 'no-data';
  if (data.source === 'accounts')
    return data.programs.some((p) => (input.accounts(p.id)?.holders ?? 0) > 0) ? 'data' : 'none-recorded';
  return data.programs.some((p) => input.figures(p.id)) ? 'data' : 'none-recorded';
}

function item(node: ReportNode, path: string, input: SentenceInput): ReportItem {
  const here = path + node.number.replace(/[、.]$/, '');
  const status = statusOf(node, input);
  return {
    number: node.number,
    path: here,
    title: node.title ?? null,
    titleEn: node.titleEn ?? null,
    label: node.label ?? null,
    status,
    source: node.data?.source ?? null,
    sentence: node.data && status !== 'no-data' ? node.data.sentence(input) : null,
    partWithoutData: node.partWithoutData ?? null,
    programs: (node.data?.source === 'payments' ? node.data.programs : []).map((p) => ({
      ...p,
      figures: input.figures(p.id) ?? null,
    })),
    children: (node.children ?? []).map((child) => item(child, here, input)),
  };
}

/** The programs whose payments some item counts. */
export function reportedProgramIds(nodes: readonly ReportNode[] = HALF_YEAR_REPORT): Set<string> {
  const ids = new Set<string>();
  for (const { node } of walkNodes(nodes))
    if (node.data?.source === 'payments') for (const p of node.data.programs) ids.add(p.id);
  return ids;
}

/** The report from its figures: every sentence, every item without data named as such. */
export function buildHalfYearReport(input: ReportInput): HalfYearReport {
  const sentences = sentenceInput(input);
  const bureau = input.bureau ?? KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU;
  const reported = reportedProgramIds();
  const otherPrograms = [...input.figures]
    .filter(([id]) => !reported.has(id))
    .map(([programId, figures]) => {
      const nameZh = input.programNames?.get(programId) ?? programId;
      const sentence = `${nameZh}，${sentences.period}核付${formatCount(figures.personTimes)}筆、${formatYiWan(figures.amountNtd)}元。`;
      return { programId, nameZh, figures, sentence };
    })
    .sort((a, b) => a.programId.localeCompare(b.programId));
  return {
    bureau,
    title: `${bureau} ${sentences.period} 工作報告`,
    from: input.from,
    to: input.to,
    period: sentences.period,
    asOf: lastDayOfMonth(input.to),
    sections: HALF_YEAR_REPORT.map((node) => item(node, '', sentences)),
    registry: input.registry ?? null,
    otherPrograms,
  };
}
