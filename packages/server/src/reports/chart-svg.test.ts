import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageSexChart, districtChart, trendChart } from '@safetynet/core/reports/charts';
import { AGE_BANDS } from '@safetynet/core/reports/statistics-definitions';
import { chartSvg } from './chart-svg.ts';

const senior = { zh: '中低收入老人生活津貼', en: 'Senior living allowance' };
const child = { zh: '低收入戶子女生活扶助', en: 'Child allowance' };

/** The text drawn in the SVG (ECharts writes each label as a <text> element). */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

test('trend chart: the SVG has the title, the period, a line and a legend entry per program', () => {
  const spec = trendChart({
    language: 'zh-TW',
    measure: 'persons',
    months: ['2024-01', '2024-02', '2024-03'],
    series: [
      { programId: 'senior-living-allowance', name: senior, values: [10, 12, 11] },
      { programId: 'low-income-child-allowance', name: child, values: [3, 4, 5] },
    ],
  });
  const svg = chartSvg(spec);
  assert.match(svg, /^<svg\b[^>]* role="img" aria-labelledby="chart-title chart-desc">/);
  assert.ok(svg.includes('<title id="chart-title">各方案每月人數</title>'));
  assert.ok(svg.includes(`<desc id="chart-desc">${spec.description}</desc>`));
  const drawn = texts(svg);
  assert.ok(drawn.includes('各方案每月人數'));
  assert.ok(drawn.includes('113年1月至113年3月'));
  assert.ok(drawn.includes(senior.zh) && drawn.includes(child.zh), 'a legend entry per program');
  assert.ok(drawn.includes('113年2月'), 'months on the axis in the ROC calendar');
  // One polyline path per series (ECharts draws a line as a path without fill).
  const lines = [...svg.matchAll(/<path d="M[^"]*" fill="none"[^>]*stroke-width="2"/g)];
  assert.equal(lines.length, 2);
});

test('the English variant and escaping of the description', () => {
  const spec = trendChart({
    language: 'en',
    measure: 'amountNtd',
    months: ['2024-01'],
    series: [{ programId: 'x', name: { zh: '甲', en: 'A & B <1>' }, values: [1_000] }],
  });
  const svg = chartSvg(spec);
  assert.ok(svg.includes('<title id="chart-title">Amount (NTD) by month and program</title>'));
  assert.ok(svg.includes('A &amp; B &lt;1&gt;'));
  assert.doesNotMatch(svg, /A & B <1>/);
});

test('district chart: every district on the axis, values labelled', () => {
  const spec = districtChart({
    language: 'zh-TW',
    measure: 'amountNtd',
    from: '2024-01',
    to: '2024-06',
    program: senior,
    districts: [
      { code: '64000080', name: { zh: '苓雅區', en: 'Lingya' }, value: 123_450_000 },
      { code: '64000120', name: { zh: '鳳山區', en: 'Fengshan' }, value: 7_000 },
    ],
  });
  const drawn = texts(chartSvg(spec));
  assert.ok(drawn.includes('中低收入老人生活津貼各行政區金額（元）'));
  assert.ok(drawn.includes('苓雅區') && drawn.includes('鳳山區'));
  assert.ok(drawn.includes('1億2,345萬'), 'amounts written in 億 and 萬');
  assert.match(spec.description, /最多者：苓雅區 1億2,345萬、鳳山區 7,000/);
});

test('age and sex chart: the bands on the axis, a series per sex', () => {
  const spec = ageSexChart({
    language: 'zh-TW',
    from: '2024-01',
    to: '2024-06',
    subject: senior,
    bands: AGE_BANDS.map((band, k) => ({ band, M: k, F: 2 * k })),
  });
  const svg = chartSvg(spec);
  const drawn = texts(svg);
  assert.ok(drawn.includes('中低收入老人生活津貼受益人年齡及性別'));
  assert.ok(drawn.includes('0–5歲') && drawn.includes('75歲以上'));
  assert.ok(drawn.includes('男') && drawn.includes('女'));
  assert.match(spec.description, /男28人、女56人/);
});
