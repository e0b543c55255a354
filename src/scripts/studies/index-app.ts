/**
 * The studies index in the browser, second part (loaded on first use, see studies-index.ts):
 * fetches every study (`/data/studies-index.json`), and for a URL's state renders the matching
 * rows (or cards) in order, the count, each filter option's count with the other filters
 * applied (facetCounts, as on the statistics explorer) and any problem with the age bounds.
 * Rows and cards are built once per study from the same cells as the build's table
 * (index-study.ts) and then only moved, so re-filtering and re-sorting stay cheap.
 */
import {
  checkAgeRange,
  facetCounts,
  matches,
  selectionCount,
  type FacetState,
} from '../../domain/facets.ts';
import { optionCount, stateFromParams, stateToParams } from '../../domain/facet-url.ts';
import type { Locale } from '../../i18n/locales.ts';
import { formatSubsetTotal, sumSizes } from '../../domain/size.ts';
import {
  INDEX_COLUMNS,
  NUMERIC_COLUMNS,
  cardMeta,
  indexCells,
  studyName,
  type IndexCell,
  type IndexStudy,
} from '../../site/studies/index-study.ts';
import { ageTemplatesFrom, showAgeProblems } from '../age-problems.ts';
import { fill } from '../../i18n/fill.ts';
import { writeFilterForm } from './filter-form.ts';
import { sortByValue } from './sort-rows.ts';
import { withBase } from '../../site/base.ts';
import { updateSubsetKit } from '../subset-kit.ts';
import { pageCount, pageItems } from '../../site/studies/index-pages.ts';
import { withQuery } from './list-query.ts';
import { PAGE_PARAM, showPager } from './pager.ts';

export interface IndexApp {
  render(params: URLSearchParams): void;
  /** Fills the subset kit for a URL's filter, without touching the list. */
  kit(params: URLSearchParams): void;
}

interface Rendered {
  study: IndexStudy;
  cells: IndexCell[];
  row?: HTMLTableRowElement;
  card?: HTMLLIElement;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}

