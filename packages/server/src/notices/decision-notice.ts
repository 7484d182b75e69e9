/**
 * The decision notice (核定通知書 / 不予核定通知書) as a PDF in Traditional Chinese with English beside it:
 * who decided, for whom, what (program, outcome, monthly amount from which month), why (each reason with
 * its legal reference), on what legal basis, and how to appeal. The caller gives plain data (the decision
 * as stored, the applicant's name as the caller may show it); this module reads nothing but the font.
 */
import {
  formatRocDate,
  formatRocMonth,
  type IsoDate,
  type IsoMonth,
  isIsoDate,
  isIsoMonth,
} from '@safetynet/core/calendar';
import { formatNtd } from '@safetynet/core/money';
import pdfmake from 'pdfmake';
import { citeLaw } from './law-citations.ts';
import { noticeFont } from './notice-font.ts';

export const KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU = '高雄市政府社會局';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface NoticeReason {
  message: Bilingual;
  /** Legal reference of the condition, e.g. `D0050078 第4條第1項` (law codes print as law names). */
  reference: string;
}

export interface DecisionNotice {
  /** Defaults to 高雄市政府社會局. */
  bureau?: string;
  /** 發文字號. */
  referenceNumber: string;
  applicantName: string;
  address?: string;
  program: Bilingual;
  outcome: 'approved' | 'rejected';
  /** Integer NTD a month; null for an approval without a monthly amount (a status, a service) and rejections. */
  monthlyAmountNtd: number | null;
  /** `YYYY-MM`; null when there is no monthly amount. */
  firstMonth: IsoMonth | null;
  /** The conditions the decision rests on; a rejection needs at least one. */
  reasons: NoticeReason[];
  /** The program's legal basis, e.g. `['D0050078 第10條']`. */
  legalBasis: string[];
  /** The day of the decision in Taipei, `YYYY-MM-DD`. */
  decidedOn: IsoDate;
}

/** `3772` → `新臺幣3,772元`. */
export function formatNtdZh(amountNtd: number): string {
  return `新臺幣${formatNtd(amountNtd)}元`;
}

export const rocDate = (date: IsoDate): string => `民國${formatRocDate(date)}`;
export const rocMonth = (month: IsoMonth): string => `民國${formatRocMonth(month)}`;
export const englishMonth = (month: IsoMonth): string =>
  new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/**
 * How to appeal. 訴願法 (pcode A0030020) is not among the project's reference laws; the text follows it:
 * 第14條第1項「訴願之提起，應自行政處分達到或公告期滿之次日起三十日內為之。」; 第4條第4款: against an
 * administrative act of an agency under a special municipality's government, the appeal goes to that
 * municipal government (高雄市政府); 第58條第1項: the appeal is filed through the agency that made the act
 * (本局). 行政程序法第96條第1項第6款 requires a written act to state the remedy, its period and the authority.
 */
export function appealText(bureau: string): Bilingual {
  return {
    zh: `如不服本處分，得自本處分書送達之次日起30日內，依訴願法第58條第1項規定，繕具訴願書經由${bureau === KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU ? '本局' : bureau}（原處分機關）向高雄市政府（訴願管轄機關）提起訴願（訴願法第4條第4款、第14條第1項）。`,
    en: 'If you disagree with this decision, you may file an administrative appeal (訴願) within 30 days from the day after this notice reaches you: send a written appeal through this bureau (the agency that decided) to the Kaohsiung City Government (Administrative Appeal Act, Articles 4(4), 14(1) and 58(1)).',
  };
}

function validate(notice: DecisionNotice): void {
  if (!isIsoDate(notice.decidedOn))
    throw new RangeError(`decidedOn is not a YYYY-MM-DD date: ${notice.decidedOn}`);
  const amount = notice.monthlyAmountNtd;
  if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0)) {
    throw new RangeError('monthlyAmountNtd is a non-negative integer NTD');
  }
  if (notice.outcome === 'rejected' && amount !== null) throw new RangeError('a rejection has no amount');
  if (amount !== null && (notice.firstMonth === null || !isIsoMonth(notice.firstMonth))) {
    throw new RangeError('a monthly amount needs its first month (YYYY-MM)');
  }
  if (notice.outcome === 'rejected' && notice.reasons.length === 0)
    throw new RangeError('a rejection needs reasons');
}

function subject(notice: DecisionNotice): Bilingual {
  const { program, monthlyAmountNtd: amount, firstMonth } = notice;
  if (notice.outcome === 'rejected') {
    return {
      zh: `台端申請「${program.zh}」，經審核不予核定，理由詳如說明。`,
      en: `Your application for ${program.en} has not been approved, for the reasons set out below.`,
    };
  }
  if (amount === null || firstMonth === null) {
    return {
      zh: `台端申請「${program.zh}」，經審核予以核定。`,
      en: `Your application for ${program.en} has been approved.`,
    };
  }
  return {
    zh: `台端申請「${program.zh}」，經審核予以核定，自${rocMonth(firstMonth)}起每月核發${formatNtdZh(amount)}。`,
    en: `Your application for ${program.en} has been approved: NT$${formatNtd(amount)} a month from ${englishMonth(firstMonth)}.`,
  };
}

export const english = (text: string) => ({ text, style: 'english' });

export function section(zh: string, en: string): Record<string, unknown> {
  return { text: [{ text: `${zh}　` }, { text: en, style: 'english' }], style: 'heading' };
}

