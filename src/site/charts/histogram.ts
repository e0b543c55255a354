/**
 * Vertical stacked bars over numeric bins [from, to): the age, tube current and images per
 * series distributions.
 */
import { scaleLinear } from 'd3';
import { legend, legendHeight, LINE, px, svgRoot, type ChartSeries } from './common.ts';
import { h, type SvgNode } from './svg-tree.ts';

export interface HistogramData {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  /** `label` is the bin's lower edge as shown under the axis. */
  bins: readonly { label: string; values: readonly number[] }[];
  /** The last bin's upper edge, labelled at the axis' end (so the last bar is bounded). */
  end?: string | undefined;
}

export function histogram(data: HistogramData, width: number, height = 220): SvgNode {
  const top = legendHeight(data.series, width) + 8;
  const left = 40;
  const right = 8;
  const bottom = height - 40;
  const totals = data.bins.map((b) => b.values.reduce((a, c) => a + c, 0));
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice(4)
    .range([bottom, top + LINE]);
  const step = (width - left - right) / Math.max(1, data.bins.length);
  const every = Math.ceil((data.bins.length * 30) / (width - left - right));
  const bars = data.bins.map((bin, i) => {
    let acc = 0;
    const x = left + i * step;
    return h(
      'g',
      {},
      bin.values.map((value, k) => {
        const y0 = y(acc);
        acc += value;
        if (value === 0) return null;
        return h(
          'rect',
          {
            class: data.series[k]!.className,
            x: px(x + 1),
            y: px(y(acc)),
            width: px(Math.max(1, step - 2)),
            height: px(Math.max(0.5, y0 - y(acc))),
          },
          h('title', {}, `${bin.label} · ${data.series[k]!.label}: ${value}`),
        );
      }),
      i % every === 0 && [
        h('line', { class: 'chart-tick', x1: px(x), x2: px(x), y1: bottom, y2: bottom + 4 }),
        h('text', { x: px(x), y: bottom + 16, 'text-anchor': 'middle' }, bin.label),
      ],
    );
  });
  const endX = left + data.bins.length * step;
  // The end edge is labelled when the labels' spacing reaches it (it always does with one label
  // per bin); otherwise its tick alone closes the axis.
  const end =
    data.end !== undefined && data.bins.length > 0
      ? h(
          'g',
          {},
          h('line', {
            class: 'chart-tick',
            x1: px(endX),
            x2: px(endX),
            y1: bottom,
            y2: bottom + 4,
          }),
          data.bins.length % every === 0 &&
            h('text', { x: px(endX), y: bottom + 16, 'text-anchor': 'end' }, data.end),
        )
      : h('g');
  const ticks = y.ticks(4).filter((v) => Number.isInteger(v));
  const axis = h(
    'g',
    { class: 'chart-axis' },
    h(
      'g',
      { class: 'chart-grid' },
      ticks.map((t) => h('line', { x1: left, x2: width - right, y1: px(y(t)), y2: px(y(t)) })),
    ),
    ticks.map((t) => h('text', { x: left - 6, y: px(y(t)) + 4, 'text-anchor': 'end' }, String(t))),
    h('line', { x1: left, x2: width - right, y1: bottom, y2: bottom }),
    h('text', { x: 0, y: top + 10, class: 'chart-muted' }, data.yLabel),
    h(
      'text',
      { x: width - right, y: bottom + 34, 'text-anchor': 'end', class: 'chart-muted' },
      data.xLabel,
    ),
  );
  return svgRoot(
    data.title,
    width,
    height,
    data.series.length > 1 ? legend(data.series, width) : h('g'),
    axis,
    h('g', {}, bars),
    end,
  );
}
