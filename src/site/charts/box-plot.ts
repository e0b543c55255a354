/**
 * Horizontal box plots (min, quartiles, median, max), one per group, name above its box:
 * the age of the studies with each finding.
 */
import { bottomAxis, LINE, px, svgRoot } from './common.ts';
import { h, type SvgNode } from './svg-tree.ts';
import type { Summary } from '../../domain/stats.ts';

export interface BoxPlotData {
  title: string;
  xLabel: string;
  /** Shown instead of a box when a group has no value. */
  emptyLabel: string;
  rows: readonly { label: string; summary: Summary }[];
  /** A figure in the page's language (the chart kit's `num`: "45,75" in Russian). */
  format: (value: number) => string;
}

const BOX = 14;
const ROW = LINE + BOX + 8;

export function boxPlot(data: BoxPlotData, width: number): SvgNode {
  const right = 12;
  const bottom = data.rows.length * ROW;
  const max = Math.max(0, ...data.rows.map((r) => r.summary.max ?? 0));
  const axis = bottomAxis(max, 8, width - right, bottom + 4, 0, data.xLabel);
  const x = axis.scale;
  const rows = data.rows.map((row, i) => {
    const y = i * ROW;
    const s = row.summary;
    const mid = y + LINE + BOX / 2;
    const label = h('text', { x: 0, y: y + 12 }, `${row.label} (n = ${data.format(s.n)})`);
    if (
      s.n === 0 ||
      s.min === null ||
      s.q1 === null ||
      s.median === null ||
      s.q3 === null ||
      s.max === null
    )
      return h(
        'g',
        {},
        label,
        h('text', { x: 0, y: mid + 4, class: 'chart-muted' }, data.emptyLabel),
      );
    return h(
      'g',
      {},
      label,
      h('line', { class: 'chart-whisker', x1: px(x(s.min)), x2: px(x(s.max)), y1: mid, y2: mid }),
      h('line', {
        class: 'chart-whisker',
        x1: px(x(s.min)),
        x2: px(x(s.min)),
        y1: mid - 5,
        y2: mid + 5,
      }),
      h('line', {
        class: 'chart-whisker',
        x1: px(x(s.max)),
        x2: px(x(s.max)),
        y1: mid - 5,
        y2: mid + 5,
      }),
      h(
        'rect',
        {
          class: 'chart-box',
          x: px(x(s.q1)),
          y: y + LINE,
          width: px(Math.max(1, x(s.q3) - x(s.q1))),
          height: BOX,
        },
        h(
          'title',
          {},
          `${row.label}: ${[s.min, s.q1, s.median, s.q3, s.max].map(data.format).join(' / ')}`,
        ),
      ),
      h('line', {
        class: 'chart-whisker',
        'stroke-width': 2,
        x1: px(x(s.median)),
        x2: px(x(s.median)),
        y1: y + LINE,
        y2: y + LINE + BOX,
      }),
    );
  });
  return svgRoot(data.title, width, bottom + 44, axis.node, h('g', {}, rows));
}
