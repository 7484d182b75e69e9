import assert from 'node:assert/strict';
import { test } from 'node:test';
import { districtByCode, findDistrict, KAOHSIUNG_DISTRICTS } from './districts.ts';

test('38 districts with unique MOI codes summing to the 2023-12-31 registered population', () => {
  assert.equal(KAOHSIUNG_DISTRICTS.length, 38);
  assert.equal(new Set(KAOHSIUNG_DISTRICTS.map((x) => x.code)).size, 38);
  const total = KAOHSIUNG_DISTRICTS.reduce((sum, x) => sum + x.registeredPopulation, 0);
  assert.equal(total, 2_737_941);
});

test('codes follow the MOI table, not the mock lists that start with 新興區', () => {
  assert.equal(districtByCode('64000010')?.nameZh, '鹽埕區');
  assert.equal(districtByCode('64000100')?.nameZh, '旗津區');
  assert.equal(districtByCode('64000130')?.nameZh, '林園區');
  assert.equal(districtByCode('64000380')?.nameZh, '那瑪夏區');
});

test('findDistrict accepts a code, a Chinese name with or without 區, or the English name', () => {
  assert.equal(findDistrict('64000080')?.nameZh, '苓雅區');
  assert.equal(findDistrict('苓雅區')?.code, '64000080');
  assert.equal(findDistrict('鳳山')?.code, '64000120');
  assert.equal(findDistrict('fengshan')?.code, '64000120');
  assert.equal(findDistrict('台北'), undefined);
});
