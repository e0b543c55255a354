/**
 * The build-time charts of the whole dataset, per locale, computed once per build and shared
 * by the statistics page and the chart file endpoints.
 */
import type { Locale } from '../../domain/labels.ts';
import { source, stats } from '../../site/data.ts';
import type { ChartSpec } from './chart-kit.ts';
import { buildCharts } from './chart-specs.ts';
import { DEFAULT_WIDTH } from './common.ts';

const cache = new Map<Locale, ChartSpec[]>();

export function siteCharts(locale: Locale): ChartSpec[] {
  let specs = cache.get(locale);
  if (!specs) {
    specs = buildCharts(stats, { locale, source, datasetTotal: stats.total, width: DEFAULT_WIDTH });
    cache.set(locale, specs);
  }
  return specs;
}
