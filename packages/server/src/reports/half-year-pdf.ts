import { formatRocDate } from '@safetynet/core/calendar';
import { reportBlocks } from '@safetynet/core/reports/half-year/report-blocks';
import { NO_DATA, NO_PAYMENTS } from '@safetynet/core/reports/half-year/report-structure';
import { formatCount, formatYiWan } from '@safetynet/core/reports/report-numbers';
import { renderNoticePdf } from '../notices/decision-notice.ts';
import type { HalfYearReportDocument } from './half-year-report.ts';

/**
 * The work report as a PDF (A4, the notices' Traditional Chinese font with only the glyphs used embedded):
 * the title 「高雄市政府社會局 112年1月至6月 工作報告」, the headings and sentences as the HTML has them, the
 * appendix per program and district, and the page number on every page.
 */

const HEADING_SIZES = [15, 13, 12, 11, 11, 11];

function body(report: HalfYearReportDocument): unknown[] {
  return reportBlocks(report).map((block) =>
    block.kind === 'heading'
      ? {
          text: block.text,
          bold: true,
          fontSize: HEADING_SIZES[Math.min(block.depth, HEADING_SIZES.length - 1)],
          margin: [Math.max(block.depth - 1, 0) * 10, block.depth === 0 ? 14 : 8, 0, 3],
          headlineLevel: block.depth + 1,
        }
      : {
          text: block.text,
          margin: [Math.max(block.depth - 1, 0) * 10, 0, 0, 3],
          ...(block.noData ? { color: '#555555' } : {}),
        },
  );
}

function appendix(report: HalfYearReportDocument): unknown[] {
  if (report.appendix.length === 0) return [];
  const header = ['項目', '方案', '行政區', '人（戶）數', '人（戶）次', '戶數', '金額（元）'].map((text) => ({
    text,
    bold: true,
  }));
  const right = (text: string) => ({ text, alignment: 'right' });
  const rows = report.appendix.map((r) => [
    r.path ?? '—',
    r.nameZh,
    r.districtName,
    right(formatCount(r.persons)),
    right(formatCount(r.personTimes)),
    right(formatCount(r.households)),
    right(formatYiWan(r.amountNtd)),
  ]);
  return [
    { text: '附表　各方案分區核付統計', bold: true, fontSize: 13, pageBreak: 'before', margin: [0, 0, 0, 6] },
    {
      table: { headerRows: 1, widths: [52, '*', 44, 46, 46, 40, 78], body: [header, ...rows] },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
    {
      text: '家戶為給付對象之方案（如低收入戶家庭生活補助），人數與人次以戶計。',
      fontSize: 8,
      margin: [0, 4, 0, 0],
    },
  ];
}

export async function renderHalfYearPdf(report: HalfYearReportDocument): Promise<Buffer> {
  const others = report.otherPrograms.map((p) => p.sentence);
  return renderNoticePdf({
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    language: 'zh-Hant-TW',
    info: { title: report.title, author: report.bureau, subject: '工作報告' },
    defaultStyle: { font: 'NoticeTC', fontSize: 10.5, lineHeight: 1.3 },
    content: [
      { text: report.title, fontSize: 18, bold: true, alignment: 'center' },
      {
        text: `資料期間：${report.period}　製表日期：${formatRocDate(report.madeOn)}`,
        alignment: 'center',
        color: '#444444',
        margin: [0, 4, 0, 10],
      },
      {
        text: `本報告各項數字由本系統核付紀錄產生（待匯款、已匯出、已入帳之款項；退匯、失敗及取消者不計），人口數以${formatRocDate(report.asOf)}戶籍資料為準。標示「${NO_DATA}」者，本系統尚未保存該項業務資料；標示「${NO_PAYMENTS}」者，本期無核付紀錄，並非統計結果為零。`,
        fontSize: 9,
        color: '#333333',
        margin: [0, 0, 0, 6],
      },
      ...body(report),
      ...(others.length
        ? [
            { text: '其他核付方案', bold: true, fontSize: 15, margin: [0, 14, 0, 3] },
            '下列方案本期有核付紀錄，但不屬於本報告各項目：',
            { ul: others },
          ]
        : []),
      ...appendix(report),
    ],
    footer: (page: number, pages: number) => ({
      text: `${report.title}　第${page}頁／共${pages}頁`,
      fontSize: 8,
      color: '#444444',
      alignment: 'center',
    }),
  });
}
