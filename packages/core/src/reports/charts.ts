import { formatRocMonth, type IsoMonth } from '../calendar.ts';
import { formatCount, formatYiWan } from './report-numbers.ts';
import {
  type AgeBand,
  type Bilingual,
  type Language,
  MEASURE_LABELS,
  type Measure,
  SEX_LABELS,
  textIn,
} from './statistics-definitions.ts';

/**
 * The statistics charts (Apache ECharts options) as pure functions of their figures: the web page draws
 * them in the browser and the server renders the very same option as SVG (reports/chart-svg.ts), so a
 * downloaded chart is the one on screen. Each spec carries its title and a one-sentence description, the
 * chart's accessible name and summary; its data is offered as a table beside it.
 */
export interface ChartSpec<Option> {
  title: string;
  description: string;
  /** The size it is drawn at on the server (the page fits it to its column). */
  width: number;
  height: number;
  option: Option;
}

/** 「113年1月至113年6月」 / "2024-01 to 2024-06"; one month alone when from = to. */
export function periodLabel(from: IsoMonth, to: IsoMonth, language: Language): string {
  if (language === 'en') return from === to ? from : `${from} to ${to}`;
  return from === to ? formatRocMonth(from) : `${formatRocMonth(from)}至${formatRocMonth(to)}`;
}

const monthLabel = (month: IsoMonth, language: Language) =>
  language === 'en' ? month : formatRocMonth(month);

/** Axis numbers as the bureau writes them: amounts in 萬/億 in Chinese, thousands separators otherwise. */
function axisNumber(measure: Measure, language: Language) {
  return (value: number) =>
    measure === 'amountNtd' && language !== 'en' && Number.isSafeInteger(value)
      ? formatYiWan(value)
      : Number.isSafeInteger(value)
        ? formatCount(value)
        : String(value);
}

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'] as const;

/** Shared by every chart: no animation (the server renders one frame), patterns besides colours. */
function base(title: string, subtitle: string) {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    // Decal patterns tell series apart without relying on colour alone.
    aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
    title: { text: title, subtext: subtitle, left: 'center', textStyle: { fontSize: 16 } },
    tooltip: { trigger: 'axis' as const },
    textStyle: { fontFamily: 'sans-serif' },
  };
}

export interface TrendInput {
  language: Language;
  measure: Measure;
  months: readonly IsoMonth[];
  /** One line per program, its values in the order of `months`. */
  series: readonly { programId: string; name: Bilingual; values: readonly number[] }[];
}

/** 每月趨勢 A line per program over the months. */
export function trendChart(input: TrendInput) {
  const { language, measure, months } = input;
  const from = months[0] ?? '';
  const to = months[months.length - 1] ?? '';
  const period = months.length ? periodLabel(from, to, language) : '';
  const measureLabel = textIn(MEASURE_LABELS[measure], language);
  const title = language === 'en' ? `${measureLabel} by month and program` : `各方案每月${measureLabel}`;
  const names = input.series.map((s) => textIn(s.name, language));
  const description =
    language === 'en'
      ? `Line chart of ${measureLabel} per month, ${period}, for ${names.length} program(s): ${names.join(', ')}.`
      : `折線圖：${period}各月${measureLabel}，共${names.length}項方案：${names.join('、')}。`;
  const option = {
    ...base(title, period),
    legend: { type: 'scroll' as const, bottom: 0 },
    grid: { left: 24, right: 32, top: 72, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category' as const,
      boundaryGap: false,
      data: months.map((m) => monthLabel(m, language)),
    },
    yAxis: {
      type: 'value' as const,
      name: measureLabel,
      minInterval: 1,
      axisLabel: { formatter: axisNumber(measure, language) },
    },
    series: input.series.map((s, k) => ({
      type: 'line' as const,
      name: textIn(s.name, language),
      symbol: SYMBOLS[k % SYMBOLS.length],
      symbolSize: 7,
      data: [...s.values],
    })),
  };
  return { title, description, width: 800, height: 450, option } satisfies ChartSpec<typeof option>;
}

export interface DistrictInput {
  language: Language;
  measure: Measure;
  from: IsoMonth;
  to: IsoMonth;
  program: Bilingual;
  /** In the order to show (the server gives the districts' official order). */
  districts: readonly { code: string; name: Bilingual; value: number }[];
}

