import type { IsoDate, IsoMonth } from '../../calendar.ts';

/**
 * The half-year work report (工作報告) as data: its headings numbered as the bureau's report numbers them
 * (seed 001 三、社會救助 and 四、福利服務), each item with the programs whose payments it counts and the
 * sentence it says about them. An item the system holds no data for (a service, a facility, a committee, an
 * in-kind program) has no `data` and is listed as such, never with a number.
 */

/** A catalog program as the report counts it: a household program's recipient is the household. */
export interface ProgramRef {
  id: string;
  /** The catalog's name (名稱). */
  nameZh: string;
  entity: 'person' | 'household';
}

/** A program's counted payments over the period (the server's ProgramFigures without the grouping). */
export interface Figures {
  /** Distinct recipients (人數; for a household program, households). */
  persons: number;
  /** Payments (人次; for a household program, 戶次). */
  personTimes: number;
  /** Distinct households the payments were for. */
  households: number;
  amountNtd: number;
}

/** Distinct recipients of one month with payments. */
export interface MonthPersons {
  month: IsoMonth;
  persons: number;
}

/** Counts from the registry on the period's last day (四(一)1 and 四(二)1). */
export interface RegistryCounts {
  asOf: IsoDate;
  /** Living persons registered in the city (設籍). */
  population: number;
  /** Of them, 65 or older. */
  seniors: number;
  /** Of them, holding a disability certificate valid that day. */
  withDisabilityCertificate: number;
}

/** Asset-building accounts open on the period's last day (三(二)1 and 2), per program. */
export interface AccountCounts {
  holders: number;
  households: number;
}

/** What a sentence is built from. */
export interface SentenceInput {
  from: IsoMonth;
  to: IsoMonth;
  /** 「112年1月至6月」 */
  period: string;
  /** 「112年6月底」 */
  endOfPeriod: string;
  /** A program's figures over the period; undefined when it has no counted payment in it. */
  figures(programId: string): Figures | undefined;
  /** A program's recipients month by month: only months with payments, in order. */
  months(programId: string): readonly MonthPersons[];
  registry: RegistryCounts | undefined;
  accounts(programId: string): AccountCounts | undefined;
}

export type DataSource = 'payments' | 'registry' | 'accounts';

export interface ItemData {
  source: DataSource;
  /** The programs whose payments (or accounts) the sentence counts; none for the registry. */
  programs: readonly ProgramRef[];
  /** The sentence, in the report's words, from the figures. */
  sentence(input: SentenceInput): string;
}

/** A heading or item of the report: 「三、」「(一)」「1.」「(1)」「①」. */
export interface ReportNode {
  number: string;
  /** The heading as the report prints it (「老人人口」); absent where the report's item is a sentence. */
  title?: string;
  /** The heading in English, for readers of the English screens. */
  titleEn?: string;
  /** What the item is about, for an item without a heading (said when it has no data). */
  label?: string;
  data?: ItemData;
  /** A part of the item the system holds no data for, said after the sentence. */
  partWithoutData?: string;
  children?: readonly ReportNode[];
}

/** The wording of an item the system holds no data for. */
export const NO_DATA = '本系統尚無此項資料';
export const NO_DATA_EN = 'no data in the system yet';
/** The wording for programs with no counted payment in the period (not a measured zero). */
export const NO_PAYMENTS = '本期無核付紀錄';
export const NO_PAYMENTS_EN = 'no payment recorded in the period';

/** A program reference; person programs are the default. */
export const program = (id: string, nameZh: string, entity: ProgramRef['entity'] = 'person'): ProgramRef => ({
  id,
  nameZh,
  entity,
});

/** An item the system holds no data for. */
export const noData = (number: string, title: string, titleEn?: string): ReportNode => ({
  number,
  title,
  ...(titleEn ? { titleEn } : {}),
});

/** Every node of a tree, depth first, with its path of numbers (「四(一)2(1)」). */
export function* walkNodes(
  nodes: readonly ReportNode[],
  path = '',
): Generator<{ node: ReportNode; path: string }> {
  for (const node of nodes) {
    const here = path + node.number.replace(/[、.]$/, '');
    yield { node, path: here };
    if (node.children) yield* walkNodes(node.children, here);
  }
}
