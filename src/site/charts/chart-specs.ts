/**
 * The statistics page's charts as data: for one `Stats` (the whole dataset or a subset) and a
 * locale, each chart's title, caption, SVG tree and data table. The build renders these to
 * HTML and files; the explorer calls the same function in the browser for a subset, so both
 * show the same structure and the same numbers. Each chart is a definition (id, section,
 * build function) in the file of its section; this list is the page order.
 */
import type { Stats } from '../../domain/stats.ts';
import { chartKit, type ChartContext, type ChartSpec } from './chart-kit.ts';
import { ACQUISITION_CHARTS } from './charts-acquisition.ts';
import { FINDINGS_CHARTS } from './charts-findings.ts';
import { OVERVIEW_CHARTS } from './charts-overview.ts';
import { SERIES_CHARTS } from './charts-series.ts';

const CHARTS = [...OVERVIEW_CHARTS, ...FINDINGS_CHARTS, ...ACQUISITION_CHARTS, ...SERIES_CHARTS];

export type ChartId = (typeof CHARTS)[number]['id'];

/** The chart ids in page order (anchors, file endpoints, tests). */
export const CHART_IDS: readonly ChartId[] = CHARTS.map((chart) => chart.id);

export function buildCharts(stats: Stats, ctx: ChartContext): ChartSpec[] {
  const kit = chartKit(stats, ctx);
  const t = kit.t;
  const scope = t('stats.scope', {
    n: stats.total,
    count: ctx.datasetTotal,
    sha: ctx.source.registrySha256
      ? `${ctx.source.registrySha256.slice(0, 12)}…`
      : t('stats.scope.noSha'),
    date: ctx.source.builtAt.slice(0, 10),
  });
  return CHARTS.map((chart) => {
    const { title, caption, svg, table } = chart.build(kit);
    return { id: chart.id, section: chart.section, title, caption, scope, svg, table };
  });
}
