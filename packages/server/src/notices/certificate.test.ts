import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderCertificate } from './certificate.ts';
import { pdfText, pdftotextMissing } from './pdf-text.ts';

test('the certificate PDF reads in Chinese: title, bureau, masked name, statuses, ROC dates, code', {
  skip: pdftotextMissing,
}, async () => {
  const pdf = await renderCertificate({
    holderName: '王○明',
    statuses: [
      { zh: '低收入戶（第2類）', en: 'Low-income household (category 2)', legalBasis: '社會救助法第4條' },
      {
        zh: '身心障礙者（中度）',
        en: 'Person with disabilities (moderate)',
        legalBasis: '身心障礙者權益保障法第5條、第6條',
      },
    ],
    issuedOn: '2024-06-30',
    validUntil: '2024-09-29',
    code: '7K3M-9QXR-2HBW',
    verifyUrl: 'https://safetynet.example/verify/7K3M-9QXR-2HBW',
  });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfText(pdf);
  for (const expected of [
    '資格證明書',
    '高雄市政府社會局',
    '王○明',
    '低收入戶（第2類）',
    '身心障礙者（中度）',
    '社會救助法第4條',
    '民國113年6月30日',
    '民國113年9月29日',
    '7K3M-9QXR-2HBW',
  ])
    assert.ok(text.includes(expected), `${expected} not in the text:\n${text}`);
  assert.doesNotMatch(text, /[A-Z][12]\d{8}/, 'no ID number');
});

test('a certificate without a status or with a malformed date is refused', async () => {
  const base = {
    holderName: '王○明',
    statuses: [{ zh: '中低收入戶', en: 'Mid-low-income household', legalBasis: '社會救助法第4條之1' }],
    issuedOn: '2024-06-30',
    validUntil: '2024-09-29',
    code: '7K3M-9QXR-2HBW',
    verifyUrl: 'https://safetynet.example/verify/7K3M-9QXR-2HBW',
  };
  await assert.rejects(renderCertificate({ ...base, statuses: [] }), RangeError);
  await assert.rejects(renderCertificate({ ...base, issuedOn: '113/06/30' }), RangeError);
});
