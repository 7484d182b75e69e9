import assert from 'node:assert/strict';
import { test } from 'node:test';
import { districtChart, periodLabel, trendChart } from './charts.ts';

const program = { zh: '中低收入老人生活津貼', en: 'Senior living allowance' };

test('the period in the ROC calendar, or ISO months in English', () => {
  assert.equal(periodLabel('2024-01', '2024-06', 'zh-TW'), '113年1月至113年6月');
  assert.equal(periodLabel('2024-01', '2024-01', 'zh-TW'), '113年1月');
  assert.equal(periodLabel('2024-01', '2024-06', 'en'), '2024-01 to 2024-06');
});

test('trend: a line per program with its values in month order, titles in either language', () => {
  const input = {
    measure: 'personTimes' as const,
    months: ['2024-01', '2024-02'],
    series: [{ programId: 'p', name: program, values: [5, 6] }],
  };
  const zh = trendChart({ ...input, language: 'zh-TW' });
  assert.equal(zh.title, '各方案每月人次');
  assert.deepEqual(zh.option.xAxis.data, ['113年1月', '113年2月']);
  assert.deepEqual(
    zh.option.series.map((s) => [s.type, s.name, s.data]),
    [['line', program.zh, [5, 6]]],
  );
  assert.match(zh.description, /^折線圖：113年1月至113年2月各月人次，共1項方案：中低收入老人生活津貼。$/);
  const en = trendChart({ ...input, language: 'en' });
  assert.equal(en.title, 'Person-times by month and program');
  assert.deepEqual(en.option.xAxis.data, ['2024-01', '2024-02']);
  assert.equal(en.option.series[0]?.name, program.en);
});

test('districts: the first district at the top, amounts on the axis in 萬 and 億', () => {
  const spec = districtChart({
    language: 'zh-TW',
    measure: 'amountNtd',
    from: '2024-01',
    to: '2024-01',
    program,
    districts: [
      { code: 'a', name: { zh: '鹽埕區', en: 'Yancheng' }, value: 150_000_000 },
      { code: 'b', name: { zh: '鼓山區', en: 'Gushan' }, value: 20_000 },
    ],
  });
  // A category axis draws its first value at the bottom: the list is reversed so 鹽埕區 reads first.
  assert.deepEqual(spec.option.yAxis.data, ['鼓山區', '鹽埕區']);
  assert.deepEqual(spec.option.series[0]?.data, [20_000, 150_000_000]);
  assert.equal(spec.option.xAxis.axisLabel.formatter(150_000_000), '1億5,000萬');
  assert.equal(spec.option.xAxis.axisLabel.formatter(20_000), '2萬');
});
