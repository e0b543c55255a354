/**
 * Build-time downloads of every chart: `/data/stats-<lang>-<chart>.csv` (its data table) and
 * `.svg` (the image, styles embedded).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES } from '../../i18n/locales.ts';
import { chartCsv, chartSvgFile } from '../../site/charts/chart-files.ts';
import type { ChartSpec } from '../../site/charts/chart-kit.ts';
import { siteCharts } from '../../site/charts/site-charts.ts';
import chartCss from '../../components/charts/chart.css?raw';

export const getStaticPaths = (() =>
  LOCALES.flatMap((lang) =>
    siteCharts(lang).flatMap((spec) =>
      (['csv', 'svg'] as const).map((ext) => ({
        params: { file: `${lang}-${spec.id}.${ext}` },
        props: { spec, ext },
      })),
    ),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ChartSpec; ext: 'csv' | 'svg' };
  return ext === 'csv'
    ? new Response(chartCsv(spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(chartSvgFile(spec, chartCss), {
        headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
      });
};
