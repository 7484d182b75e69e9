/**
 * The repayment request (溢領款繳回通知書): what was paid for a month beyond what was due, what is still
 * outstanding and by when it is to be repaid, why, the legal basis and how to appeal. Built from the
 * decision notice's parts (decision-notice.ts); plain data in, a PDF out.
 */
import { type IsoDate, type IsoMonth, isIsoDate, isIsoMonth } from '@safetynet/core/calendar';
import { formatNtd } from '@safetynet/core/money';
import {
  appealText,
  type Bilingual,
  englishMonth,
  formatNtdZh,
  KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU,
  noticeBody,
  noticeDocument,
  renderNoticePdf,
  rocDate,
  rocMonth,
} from './decision-notice.ts';

export interface RepaymentNotice {
  bureau?: string;
  referenceNumber: string;
  payeeName: string;
  program: Bilingual;
  /** The month overpaid. */
  period: IsoMonth;
  amountNtd: number;
  outstandingNtd: number;
  /** Why the month was not due (the overpayment's reason, as recorded). */
  reason: string;
  issuedOn: IsoDate;
  /** The day by which to repay. */
  dueOn: IsoDate;
}

// 行政程序法第127條: what was received on an administrative act that no longer stands for that time is
// returned (the entitlement's new version is that act).
const LEGAL_BASIS = '行政程序法第127條（受領給付之返還）';

const ntd = (amount: number) => `${formatNtdZh(amount)}（NT$${formatNtd(amount)}）`;

export async function renderRepaymentNotice(notice: RepaymentNotice): Promise<Buffer> {
  if (!isIsoDate(notice.issuedOn) || !isIsoDate(notice.dueOn)) throw new RangeError('dates are YYYY-MM-DD');
  if (!isIsoMonth(notice.period)) throw new RangeError('period is a YYYY-MM month');
  if (!Number.isSafeInteger(notice.outstandingNtd) || notice.outstandingNtd <= 0)
    throw new RangeError('a repayment request has an outstanding amount');
  const bureau = notice.bureau ?? KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU;
  const appeal = appealText(bureau);
  const about: Bilingual = {
    zh: `台端溢領${rocMonth(notice.period)}「${notice.program.zh}」${formatNtdZh(notice.amountNtd)}，尚待繳回${formatNtdZh(notice.outstandingNtd)}，請於${rocDate(notice.dueOn)}前繳回。`,
    en: `You received NT$${formatNtd(notice.amountNtd)} of ${notice.program.en} for ${englishMonth(notice.period)} that was not due; NT$${formatNtd(notice.outstandingNtd)} is still to be repaid, by ${notice.dueOn}.`,
  };
  return renderNoticePdf(
    noticeDocument({
      bureau,
      title: '溢領款繳回通知書',
      titleEn: 'Request to repay an overpayment',
      referenceNumber: notice.referenceNumber,
      about: notice.program.zh,
      fields: [
        ['受文者 Payee', notice.payeeName],
        ['發文日期 Date', rocDate(notice.issuedOn)],
        ['發文字號 Reference', notice.referenceNumber],
        ['給付項目 Program', `${notice.program.zh}　${notice.program.en}`],
        ['溢領月份 Month', `${rocMonth(notice.period)}（${englishMonth(notice.period)}）`],
        ['溢領金額 Overpaid', ntd(notice.amountNtd)],
        ['應繳回金額 To repay', ntd(notice.outstandingNtd)],
        ['繳回期限 Due', rocDate(notice.dueOn)],
      ],
      body: noticeBody({ subject: about, reasons: [notice.reason], legalBasis: LEGAL_BASIS, appeal }),
    }),
  );
}
