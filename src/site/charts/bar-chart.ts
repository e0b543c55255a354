/**
 * Horizontal stacked bars, one per category, the category's name above its bar so that long
 * names (scanner models, kernels) fit on a phone. Used for every categorical distribution.
 */
import { bottomAxis, legend, legendHeight, LINE, px, svgRoot, type ChartSeries } from './common.ts';
import { h, type SvgNode } from './svg-tree.ts';

export interface BarChartData {
  title: string;
  /** Axis label with unit, e.g. "Studies". */
  xLabel: string;
  series: readonly ChartSeries[];
  /** One row per category; `values[i]` belongs to `series[i]`. */
  rows: readonly { label: string; values: readonly number[] }[];
  /** What the categories are, with unit (e.g. "Slice thickness, mm"), shown above the bars. */
  categoryLabel?: string;
  /** Show the colour legend (default: when there is more than one series). */
  legend?: boolean;
}

const BAR = 14;

/**
 * Tooltip name of a bar segment: "row · series", or just the row when they say the same.
 * @example segmentName('Male', 'Male') // 'Male'
 */
function segmentName(row: string, series: string): string {
  return row === series ? row : `${row} · ${series}`;
}
const ROW = LINE + BAR + 8;

export function barChart(data: BarChartData, width: number): SvgNode {
  const showLegend = data.legend ?? data.series.length > 1;
  const labelTop = showLegend ? legendHeight(data.series, width) : 0;
  const top = labelTop + (data.categoryLabel ? LINE + 2 : 0);
  const right = 44;
  const plotBottom = top + Math.max(1, data.rows.length) * ROW;
  const max = Math.max(0, ...data.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const axis = bottomAxis(max, 8, width - right, plotBottom + 4, top, data.xLabel);
  const rows = data.rows.map((row, i) => {
    const y = top + i * ROW;
    let x = 0;
    const total = row.values.reduce((a, b) => a + b, 0);
    const segments = row.values.map((value, k) => {
      const x0 = x;
      x += value;
      if (value === 0) return null;
      const left = axis.scale(x0);
      return h(
        'rect',
        {
          class: data.series[k]!.className,
          x: px(left),
          y: y + LINE,
          width: px(Math.max(0.5, axis.scale(x) - left)),
          height: BAR,
        },
        h('title', {}, `${segmentName(row.label, data.series[k]!.label)}: ${value}`),
      );
    });
    return h(
      'g',
      { class: 'chart-row' },
      h('text', { x: 0, y: y + 12 }, row.label),
      segments,
      h('text', { x: px(axis.scale(total) + 4), y: y + LINE + 11 }, String(total)),
    );
  });
  return svgRoot(
    data.title,
    width,
    plotBottom + 44,
    showLegend ? legend(data.series, width) : h('g'),
    data.categoryLabel
      ? h('text', { x: 0, y: labelTop + 12, class: 'chart-muted' }, data.categoryLabel)
      : h('g'),
    axis.node,
    h('g', {}, rows),
  );
}
