import type { ChartSpec } from '@safetynet/core/reports/charts';
import * as echarts from 'echarts';
import { escapeXml } from './table-export.ts';

type EChartsOption = echarts.EChartsOption;

/**
 * A chart spec (core/reports/charts.ts) rendered as SVG on the server, with ECharts' server-side renderer:
 * the same option the web page draws. The SVG gets the spec's title and description as <title> and <desc>
 * (role="img"), which the server renderer does not write itself, so the file has an accessible name too.
 */
export function chartSvg<Option extends EChartsOption>(spec: ChartSpec<Option>): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  try {
    chart.setOption(spec.option);
    const svg = chart.renderToSVGString();
    return svg.replace(
      /^<svg\b([^>]*)>/,
      (_match, attributes: string) =>
        `<svg${attributes} role="img" aria-labelledby="chart-title chart-desc">` +
        `<title id="chart-title">${escapeXml(spec.title)}</title>` +
        `<desc id="chart-desc">${escapeXml(spec.description)}</desc>`,
    );
  } finally {
    chart.dispose();
  }
}

export const SVG_CONTENT_TYPE = 'image/svg+xml; charset=utf-8';
