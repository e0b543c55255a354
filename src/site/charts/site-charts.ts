/**
 * The build-time charts of the whole dataset, per locale, computed once per build and shared
 * by the statistics page and the chart file endpoints.
 */
import type { Locale } from '../../i18n/locales.ts';
import { source, stats } from '../../site/data.ts';
import type { ChartSpec } from './chart-kit.ts';
import { buildCharts } from './chart-specs.ts';
import { DEFAULT_WIDTH } from './common.ts';

const cache = new Map<string, ChartSpec[]>();

/** The charts at `width` (the viewBox; the SVG scales to its container). */
export function siteCharts(locale: Locale, width = DEFAULT_WIDTH): ChartSpec[] {
  const key = `${locale} ${width}`;
  let specs = cache.get(key);
  if (!specs) {
    specs = buildCharts(stats, { locale, source, datasetTotal: stats.total, width });
    cache.set(key, specs);
  }
  return specs;
}
