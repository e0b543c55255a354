/**
 * A chart figure of the explorer redrawn in place for a subset: the same SVG tree, caption,
 * table and downloads the build rendered, made with DOM calls (text nodes, never HTML).
 */
import chartCss from '../../components/charts/chart.css?raw';
import { chartCsv, chartSvgFile } from '../../site/charts/chart-files.ts';
import { cellText, type ChartSpec } from '../../site/charts/chart-kit.ts';
import type { Locale } from '../../i18n/locales.ts';
import { DEFAULT_WIDTH } from '../../site/charts/common.ts';
import { toDom } from '../../site/charts/svg-tree.ts';

/** The element `selector` finds in `root`; the explorer's markup is wrong without it. */
export function must<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`explorer: missing ${selector}`);
  return el;
}

function cell(tag: 'th' | 'td', text: string, scope?: string): HTMLElement {
  const el = document.createElement(tag);
  if (scope) el.setAttribute('scope', scope);
  el.textContent = text;
  return el;
}

/**
 * Replaces a chart figure's SVG, caption, scope, table and downloads with those of `spec`;
 * `download` turns a file's text into a URL for its link.
 */
export function updateFigure(
  figure: HTMLElement,
  spec: ChartSpec,
  download: (text: string, type: string) => string,
  locale: Locale,
): void {
  must(figure, '[data-chart-svg]').replaceChildren(toDom(spec.svg, document));
  must(figure, '[data-chart-caption]').textContent = spec.caption;
  must(figure, '[data-chart-scope]').textContent = spec.scope;
  const table = must<HTMLTableElement>(figure, '[data-chart-table]');
  const headRow = document.createElement('tr');
  headRow.append(...spec.table.head.map((h) => cell('th', h, 'col')));
  must(table, 'thead').replaceChildren(headRow);
  must(table, 'tbody').replaceChildren(
    ...spec.table.rows.map((row) => {
      const tr = document.createElement('tr');
      tr.append(
        ...row.map((c, i) =>
          i === 0 ? cell('th', cellText(c, locale), 'row') : cell('td', cellText(c, locale)),
        ),
      );
      return tr;
    }),
  );
  must<HTMLAnchorElement>(figure, 'a[data-download="csv"]').href = download(
    chartCsv(spec),
    'text/csv',
  );
  must<HTMLAnchorElement>(figure, 'a[data-download="svg"]').href = download(
    chartSvgFile(spec, chartCss),
    'image/svg+xml',
  );
}

/** The width to draw charts at: their holder's, within what the charts are designed for. */
export function chartWidth(): number {
  const holder = document.querySelector<HTMLElement>('[data-chart-svg]');
  const measured = holder?.clientWidth ?? 0;
  return measured > 0 ? Math.min(640, Math.max(280, Math.round(measured))) : DEFAULT_WIDTH;
}