function fieldRows(notice: DecisionNotice): [string, string][] {
  const outcome = notice.outcome === 'approved' ? '核定 Approved' : '不予核定 Not approved';
  const rows: [string, string][] = [
    ['受文者 Applicant', notice.applicantName],
    ...(notice.address ? ([['地址 Address', notice.address]] as [string, string][]) : []),
    ['發文日期 Date', rocDate(notice.decidedOn)],
    ['發文字號 Reference', notice.referenceNumber],
    ['申請項目 Program', `${notice.program.zh}　${notice.program.en}`],
    ['審核結果 Outcome', outcome],
  ];
  if (notice.monthlyAmountNtd !== null && notice.firstMonth !== null) {
    rows.push([
      '每月金額 Monthly amount',
      `${formatNtdZh(notice.monthlyAmountNtd)}（NT$${formatNtd(notice.monthlyAmountNtd)}）`,
    ]);
    rows.push(['起始月份 From', `${rocMonth(notice.firstMonth)}（${englishMonth(notice.firstMonth)}）`]);
  }
  return rows;
}

/** Each reason with its legal reference, numbered. */
export function reasonBlocks(reasons: NoticeReason[]): unknown[] {
  return reasons.map((reason, index) => ({
    stack: [
      `${index + 1}. ${reason.message.zh}`,
      english(reason.message.en),
      ...(reason.reference ? [{ text: `依據 Reference：${citeLaw(reason.reference)}`, style: 'small' }] : []),
    ],
    margin: [0, 0, 0, 4],
  }));
}

/** What every notice of the bureau has: the letterhead, the title, the fields, the body, the footer. */
export interface NoticeLayout {
  bureau: string;
  title: string;
  titleEn: string;
  referenceNumber: string;
  /** The PDF's subject (the program). */
  about: string;
  fields: [string, string][];
  body: unknown[];
}

/**
 * A notice's body in the order official notices use: 主旨 (subject), 說明 (reasons), 法令依據 (legal basis),
 * 救濟方式 (how to appeal), each heading in both languages.
 */
export function noticeBody(parts: {
  subject: Bilingual;
  reasons: unknown[];
  legalBasis: unknown;
  appeal: Bilingual;
}): unknown[] {
  return [
    section('主旨', 'Subject'),
    parts.subject.zh,
    english(parts.subject.en),
    section('說明', 'Reasons'),
    ...(parts.reasons.length > 0 ? parts.reasons : ['（無 None）']),
    section('法令依據', 'Legal basis'),
    parts.legalBasis,
    section('救濟方式', 'How to appeal'),
    parts.appeal.zh,
    english(parts.appeal.en),
  ];
}

/** Laws cited as on a notice, or a note that there are none. */
export const citedLaws = (legalBasis: string[]): string =>
  legalBasis.length > 0 ? legalBasis.map(citeLaw).join('、') : '（無 None）';

export function noticeDocument(layout: NoticeLayout): Record<string, unknown> {
  const { bureau } = layout;
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    language: 'zh-Hant-TW',
    info: { title: `${bureau} ${layout.title}`, author: bureau, subject: layout.about },
    defaultStyle: { font: 'NoticeTC', fontSize: 11, lineHeight: 1.25 },
    styles: {
      bureau: { fontSize: 18, bold: true, alignment: 'center' },
      title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
      heading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      english: { fontSize: 9, color: '#444444' },
      small: { fontSize: 9, color: '#444444' },
    },
    content: [
      { text: bureau, style: 'bureau' },
      { text: layout.title, style: 'title' },
      { text: layout.titleEn, style: 'english', alignment: 'center', margin: [0, 0, 0, 12] },
      {
        table: {
          widths: [150, '*'],
          body: layout.fields.map(([label, value]) => [{ text: label, bold: true }, value]),
        },
        layout: 'lightHorizontalLines',
      },
      ...layout.body,
    ],
    footer: (page: number, pages: number) => ({
      text: `${bureau}　${layout.referenceNumber}　第${page}頁／共${pages}頁`,
      style: 'small',
      alignment: 'center',
    }),
  };
}

function documentOf(notice: DecisionNotice, bureau: string): Record<string, unknown> {
  const title = notice.outcome === 'approved' ? '核定通知書' : '不予核定通知書';
  const titleEn =
    notice.outcome === 'approved' ? 'Notice of decision: approved' : 'Notice of decision: not approved';
  const about = subject(notice);
  const appeal = appealText(bureau);
  const reasons = reasonBlocks(notice.reasons);
  return noticeDocument({
    bureau,
    title,
    titleEn,
    referenceNumber: notice.referenceNumber,
    about: notice.program.zh,
    fields: fieldRows(notice),
    body: noticeBody({ subject: about, reasons, legalBasis: citedLaws(notice.legalBasis), appeal }),
  });
}

/** The notice as a PDF (A4, the font's used glyphs embedded). */
export async function renderDecisionNotice(notice: DecisionNotice): Promise<Buffer> {
  validate(notice);
  const bureau = notice.bureau ?? KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU;
  return renderNoticePdf(documentOf(notice, bureau));
}

/** Any notice document (noticeDocument) as a PDF with the notices' font. */
export async function renderNoticePdf(document: Record<string, unknown>): Promise<Buffer> {
  const font = noticeFont();
  // pdfmake is a process-wide instance: set what this document may load right before creating it (the
  // printer takes these synchronously). Notices load no URL and no file but the font.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === font.regular || path === font.bold);
  pdfmake.setFonts({
    NoticeTC: { normal: font.regular, bold: font.bold, italics: font.regular, bolditalics: font.bold },
  });
  return pdfmake.createPdf(document).getBuffer();
}
