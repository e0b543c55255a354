/** The statistics page's charts of series: how many per study, how many images per series. */
import { barChart } from './bar-chart.ts';
import type { ChartDefinition } from './chart-kit.ts';
import { histogram } from './histogram.ts';

export const SERIES_CHARTS = [
  {
    id: 'series-per-study',
    section: 'series',
    build: ({ t, stats, width, studies, totalSeries }) => ({
      title: t('stats.chart.seriesPerStudy'),
      caption: t('stats.chart.seriesPerStudy.caption'),
      svg: barChart(
        {
          title: t('stats.chart.seriesPerStudy'),
          xLabel: studies,
          categoryLabel: t('stats.seriesCount'),
          series: totalSeries,
          rows: stats.seriesPerStudy.map((s) => ({ label: String(s.series), values: [s.count] })),
        },
        width,
      ),
      table: {
        head: [t('stats.seriesCount'), studies],
        rows: stats.seriesPerStudy.map((s) => [s.series, s.count]),
      },
    }),
  },
  {
    id: 'images-per-series',
    section: 'series',
    build: ({ t, stats, width, binLabel, num }) => {
      const images = stats.imagesPerSeries;
      return {
        title: t('stats.chart.imagesPerSeries'),
        caption: t('stats.chart.imagesPerSeries.caption', {
          bin: images.binImages,
          min: num(images.summary.min),
          median: num(images.summary.median),
          max: num(images.summary.max),
        }),
        svg: histogram(
          {
            title: t('stats.chart.imagesPerSeries'),
            xLabel: t('stats.imagesCount'),
            yLabel: t('stats.series'),
            series: [{ label: t('stats.series'), className: 'chart-s-total' }],
            bins: images.bins.map((b) => ({ label: String(b.from), values: [b.total] })),
            end: images.bins.length ? String(images.bins[images.bins.length - 1]!.to) : undefined,
          },
          width,
        ),
        table: {
          head: [t('stats.imagesCount'), t('stats.series')],
          rows: images.bins.map((b) => [binLabel(b.from, b.to), b.total]),
        },
      };
    },
  },
] as const satisfies readonly ChartDefinition[];
