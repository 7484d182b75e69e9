/**
 * A year's statement of an asset-building account (脫貧儲蓄帳戶年度對帳單) as a PDF in Traditional Chinese with
 * English beside it: the holder, the program, the balance brought forward, each own deposit and government
 * match with the running balance, the year's totals and the closing balance. Built from the notices' parts
 * (decision-notice.ts: letterhead, layout, font); plain data in, a PDF out.
 */
import { type IsoDate, isIsoDate } from '@safetynet/core/calendar';
import { formatNtd } from '@safetynet/core/money';
import {
  type Bilingual,
  english,
  formatNtdZh,
  KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU,
  noticeDocument,
  renderNoticePdf,
  rocDate,
  section,
} from './decision-notice.ts';

export interface StatementEntry {
  date: IsoDate;
  kind: 'own' | 'match';
  amountNtd: number;
  balanceNtd: number;
}

export interface AssetStatement {
  bureau?: string;
  referenceNumber: string;
  holderName: string;
  /** Masked. */
  holderIdNumber: string;
  program: Bilingual;
  accountId: string;
  year: number;
  openingBalanceNtd: number;
  entries: StatementEntry[];
  totals: { ownNtd: number; matchNtd: number };
  closingBalanceNtd: number;
  /** The day the statement is made, in Taipei. */
  issuedOn: IsoDate;
}

const KIND: Record<StatementEntry['kind'], string> = { own: '自存 Own deposit', match: '政府提撥 Match' };

function validate(statement: AssetStatement): void {
  if (!isIsoDate(statement.issuedOn)) throw new RangeError(`issuedOn is not a date: ${statement.issuedOn}`);
  let balance = statement.openingBalanceNtd;
  for (const entry of statement.entries) {
    balance += entry.amountNtd;
    if (entry.balanceNtd !== balance)
      throw new RangeError(`the running balance on ${entry.date} does not add up`);
  }
  if (balance !== statement.closingBalanceNtd) throw new RangeError('the closing balance does not add up');
}

export async function renderAssetStatement(statement: AssetStatement): Promise<Buffer> {
  validate(statement);
  const bureau = statement.bureau ?? KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU;
  const money = (amount: number) => `${formatNtdZh(amount)}（NT$${formatNtd(amount)}）`;
  const fields: [string, string][] = [
    ['帳戶持有人 Holder', `${statement.holderName}（${statement.holderIdNumber}）`],
    ['方案 Program', `${statement.program.zh}　${statement.program.en}`],
    ['帳戶編號 Account', statement.accountId],
    ['年度 Year', `${statement.year - 1911}年度（${statement.year}）`],
    ['期初餘額 Opening balance', money(statement.openingBalanceNtd)],
    ['本年自存 Own deposits', money(statement.totals.ownNtd)],
    ['本年政府提撥 Government match', money(statement.totals.matchNtd)],
    ['期末餘額 Closing balance', money(statement.closingBalanceNtd)],
    ['製表日期 Issued', rocDate(statement.issuedOn)],
  ];
  const rows = statement.entries.map((entry) => [
    rocDate(entry.date),
    KIND[entry.kind],
    { text: formatNtd(entry.amountNtd), alignment: 'right' },
    { text: formatNtd(entry.balanceNtd), alignment: 'right' },
  ]);
  const header = ['日期 Date', '項目 Item', '金額 Amount', '餘額 Balance'].map((text) => ({
    text,
    bold: true,
  }));
  return renderNoticePdf(
    noticeDocument({
      bureau,
      title: '脫貧儲蓄帳戶年度對帳單',
      titleEn: 'Asset-building account: statement of the year',
      referenceNumber: statement.referenceNumber,
      about: statement.program.zh,
      fields,
      body: [
        section('明細', 'Entries'),
        rows.length > 0
          ? {
              table: { headerRows: 1, widths: ['*', '*', 90, 90], body: [header, ...rows] },
              layout: 'lightHorizontalLines',
            }
          : '本年度無存款紀錄。',
        ...(rows.length > 0 ? [] : [english('No deposits this year.')]),
      ],
    }),
  );
}
