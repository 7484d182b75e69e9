import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AssetStatement, renderAssetStatement } from './asset-statement.ts';

const statement: AssetStatement = {
  referenceNumber: 'AS-2024-0190a0c2',
  holderName: '林小安',
  holderIdNumber: 'E12*****83',
  program: { zh: '兒童與少年未來教育及發展帳戶', en: "Children's future education and development account" },
  accountId: '0190a0c2-7e4f-4abc-8def-0123456789ab',
  year: 2024,
  openingBalanceNtd: 2_000,
  entries: [
    { date: '2024-02-01', kind: 'own', amountNtd: 6_000, balanceNtd: 8_000 },
    { date: '2024-02-01', kind: 'match', amountNtd: 6_000, balanceNtd: 14_000 },
  ],
  totals: { ownNtd: 6_000, matchNtd: 6_000 },
  closingBalanceNtd: 14_000,
  issuedOn: '2024-12-31',
};

test('a statement renders as a small PDF with the subset font', async () => {
  const pdf = await renderAssetStatement(statement);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length < 300 * 1024, `${pdf.length} bytes`);
  assert.match(pdf.toString('latin1'), /\/FontName \/[A-Z]{6}\+/);
});

test('a statement whose balances do not add up is refused', async () => {
  await assert.rejects(renderAssetStatement({ ...statement, closingBalanceNtd: 13_999 }), RangeError);
  const entries = [{ ...statement.entries[0]!, balanceNtd: 7_999 }, statement.entries[1]!];
  await assert.rejects(renderAssetStatement({ ...statement, entries }), RangeError);
});
