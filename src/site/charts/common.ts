/**
 * Pieces shared by the chart functions: the series (colour classes), the outer <svg>, a
 * legend and a linear axis. Charts are functions of data and size returning an SvgNode.
 */
import { scaleLinear } from 'd3';
import { h, type SvgNode } from './svg-tree.ts';

/** One coloured part of a stacked bar; `className` picks its colour from chart.css. */
export interface ChartSeries {
  label: string;
  className: string;
}

export const LINE = 16;

/** Default width of build-time charts (the viewBox scales to the container). */
export const DEFAULT_WIDTH = 480;

/**
 * Width of the build-time charts shown in a container narrower than DEFAULT_WIDTH (a phone):
 * drawn at most this wide, they are shown at 1:1 or larger, so 12 px text stays ≥ 12 CSS px
 * down to a 320 px screen. The explorer redraws at the container's width instead.
 */
export const NARROW_WIDTH = 280;

/**
 * The outer element of every chart: responsive (viewBox, width 100%), labelled as an image
 * by its title (the figure's data table is the accessible alternative).
 */
export function svgRoot(
  title: string,
  width: number,
  height: number,
  ...children: (SvgNode | false | null)[]
): SvgNode {
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'chart',
      viewBox: `0 0 ${width} ${Math.ceil(height)}`,
      width: '100%',
      role: 'img',
      'aria-label': title,
    },
    h('title', {}, title),
    ...children,
  );
}

/** A one-line legend of coloured squares, wrapping to a new line when too wide. */
export function legend(series: readonly ChartSeries[], width: number, y = 0): SvgNode {
  let x = 0;
  let row = 0;
  const items = series.map((s) => {
    const itemWidth = 18 + s.label.length * 7.2 + 12;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const node = h(
      'g',
      { transform: `translate(${x},${y + row * LINE})` },
      h('rect', { class: s.className, width: 12, height: 12, y: 0 }),
      h('text', { x: 16, y: 10 }, s.label),
    );
    x += itemWidth;
    return node;
  });
  return h('g', { class: 'chart-legend', 'data-rows': row + 1 }, items);
}

/** Height taken by a legend of these series at this width. */
export function legendHeight(series: readonly ChartSeries[], width: number): number {
  if (series.length < 2) return 0;
  const node = legend(series, width);
  return Number(node.attrs['data-rows']) * LINE + 6;
}

/**
 * A horizontal axis along y = `y`, ticks pointing down, with gridlines up to `top`.
 * @returns the axis group and the scale it drew.
 */
export function bottomAxis(
  max: number,
  x0: number,
  x1: number,
  y: number,
  top: number,
  label: string,
  ticks = 5,
): { node: SvgNode; scale: (v: number) => number } {
  const scale = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(ticks)
    .range([x0, x1]);
  // Counts and years: whole numbers only (no "0.5 studies" tick on a small subset).
  const format = (v: number) => String(v);
  const values = scale.ticks(ticks).filter((v) => Number.isInteger(v));
  const node = h(
    'g',
    { class: 'chart-axis' },
    h(
      'g',
      { class: 'chart-grid' },
      values.map((v) => h('line', { x1: scale(v), x2: scale(v), y1: top, y2: y })),
    ),
    h('line', { x1: x0, x2: x1, y1: y, y2: y }),
    values.map((v) =>
      h(
        'g',
        { transform: `translate(${scale(v)},${y})` },
        h('line', { y2: 4 }),
        h('text', { y: 16, 'text-anchor': 'middle' }, format(v)),
      ),
    ),
    h('text', { x: x1, y: y + 32, 'text-anchor': 'end', class: 'chart-muted' }, label),
  );
  return { node, scale: (v: number) => scale(v) };
}

/**
 * Rounds to 0.1 px so SVG files stay small and stable.
 * @example px(1.23456) // 1.2
 */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}
