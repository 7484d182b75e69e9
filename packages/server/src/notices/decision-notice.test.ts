import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type DecisionNotice, formatNtdZh, renderDecisionNotice } from './decision-notice.ts';
import { citeLaw } from './law-citations.ts';
import { noticeFont } from './notice-font.ts';

const approval: DecisionNotice = {
  referenceNumber: '高市社助字第1130012345號',
  applicantName: '王小明',
  address: '高雄市苓雅區四維三路2號',
  program: { zh: '低收入戶生活扶助', en: 'Low-income household living assistance' },
  outcome: 'approved',
  monthlyAmountNtd: 3772,
  firstMonth: '2024-07',
  reasons: [
    {
      message: {
        zh: '家庭總收入平均分配全家人口，每人每月未超過最低生活費',
        en: 'Income per member is below the minimum living expense',
      },
      reference: 'D0050078 第4條第1項',
    },
  ],
  legalBasis: ['D0050078 第10條'],
  decidedOn: '2024-06-30',
};

const rejection: DecisionNotice = {
  referenceNumber: '高市社助字第1130012399號',
  applicantName: '陳美玲',
  program: { zh: '中低收入老人生活津貼', en: 'Living allowance for mid- or low-income seniors' },
  outcome: 'rejected',
  monthlyAmountNtd: null,
  firstMonth: null,
  reasons: [
    {
      message: { zh: '申請人未滿65歲', en: 'The applicant is under 65' },
      reference: 'D0050045 第2條第1項第1款',
    },
    {
      message: {
        zh: '家庭總收入超過最低生活費2.5倍',
        en: 'Household income exceeds 2.5 times the minimum living expense',
      },
      reference: 'D0050045 第2條第1項第2款',
    },
  ],
  legalBasis: ['D0050037 第12條', 'D0050045 第2條'],
  decidedOn: '2024-11-05',
};

/** The PDF's text as poppler's pdftotext reads it, or undefined when pdftotext is not installed. */
function extractText(pdf: Buffer): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'notice-'));
  try {
    const file = join(dir, 'notice.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.error) return undefined;
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
const needsPdftotext = hasPdftotext ? false : 'pdftotext is not installed (Debian package poppler-utils)';

function assertPdf(pdf: Buffer): void {
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length < 300 * 1024, `a notice embeds only the glyphs it uses (${pdf.length} bytes)`);
  // The font is embedded as a subset (a tag like ABCDEF+ before its name), never whole (5 MB and more).
  assert.match(pdf.toString('latin1'), /\/FontName \/[A-Z]{6}\+/);
}

test('an approval renders as a small PDF with the subset font', async () => {
  assertPdf(await renderDecisionNotice(approval));
});

test('a rejection renders as a small PDF', async () => {
  assertPdf(await renderDecisionNotice(rejection));
});

test('the approval reads in Traditional Chinese: bureau, outcome, amount, ROC dates, reasons', {
  skip: needsPdftotext,
}, async () => {
  const text = extractText(await renderDecisionNotice(approval));
  assert.ok(text !== undefined);
  for (const expected of [
    '高雄市政府社會局',
    '核定通知書',
    '王小明',
    '高市社助字第1130012345號',
    '低收入戶生活扶助',
    '新臺幣3,772元',
    '民國113年6月30日',
    '自民國113年7月起每月核發新臺幣3,772元',
    '家庭總收入平均分配全家人口，每人每月未超過最低生活費',
    '社會救助法第4條第1項',
    '社會救助法第10條',
    '送達之次日起30日內',
    '向高雄市政府',
  ]) {
    assert.ok(text.includes(expected), `missing ${expected}`);
  }
  assert.ok(!text.includes('不予核定'));
});

test('the rejection states 不予核定, every reason and how to appeal, and no amount', {
  skip: needsPdftotext,
}, async () => {
  const text = extractText(await renderDecisionNotice(rejection));
  assert.ok(text !== undefined);
  for (const expected of [
    '高雄市政府社會局',
    '不予核定',
    '民國113年11月5日',
    '申請人未滿65歲',
    '家庭總收入超過最低生活費2.5倍',
    '中低收入老人生活津貼發給辦法第2條第1項第1款',
    '老人福利法第12條',
    '訴願',
  ]) {
    assert.ok(text.includes(expected), `missing ${expected}`);
  }
  assert.ok(!text.includes('新臺幣'), 'a rejection shows no amount');
});

test('a notice that contradicts itself is refused before rendering', async () => {
  await assert.rejects(renderDecisionNotice({ ...rejection, reasons: [] }), /reasons/);
  await assert.rejects(renderDecisionNotice({ ...approval, monthlyAmountNtd: 3772.5 }), /integer/);
  await assert.rejects(renderDecisionNotice({ ...approval, firstMonth: null }), /first month/);
  await assert.rejects(renderDecisionNotice({ ...approval, decidedOn: '113/06/30' }), /decidedOn/);
});

test('amounts, law citations and the font setting', () => {
  assert.equal(formatNtdZh(3772), '新臺幣3,772元');
  assert.equal(formatNtdZh(1_234_567), '新臺幣1,234,567元');
  assert.equal(citeLaw('D0050078 第5-1條第1項'), '社會救助法第5-1條第1項');
  assert.equal(citeLaw('000 參(二)1'), '000 參(二)1', 'not a law code: as written');
  const packaged = noticeFont({});
  assert.match(packaged.regular, /NotoSansHant-Regular\.otf$/);
  assert.deepEqual(noticeFont({ SAFETYNET_PDF_FONT: packaged.bold }), {
    regular: packaged.bold,
    bold: packaged.bold,
  });
  assert.throws(() => noticeFont({ SAFETYNET_PDF_FONT: '/nonexistent/font.ttf' }), /SAFETYNET_PDF_FONT/);
});
