/**
 * The eligibility certificate (資格證明書) as a PDF in Traditional Chinese with English beside it: the
 * bureau, the holder's masked name, each status stated with its legal basis, the day of issue and the last
 * day of validity (ROC dates), the verification code and a QR code of the public verification page. Built
 * from the notices' parts (decision-notice.ts: letterhead, layout, font); plain data in, a PDF out.
 */
import { type IsoDate, isIsoDate } from '@safetynet/core/calendar';
import QRCode from 'qrcode';
import {
  english,
  KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU,
  noticeDocument,
  renderNoticePdf,
  rocDate,
  section,
} from './decision-notice.ts';

export interface CertificatePdf {
  bureau?: string;
  /** As the certificate states it: masked (王○明). */
  holderName: string;
  statuses: { zh: string; en: string; legalBasis: string }[];
  issuedOn: IsoDate;
  validUntil: IsoDate;
  /** XXXX-XXXX-XXXX. */
  code: string;
  /** The public verification page of this certificate (the QR code's content). */
  verifyUrl: string;
}

export async function renderCertificate(certificate: CertificatePdf): Promise<Buffer> {
  if (!isIsoDate(certificate.issuedOn) || !isIsoDate(certificate.validUntil))
    throw new RangeError('issuedOn and validUntil are YYYY-MM-DD dates');
  if (certificate.statuses.length === 0) throw new RangeError('a certificate states at least one status');
  const bureau = certificate.bureau ?? KAOHSIUNG_SOCIAL_AFFAIRS_BUREAU;
  const qr = await QRCode.toString(certificate.verifyUrl, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
  const fields: [string, string][] = [
    ['持有人 Holder', certificate.holderName],
    ['證明事項 Certified', certificate.statuses.map((s) => s.zh).join('、')],
    ['發證日期 Issued', rocDate(certificate.issuedOn)],
    ['有效期限 Valid until', `${rocDate(certificate.validUntil)}（含當日 inclusive）`],
    ['驗證碼 Verification code', certificate.code],
  ];
  const statuses = certificate.statuses.map((status, index) => ({
    stack: [
      `${index + 1}. ${status.zh}`,
      english(status.en),
      { text: `法令依據 Legal basis：${status.legalBasis}`, style: 'small' },
    ],
    margin: [0, 0, 0, 4],
  }));
  return renderNoticePdf(
    noticeDocument({
      bureau,
      title: '資格證明書',
      titleEn: 'Certificate of eligibility',
      referenceNumber: certificate.code,
      about: certificate.statuses.map((s) => s.zh).join('、'),
      fields,
      body: [
        section('證明事項', 'What this certifies'),
        `茲證明上列持有人於發證日期經本局登錄為下列身分：`,
        english('The registers of this bureau list the holder above, on the day of issue, as follows:'),
        ...statuses,
        section('查驗方式', 'How to check'),
        `本證明書之真偽及效力，請掃描下方QR碼或至 ${certificate.verifyUrl} 查驗，驗證碼：${certificate.code}。逾有效期限或經撤銷者失其效力。`,
        english(
          'Scan the QR code or open the address above to check that this certificate is genuine and current. It is void after its validity or once revoked.',
        ),
        { svg: qr, width: 120, alignment: 'center', margin: [0, 12, 0, 0] },
      ],
    }),
  );
}
