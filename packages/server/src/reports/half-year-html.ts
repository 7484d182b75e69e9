import { formatRocDate } from '@safetynet/core/calendar';
import { reportBlocks } from '@safetynet/core/reports/half-year/report-blocks';
import { NO_DATA, NO_PAYMENTS } from '@safetynet/core/reports/half-year/report-structure';
import { formatCount, formatYiWan } from '@safetynet/core/reports/report-numbers';
import type { AppendixRow, HalfYearReportDocument } from './half-year-report.ts';

/**
 * The work report as one self-contained HTML page (no script, no outside file): Traditional Chinese, its
 * headings and sentences as the report lays them out, the appendix per program and district, and a print
 * style sheet for A4. Every text is escaped.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
body { font-family: "Noto Sans TC", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif;
  line-height: 1.7; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; text-align: center; margin-bottom: .25rem; }
.meta { text-align: center; color: #444; margin-top: 0; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #999; margin-top: 2rem; }
h3 { font-size: 1.15rem; margin: 1.25rem 0 .25rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .25rem; }
p { margin: .25rem 0 .25rem var(--indent, 0); }
p.no-data { color: #555; }
.note { font-size: .9rem; color: #333; border: 1px solid #bbb; padding: .5rem .75rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid #999; padding: .2rem .4rem; text-align: left; vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; margin-bottom: .25rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  tr { break-inside: avoid; }
  .appendix { break-before: page; }
}`;

const cell = (text: string, number = false) =>
  number ? `<td class="number">${escapeHtml(text)}</td>` : `<td>${escapeHtml(text)}</td>`;

function appendixTable(rows: AppendixRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr>${cell(r.path ?? '—')}${cell(r.nameZh)}${cell(r.districtName)}${cell(formatCount(r.persons), true)}${cell(
          formatCount(r.personTimes),
          true,
        )}${cell(formatCount(r.households), true)}${cell(formatYiWan(r.amountNtd), true)}</tr>`,
    )
    .join('\n');
  return `<table>
<caption>附表　各方案分區核付統計</caption>
<thead><tr><th scope="col">項目</th><th scope="col">方案</th><th scope="col">行政區</th><th scope="col" class="number">人（戶）數</th><th scope="col" class="number">人（戶）次</th><th scope="col" class="number">戶數</th><th scope="col" class="number">金額（元）</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
<p>家戶為給付對象之方案（如低收入戶家庭生活補助），人數與人次以戶計。金額單位為元，以億、萬表示。</p>`;
}

export function renderHalfYearHtml(report: HalfYearReportDocument): string {
  const blocks = reportBlocks(report)
    .map((block) => {
      const text = escapeHtml(block.text);
      if (block.kind === 'heading') {
        const level = Math.min(block.depth + 2, 6);
        return `<h${level} id="item-${escapeHtml(block.path)}">${text}</h${level}>`;
      }
      const indent = block.depth > 1 ? ` style="--indent: ${block.depth - 1}em"` : '';
      return `<p${block.noData ? ' class="no-data"' : ''}${indent}>${text}</p>`;
    })
    .join('\n');
  const others = report.otherPrograms.length
    ? `<h2>其他核付方案</h2>
<p>下列方案本期有核付紀錄，但不屬於本報告各項目：</p>
<ul>${report.otherPrograms.map((p) => `<li>${escapeHtml(p.sentence)}</li>`).join('')}</ul>`
    : '';
  const appendix = report.appendix.length
    ? `<section class="appendix"><h2>附表</h2>${appendixTable(report.appendix)}</section>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
<p class="meta">${escapeHtml(`資料期間：${report.period}　製表日期：${formatRocDate(report.madeOn)}`)}</p>
<p class="note">${escapeHtml(
    `本報告各項數字由本系統核付紀錄產生（待匯款、已匯出、已入帳之款項；退匯、失敗及取消者不計），人口數以${formatRocDate(report.asOf)}戶籍資料為準。標示「${NO_DATA}」者，本系統尚未保存該項業務資料；標示「${NO_PAYMENTS}」者，本期無核付紀錄，並非統計結果為零。`,
  )}</p>
${blocks}
${others}
${appendix}
</body>
</html>
`;
}