export async function startIndexApp(root: HTMLElement): Promise<IndexApp> {
  const status = root.querySelector<HTMLElement>('[data-filter-status]')!;
  const response = await fetch(root.dataset['src'] ?? '');
  if (!response.ok) throw new Error(`studies index: ${response.status} for ${response.url}`);
  const { studies } = (await response.json()) as { studies: IndexStudy[] };

  const locale = (root.dataset['locale'] ?? 'en') as Locale;
  const form = root.querySelector<HTMLFormElement>('form[data-study-filters]')!;
  const table = root.querySelector<HTMLElement>('[data-study-table]')!;
  const tbody = table.querySelector('tbody')!;
  const grid = root.querySelector<HTMLElement>('[data-study-grid]')!;
  const empty = root.querySelector<HTMLElement>('[data-filter-empty]');
  const pages = root.querySelector<HTMLElement>('[data-index-pages]');
  const sizeLine = root.querySelector<HTMLElement>('[data-filter-size]');
  const kitBox = root.querySelector<HTMLElement>('[data-subset-kit]');
  const active = form.querySelector<HTMLElement>('[data-filter-active]');
  const ageProblem = form.querySelector<HTMLElement>('[data-age-problem]');
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];
  const studiesBase = root.dataset['studiesBase'] ?? '/';
  const siteRoot = root.dataset['siteRoot'] ?? '/';
  const shownTemplate = root.dataset['shownTemplate'] ?? '{shown} / {total}';
  const noFindings = root.dataset['noFindings'] ?? '';
  const collator = new Intl.Collator(locale, { numeric: true });
  const all: Rendered[] = studies.map((study) => ({
    study,
    cells: indexCells(study, locale, noFindings),
  }));
  const href = (study: IndexStudy) => `${studiesBase}${encodeURIComponent(study.slug)}/`;

  function rowOf(item: Rendered): HTMLTableRowElement {
    if (item.row) return item.row;
    const row = element('tr', undefined, { 'data-study-row': '', 'data-id': item.study.id });
    const th = element('th', undefined, { scope: 'row' });
    th.append(element('a', item.cells[0]!.text, { href: href(item.study) }));
    row.append(
      th,
      ...item.cells.slice(1).map((c) => element('td', c.text, { 'data-value': c.value })),
    );
    return (item.row = row);
  }

  function cardOf(item: Rendered): HTMLLIElement {
    if (item.card) return item.card;
    const { study } = item;
    const card = element('li', undefined, { 'data-study-card': '', 'data-id': study.id });
    const link = element('a', undefined, { href: href(study) });
    link.append(
      study.cover
        ? element('img', undefined, {
            // Decorative: the link's text (the study id) names the study.
            src: withBase(study.cover, siteRoot),
            alt: '',
            width: String(study.coverWidth),
            height: String(study.coverHeight),
            loading: 'lazy',
            decoding: 'async',
          })
        : element('span', root.dataset['noCover'] ?? '', { class: 'study-grid__none' }),
      // Spaces between the parts: the card's layout separates them on screen only.
      ' ',
      element('span', studyName(study), { class: 'study-grid__id' }),
    );
    card.append(link, ' ', element('span', cardMeta(study, locale), { class: 'study-grid__meta' }));
    return (item.card = card);
  }

  function showOptionCounts(state: FacetState): void {
    const counts = facetCounts(studies, state);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const target = input.closest('label')?.querySelector('[data-option-count]');
      const count = optionCount(counts, input.name, input.value);
      if (target && count !== null) target.textContent = `(${count})`;
    }
  }

  /** The subset kit for the matching studies, in the list's order. */
  function showKit(state: FacetState, shown: readonly Rendered[]): void {
    if (kitBox)
      updateSubsetKit(
        kitBox,
        shown.map((item) => item.study),
        stateToParams(state).toString(),
      );
  }

  function kit(params: URLSearchParams): void {
    const { state } = checkAgeRange(stateFromParams(params));
    showKit(
      state,
      all.filter((item) => matches(item.study, state)),
    );
  }

  function render(params: URLSearchParams): void {
    const given = stateFromParams(params);
    writeFilterForm(form, given);
    const { state, problems } = checkAgeRange(given);
    showAgeProblems(ageProblem, problems, ageTemplatesFrom(ageProblem));
    let shown = all.filter((item) => matches(item.study, state));
    const key = params.get('sort');
    const column = INDEX_COLUMNS.findIndex((c) => c === key);
    const direction = params.get('dir') === 'desc' ? 'descending' : 'ascending';
    if (column >= 0) {
      shown = sortByValue(
        shown,
        (item) => item.cells[column]!.value,
        NUMERIC_COLUMNS.has(INDEX_COLUMNS[column]!),
        direction,
        collator,
      );
    }
    for (const [i, th] of headers.entries()) {
      if (i === column) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
    }
    const gridView = params.get('view') === 'grid';
    table.hidden = gridView;
    grid.hidden = !gridView;
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
      button.setAttribute('aria-pressed', String((button.dataset['view'] === 'grid') === gridView));
    }
    // Every matching study, in order, a page at a time (as the static list): sorting on page 8
    // orders all studies and starts again at page 1, with a pager to the rest.
    const size = Number(root.dataset['pageSize']) || shown.length || 1;
    const count = pageCount(shown.length, size);
    const asked = Math.trunc(Number(params.get(PAGE_PARAM)));
    const current = Number.isFinite(asked) ? Math.min(Math.max(1, asked), count) : 1;
    const onPage = pageItems(shown, current, size);
    if (gridView) grid.replaceChildren(...onPage.map(cardOf));
    else tbody.replaceChildren(...onPage.map(rowOf));
    if (pages) {
      showPager(pages, count, current, (n) => {
        const query = new URLSearchParams(params);
        if (n === 1) query.delete(PAGE_PARAM);
        else query.set(PAGE_PARAM, String(n));
        return withQuery(studiesBase, query.toString());
      });
    }
    status.textContent = fill(shownTemplate, { shown: shown.length, total: all.length });
    if (sizeLine) {
      const size = sumSizes(shown.map((item) => item.study.size));
      sizeLine.textContent = formatSubsetTotal(shown.length, size, locale);
    }
    if (empty) empty.hidden = shown.length > 0;
    if (active) {
      const count = selectionCount(given);
      active.textContent = count
        ? `(${fill(active.dataset['template'] ?? '{count}', { count })})`
        : '';
    }
    showOptionCounts(state);
    showKit(state, shown);
  }

  return { render, kit };
}
