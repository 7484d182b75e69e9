import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * ECharts with only what the statistics charts use (core/reports/charts.ts). Imported dynamically by the
 * chart component, so the library is downloaded when a chart is first shown, not by the other pages.
 */
echarts.use([
  LineChart,
  BarChart,
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  AriaComponent,
  SVGRenderer,
]);

export { echarts };
