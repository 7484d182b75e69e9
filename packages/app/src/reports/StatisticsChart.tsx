import type { ChartSpec } from '@safetynet/core/reports/charts';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../api.ts';

/** The API address of a statistic in a format (the same parameters as the JSON it was drawn from). */
export const statisticUrl = (path: string, params: Record<string, string | undefined>, format: string) =>
  `/api/v1${path}${query({ ...params, format })}`;

/**
 * One statistic: its heading, the chart (ECharts, loaded on first use), the chart's title as its accessible
 * name and its one-sentence summary as its description, the downloads, and the data table below it (a
 * chart alone is not accessible: the table holds every value drawn).
 */
export function StatisticsChart({
  heading,
  spec,
  download,
  table,
}: {
  heading: string;
  spec: ChartSpec<object>;
  /** The statistic's address and parameters; each download adds its format. */
  download: { path: string; params: Record<string, string | undefined> };
  table: ReactNode;
}) {
  const { t, i18n } = useTranslation('statistics');
  const headingId = useId();
  const descriptionId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    let chart: { dispose(): void; resize(): void } | undefined;
    setState('loading');
    import('./echarts-setup.ts').then(
      ({ echarts }) => {
        if (!live || !ref.current) return;
        const drawn = echarts.init(ref.current, null, { renderer: 'svg' });
        drawn.setOption(spec.option as Parameters<typeof drawn.setOption>[0], true);
        chart = drawn;
        setState('shown');
      },
      () => live && setState('failed'),
    );
    const resize = () => chart?.resize();
    window.addEventListener('resize', resize);
    return () => {
      live = false;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [spec]);

  const params = { ...download.params, language: i18n.language.startsWith('en') ? 'en' : 'zh-TW' };
  // The visible text is the format; the hidden words before it name the chart, so each link says which.
  const link = (format: 'csv' | 'xlsx' | 'svg') => (
    <a href={statisticUrl(download.path, params, format)} download>
      <span className="visually-hidden">{t('download', { chart: heading })} </span>
      {t(format)}
    </a>
  );
  return (
    <section aria-labelledby={headingId} className="statistic">
      <h2 id={headingId}>{heading}</h2>
      {state === 'loading' && <p className="hint">{t('chartLoading')}</p>}
      {state === 'failed' && <p className="hint">{t('chartFailed')}</p>}
      <div
        ref={ref}
        role="img"
        aria-label={spec.title}
        aria-describedby={descriptionId}
        style={{ width: '100%', maxWidth: `${spec.width}px`, height: `${spec.height}px` }}
      />
      <p id={descriptionId} className="hint">
        {spec.description}
      </p>
      <p className="actions">
        {t('downloads', { chart: heading })} {link('csv')} {link('xlsx')} {link('svg')}
      </p>
      {table}
    </section>
  );
}
