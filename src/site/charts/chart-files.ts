/**
 * The downloadable forms of a chart: its data table as CSV and its SVG as a standalone file
 * (with the chart styles embedded so it looks the same outside the site).
 */
import { safeCsvRows } from '../../domain/csv-safe.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { ChartSpec } from './chart-kit.ts';
import { withBase } from '../base.ts';
import { toSvgString } from './svg-tree.ts';

/**
 * Link to a build-time chart file, under the base path.
 * @example chartFileHref('en', 'sex', 'csv') // '/data/stats-en-sex.csv' (base '/')
 */
export function chartFileHref(locale: Locale, id: string, ext: 'csv' | 'svg'): string {
  return withBase(`data/stats-${locale}-${id}.${ext}`);
}

/**
 * The chart's data table as CSV (header row first), quoted where needed by d3-dsv, cells a
 * spreadsheet would run made inert (category labels come from the registry).
 */
export function chartCsv(spec: Pick<ChartSpec, 'table'>): string {
  return safeCsvRows([spec.table.head, ...spec.table.rows.map((r) => r.map(String))]);
}

/** Outside a page nothing sets the text colour or background: give the file its own. */
const STANDALONE_CSS =
  'svg.chart{color:#1a1a1a;background:#fff}' +
  '@media (prefers-color-scheme: dark){svg.chart{color:#ececec;background:#161616}}';

/**
 * A standalone SVG document of the chart: its styles embedded (comments stripped), a fixed
 * size from the viewBox instead of the page's 100% width.
 */
export function chartSvgFile(spec: Pick<ChartSpec, 'svg'>, css: string): string {
  const [, , w, hgt] = String(spec.svg.attrs['viewBox'] ?? '').split(' ');
  const sized = { ...spec.svg, attrs: { ...spec.svg.attrs, width: w ?? '', height: hgt ?? '' } };
  const svg = toSvgString(sized);
  // Insert the <style> right after the opening tag; CSS text contains no markup.
  const at = svg.indexOf('>') + 1;
  const compact = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const style = `<style>${(compact + STANDALONE_CSS).replaceAll('<', '\\3c ')}</style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.slice(0, at)}${style}${svg.slice(at)}\n`;
}