/** 行政區比較 A horizontal bar per district (38 names read better down the side than along the bottom). */
export function districtChart(input: DistrictInput) {
  const { language, measure } = input;
  const measureLabel = textIn(MEASURE_LABELS[measure], language);
  const program = textIn(input.program, language);
  const period = periodLabel(input.from, input.to, language);
  const title =
    language === 'en' ? `${program}: ${measureLabel} by district` : `${program}各行政區${measureLabel}`;
  const top = [...input.districts].sort((a, b) => b.value - a.value).slice(0, 3);
  const topText = top.map((d) => `${textIn(d.name, language)} ${axisNumber(measure, language)(d.value)}`);
  const description =
    language === 'en'
      ? `Bar chart of ${measureLabel} in each of ${input.districts.length} districts, ${period}. Highest: ${topText.join(', ')}.`
      : `長條圖：${period}${input.districts.length}個行政區之${measureLabel}。最多者：${topText.join('、')}。`;
  // Read from the top: the first district first (a category axis draws its first value at the bottom).
  const shown = [...input.districts].reverse();
  const option = {
    ...base(title, period),
    grid: { left: 16, right: 48, top: 72, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value' as const,
      name: measureLabel,
      minInterval: 1,
      axisLabel: { formatter: axisNumber(measure, language) },
    },
    yAxis: {
      type: 'category' as const,
      data: shown.map((d) => textIn(d.name, language)),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        type: 'bar' as const,
        name: measureLabel,
        data: shown.map((d) => d.value),
        label: {
          show: true,
          position: 'right' as const,
          formatter: ({ value }: { value: unknown }) => axisNumber(measure, language)(Number(value)),
        },
      },
    ],
  };
  return { title, description, width: 800, height: 960, option } satisfies ChartSpec<typeof option>;
}

export interface AgeSexInput {
  language: Language;
  from: IsoMonth;
  to: IsoMonth;
  /** What is counted: the program, or e.g. 「所選方案」 for several. */
  subject: Bilingual;
  bands: readonly { band: AgeBand; M: number; F: number }[];
}

/** 年齡及性別 Grouped bars: recipients per age band, men and women side by side. */
export function ageSexChart(input: AgeSexInput) {
  const { language } = input;
  const subject = textIn(input.subject, language);
  const period = periodLabel(input.from, input.to, language);
  const title = language === 'en' ? `${subject}: recipients by age and sex` : `${subject}受益人年齡及性別`;
  const male = textIn(SEX_LABELS.M, language);
  const female = textIn(SEX_LABELS.F, language);
  const totals = { M: 0, F: 0 };
  for (const b of input.bands) {
    totals.M += b.M;
    totals.F += b.F;
  }
  const description =
    language === 'en'
      ? `Bar chart of recipients in ${input.bands.length} age bands (age at the end of the period), ${period}; ${formatCount(totals.M)} male, ${formatCount(totals.F)} female.`
      : `長條圖：${period}受益人按${input.bands.length}個年齡組（以期末年齡計）及性別；男${formatCount(totals.M)}人、女${formatCount(totals.F)}人。`;
  const subtitle = language === 'en' ? `${period}; age at the end of the period` : `${period}；年齡以期末計`;
  const persons = textIn(MEASURE_LABELS.persons, language);
  const option = {
    ...base(title, subtitle),
    legend: { bottom: 0 },
    grid: { left: 24, right: 32, top: 72, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category' as const,
      name: language === 'en' ? 'Age' : '年齡',
      nameLocation: 'middle' as const,
      nameGap: 28,
      data: input.bands.map((b) => textIn(b.band.label, language)),
    },
    yAxis: {
      type: 'value' as const,
      name: persons,
      minInterval: 1,
      axisLabel: { formatter: axisNumber('persons', language) },
    },
    series: [
      { type: 'bar' as const, name: male, data: input.bands.map((b) => b.M) },
      { type: 'bar' as const, name: female, data: input.bands.map((b) => b.F) },
    ],
  };
  return { title, description, width: 800, height: 450, option } satisfies ChartSpec<typeof option>;
}
