/**
 * UpSet-style co-occurrence chart, laid out for narrow screens: set sizes as columns on top,
 * one row per combination that occurs (dots say which findings, a bar says how many studies).
 */
import { scaleLinear } from 'd3';
import { LINE, px, svgRoot } from './common.ts';
import { h, type SvgNode } from './svg-tree.ts';

export interface UpsetData {
  title: string;
  /** Caption over the set-size columns and over the intersection bars. */
  setSizeLabel: string;
  countLabel: string;
  sets: readonly { label: string; size: number }[];
  /** `members[i]` says whether set i is part of the combination. */
  intersections: readonly { members: readonly boolean[]; count: number }[];
  /** Draw at most this many combinations (the largest); the data table lists them all. */
  maxRows?: number;
  /** Text under the chart when rows were left out; `{n}` is how many. */
  moreLabel?: string;
}

/** A three-digit set size in 12 px text just fits (no chart text is smaller). */
const COL = 22;
const ROW = 18;

/** Approximate advance of a 12 px character (as legend() in common.ts assumes). */
const CHAR = 7.2;

export function upsetChart(data: UpsetData, givenWidth: number): SvgNode {
  const matrixWidth = data.sets.length * COL;
  const sizeTop = LINE + 14;
  const sizeHeight = 50;
  const labelTop = sizeTop + sizeHeight + 6;
  // Set names run diagonally above the matrix; leave room for the longest.
  const longest = Math.max(0, ...data.sets.map((s) => s.label.length));
  const labelHeight = Math.min(200, longest * CHAR * 0.72 + 10);
  // Never narrower than the diagonal set names and the count label reach: drawn for a phone,
  // the chart is as wide as they need and scales down a little, rather than cutting them off.
  const width = Math.max(
    givenWidth,
    data.sets.length * COL + longest * CHAR * 0.72 + 8,
    matrixWidth + 10 + data.countLabel.length * CHAR + 12,
  );
  const rowsTop = labelTop + labelHeight + 6;
  const barLeft = matrixWidth + 10;
  const barRight = width - 36;
  const maxSize = Math.max(1, ...data.sets.map((s) => s.size));
  const maxCount = Math.max(1, ...data.intersections.map((r) => r.count));
  const rowsHeight = (n: number) => Math.max(1, n) * ROW;
  const size = scaleLinear().domain([0, maxSize]).range([0, sizeHeight]);
  const bar = scaleLinear()
    .domain([0, maxCount])
    .range([0, Math.max(10, barRight - barLeft)]);
  const colX = (i: number) => i * COL + COL / 2;

  const columns = data.sets.map((set, i) =>
    h(
      'g',
      {},
      h(
        'rect',
        {
          class: 'chart-s-total',
          x: colX(i) - 6,
          y: px(sizeTop + sizeHeight - size(set.size)),
          width: 12,
          height: px(Math.max(set.size ? 0.5 : 0, size(set.size))),
        },
        h('title', {}, `${set.label}: ${set.size}`),
      ),
      h(
        'text',
        {
          x: colX(i),
          y: px(sizeTop + sizeHeight - size(set.size) - 3),
          'text-anchor': 'middle',
        },
        String(set.size),
      ),
      h('text', { transform: `translate(${colX(i) + 4},${rowsTop - 4}) rotate(-45)` }, set.label),
    ),
  );
  const shown = data.intersections.slice(0, data.maxRows ?? Infinity);
  const hidden = data.intersections.length - shown.length;
  const rows = shown.map((row, r) => {
    const y = rowsTop + r * ROW + ROW / 2;
    const on = row.members.flatMap((m, i) => (m ? [i] : []));
    const names = on.map((i) => data.sets[i]!.label).join(' + ');
    return h(
      'g',
      {},
      r % 2 === 0 &&
        h('rect', {
          x: 0,
          y: y - ROW / 2,
          width,
          height: ROW,
          fill: 'currentColor',
          'fill-opacity': 0.04,
        }),
      on.length > 1 &&
        h('line', {
          class: 'chart-link',
          x1: colX(on[0]!),
          x2: colX(on[on.length - 1]!),
          y1: y,
          y2: y,
        }),
      row.members.map((m, i) =>
        h('circle', { class: m ? 'chart-dot-on' : 'chart-dot-off', cx: colX(i), cy: y, r: 5 }),
      ),
      h(
        'rect',
        {
          class: 'chart-s-with',
          x: barLeft,
          y: y - 6,
          width: px(Math.max(0.5, bar(row.count))),
          height: 12,
        },
        h('title', {}, `${names}: ${row.count}`),
      ),
      h('text', { x: px(barLeft + bar(row.count) + 4), y: y + 4 }, String(row.count)),
    );
  });
  const bottom = rowsTop + rowsHeight(shown.length);
  return svgRoot(
    data.title,
    width,
    bottom + (hidden > 0 ? 24 : 8),
    h('text', { x: 0, y: 12, class: 'chart-muted' }, data.setSizeLabel),
    h('text', { x: barLeft, y: rowsTop - 6, class: 'chart-muted' }, data.countLabel),
    h('g', {}, columns),
    h('g', {}, rows),
    hidden > 0 &&
      h(
        'text',
        { x: 0, y: bottom + 16, class: 'chart-muted' },
        (data.moreLabel ?? '+{n}').replace('{n}', String(hidden)),
      ),
  );
}
