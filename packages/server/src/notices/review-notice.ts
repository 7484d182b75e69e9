/**
 * The annual review's notice (年度調查結果通知書): an allowance changed (變更核定) or stopped (停止發給) from
 * the effective month, with the old and the new monthly amount, the reasons, the legal basis and how to
 * appeal. Built from the decision notice's parts (decision-notice.ts: letterhead, layout, font, appeal
 * text); plain data in, a PDF out.
 */
import { type IsoDate, type IsoMonth, isIsoDate, isIsoMonth } from '@safetynet/core/calendar';
import { formatNtd } from '@safetynet/core/money';
import {
  appealText,
  type Bilingual,
  citedLaws,
  englishMonth,
  formatNtdZh,
  KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU,
  type NoticeReason,
  noticeBody,
  noticeDocument,
  reasonBlocks,
  renderNoticePdf,
  rocDate,
  rocMonth,
} from './decision-notice.ts';

export interface ReviewNotice {
  bureau?: string;
  referenceNumber: string;
  payeeName: string;
  program: Bilingual;
  year: number;
  outcome: 'change' | 'end';
  /** `YYYY-01`: the first month the outcome applies to. */
  effectiveMonth: IsoMonth;
  previousAmountNtd: number;
  /** The new monthly amount of a change; null for an end. */
  newAmountNtd: number | null;
  reasons: NoticeReason[];
  legalBasis: string[];
  /** The day the outcome was confirmed, in Taipei. */
  confirmedOn: IsoDate;
}

const ntd = (amount: number) => `${formatNtdZh(amount)}（NT$${formatNtd(amount)}）`;

function validate(notice: ReviewNotice): void {
  if (!isIsoDate(notice.confirmedOn))
    throw new RangeError(`confirmedOn is not a date: ${notice.confirmedOn}`);
  if (!isIsoMonth(notice.effectiveMonth)) throw new RangeError('effectiveMonth is a YYYY-MM month');
  if ((notice.outcome === 'change') !== (notice.newAmountNtd !== null))
    throw new RangeError('a change has a new amount, an end none');
}

function subject(notice: ReviewNotice): Bilingual {
  const from = rocMonth(notice.effectiveMonth);
  const rocYear = notice.year - 1911;
  if (notice.outcome === 'change')
    return {
      zh: `台端領取之「${notice.program.zh}」，經${rocYear}年度調查重新核定，自${from}起每月改發${formatNtdZh(notice.newAmountNtd!)}（原每月${formatNtdZh(notice.previousAmountNtd)}）。`,
      en: `After the annual review of ${notice.year}, your ${notice.program.en} is NT$${formatNtd(notice.newAmountNtd!)} a month from ${englishMonth(notice.effectiveMonth)} (NT$${formatNtd(notice.previousAmountNtd)} before).`,
    };
  return {
    zh: `台端領取之「${notice.program.zh}」，經${rocYear}年度調查，已不符發給資格，自${from}起停止發給，理由詳如說明。已領取${from}以後之款項，應予繳回或自後續給付扣抵。`,
    en: `After the annual review of ${notice.year}, your ${notice.program.en} stops from ${englishMonth(notice.effectiveMonth)}, for the reasons below. Any amount received for those months is to be repaid or deducted from later payments.`,
  };
}

export async function renderReviewNotice(notice: ReviewNotice): Promise<Buffer> {
  validate(notice);
  const bureau = notice.bureau ?? KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU;
  const change = notice.outcome === 'change';
  const about = subject(notice);
  const appeal = appealText(bureau);
  const reasons = reasonBlocks(notice.reasons);
  const fields: [string, string][] = [
    ['受文者 Payee', notice.payeeName],
    ['發文日期 Date', rocDate(notice.confirmedOn)],
    ['發文字號 Reference', notice.referenceNumber],
    ['給付項目 Program', `${notice.program.zh}　${notice.program.en}`],
    ['調查年度 Review', `${notice.year - 1911}年度（${notice.year}）`],
    ['調查結果 Outcome', change ? '變更核定 Amount changed' : '停止發給 Stopped'],
    ['原每月金額 Previous amount', ntd(notice.previousAmountNtd)],
    ['新每月金額 New amount', change ? ntd(notice.newAmountNtd!) : '停止發給 none'],
    ['生效月份 From', `${rocMonth(notice.effectiveMonth)}（${englishMonth(notice.effectiveMonth)}）`],
  ];
  return renderNoticePdf(
    noticeDocument({
      bureau,
      title: change ? '年度調查變更核定通知書' : '年度調查停止發給通知書',
      titleEn: change
        ? 'Annual review: notice of a changed amount'
        : 'Annual review: notice that payment stops',
      referenceNumber: notice.referenceNumber,
      about: notice.program.zh,
      fields,
      body: noticeBody({ subject: about, reasons, legalBasis: citedLaws(notice.legalBasis), appeal }),
    }),
  );
}
