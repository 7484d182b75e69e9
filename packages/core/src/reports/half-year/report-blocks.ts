import type { HalfYearReport, ReportItem } from './report-model.ts';
import { NO_DATA } from './report-structure.ts';

/**
 * The report as a sequence of headings and paragraphs, the way the bureau's report lays it out (seed 001):
 * a numbered heading where the report has one (「1. 老人人口」), the sentence under it; an item that is a
 * sentence starts with its number (「(1) 中低收入老人生活津貼，…」). The HTML and PDF are drawn from this.
 */
export type ReportBlock =
  | { kind: 'heading'; depth: number; path: string; text: string }
  | { kind: 'paragraph'; depth: number; path: string; text: string; noData: boolean };

const name = (item: ReportItem) => item.title ?? item.label ?? '';
/** 「三、社會救助」 but 「(一) 生活扶助」「1. 老人人口」, as the report sets them. */
const numbered = (item: ReportItem, text: string) =>
  `${item.number}${item.number.endsWith('、') ? '' : ' '}${text}`;

function blocksOf(item: ReportItem, depth: number, out: ReportBlock[]): void {
  const heading = (text: string) => out.push({ kind: 'heading', depth, path: item.path, text });
  const paragraph = (text: string, noData = false) =>
    out.push({ kind: 'paragraph', depth, path: item.path, text, noData });
  // Sections and their parts (「三、」「(一)」) are always headings, as are items the report titles.
  const titled = depth <= 1 || item.title !== null;
  if (item.status === 'no-data') {
    // An item without data below the parts is one line: 「3. 安置頤養：本系統尚無此項資料。」
    if (depth <= 1) {
      heading(numbered(item, name(item)));
      paragraph(`${NO_DATA}。`, true);
    } else paragraph(numbered(item, `${name(item)}：${NO_DATA}。`), true);
  } else if (item.sentence === null) heading(numbered(item, name(item)));
  else if (titled) {
    heading(numbered(item, name(item)));
    paragraph(item.sentence);
  } else paragraph(numbered(item, item.sentence));
  if (item.partWithoutData) paragraph(`${item.partWithoutData}：${NO_DATA}。`, true);
  for (const child of item.children) blocksOf(child, depth + 1, out);
}

export function reportBlocks(report: HalfYearReport): ReportBlock[] {
  const out: ReportBlock[] = [];
  for (const section of report.sections) blocksOf(section, 0, out);
  return out;
}
