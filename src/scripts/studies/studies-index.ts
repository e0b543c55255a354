/**
 * The studies index in the browser: filters, sort and view, all kept in the URL (back and
 * forward restore them). Rows are never re-rendered: filtering toggles `hidden`, sorting
 * moves the existing nodes, so 800+ studies stay smooth on a phone.
 */
import {
  EMPTY_FILTER,
  facetsFromDataset,
  filterStateToParams,
  matches,
  parseFilterState,
  VALUE_FACETS,
  type FilterState,
} from '../../components/studies/filter-state.ts';
import { fill } from '../gallery/slice-viewer.ts';
import { rememberListQuery, withQuery } from './list-query.ts';
import { sortByValue, type SortDirection } from './sort-rows.ts';

type View = 'table' | 'grid';

/** How many choices the reader made (each checked value and each age bound). */
function activeCount(state: FilterState): number {
  const bounds = [state.ageMin, state.ageMax].filter((v) => v !== null).length;
  return (
    bounds +
    (['class', 'finding', 'sex', ...VALUE_FACETS] as const).reduce(
      (sum, name) => sum + state[name].length,
      0,
    )
  );
}

/** A cell's sort value: its `data-value` when the shown text is a label, else the text. */
const cellValue = (cell: HTMLTableCellElement | undefined) =>
  cell?.dataset['value'] ?? cell?.textContent?.trim() ?? '';

export function startStudiesIndex(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-study-filters]');
  const table = root.querySelector<HTMLElement>('[data-study-table]');
  const grid = root.querySelector<HTMLElement>('[data-study-grid]');
  const tbody = table?.querySelector('tbody');
  const status = root.querySelector<HTMLElement>('[data-filter-status]');
  const empty = root.querySelector<HTMLElement>('[data-filter-empty]');
  const viewGroup = root.querySelector<HTMLElement>('[data-view-switch]');
  if (!form || !table || !grid || !tbody || !status) return;

  const rows = [...tbody.querySelectorAll<HTMLTableRowElement>('tr[data-study-row]')];
  const cards = new Map(
    [...grid.querySelectorAll<HTMLElement>('[data-study-card]')].map((c) => [c.dataset['id'], c]),
  );
  const facets = new Map(rows.map((row) => [row, facetsFromDataset(row.dataset)]));
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];
  const collator = new Intl.Collator(document.documentElement.lang || undefined, {
    numeric: true,
  });
  const shownTemplate = root.dataset['shownTemplate'] ?? '{shown} / {total}';
  const total = rows.length;

  const details = form.querySelector<HTMLDetailsElement>('[data-filter-details]');
  const active = form.querySelector<HTMLElement>('[data-filter-active]');
  // Open on wide screens; on a phone the filters stay folded under their summary.
  if (details) details.open = matchMedia('(min-width: 48em)').matches;
  form.hidden = false;
  if (viewGroup) viewGroup.hidden = false;
  for (const th of headers) th.querySelector('button')?.removeAttribute('disabled');

  const currentParams = () => new URLSearchParams(location.search);

  function readForm(): FilterState {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form!)) {
      if (typeof value === 'string') params.append(name, value);
    }
    return parseFilterState(params);
  }

  function writeForm(state: FilterState): void {
    for (const input of form!.querySelectorAll<HTMLInputElement>('input')) {
      if (input.type === 'checkbox') {
        const selected = state[input.name as keyof FilterState];
        input.checked = Array.isArray(selected) && (selected as string[]).includes(input.value);
      } else if (input.name === 'ageMin' || input.name === 'ageMax') {
        const value = state[input.name];
        input.value = value === null ? '' : String(value);
      }
    }
  }

  function applyFilter(state: FilterState): void {
    let shown = 0;
    for (const row of rows) {
      const visible = matches(facets.get(row)!, state);
      if (visible) shown += 1;
      if (row.hidden === visible) row.hidden = !visible;
      const card = cards.get(row.dataset['id']);
      if (card && card.hidden === visible) card.hidden = !visible;
    }
    status!.textContent = fill(shownTemplate, { shown, total });
    if (empty) empty.hidden = shown > 0;
    if (active) {
      const count = activeCount(state);
      active.textContent = count
        ? `(${fill(active.dataset['template'] ?? '{count}', { count })})`
        : '';
    }
  }

  // The order currently in the DOM: moving 800 rows is the costly part, so only on change.
  let sortedBy = '';

  function applySort(key: string | null, direction: SortDirection): void {
    const signature = `${key ?? ''} ${direction}`;
    if (signature === sortedBy || (sortedBy === '' && key === null)) return;
    sortedBy = signature;
    const column = headers.findIndex((th) => th.dataset['sortKey'] === key);
    for (const [i, th] of headers.entries()) {
      if (i === column) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
    }
    const ordered =
      column < 0
        ? rows
        : sortByValue(
            rows,
            (row) => cellValue(row.cells[column]),
            headers[column]!.dataset['numeric'] !== undefined,
            direction,
            collator,
          );
    tbody!.append(...ordered);
    grid!.append(...ordered.flatMap((row) => cards.get(row.dataset['id']) ?? []));
  }

  function applyView(view: View): void {
    table!.hidden = view === 'grid';
    grid!.hidden = view !== 'grid';
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
      button.setAttribute('aria-pressed', String(button.dataset['view'] === view));
    }
  }

  function render(params: URLSearchParams): void {
    const state = parseFilterState(params);
    writeForm(state);
    applyFilter(state);
    applySort(params.get('sort'), params.get('dir') === 'desc' ? 'descending' : 'ascending');
    applyView(params.get('view') === 'grid' ? 'grid' : 'table');
  }

  function commit(params: URLSearchParams): void {
    const query = params.toString();
    history.pushState(null, '', withQuery(location.pathname, query));
    rememberListQuery(query);
    render(params);
  }

  form.addEventListener('change', () => commit(filterStateToParams(readForm(), currentParams())));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(filterStateToParams(readForm(), currentParams()));
  });
  root.querySelector('[data-filter-reset]')?.addEventListener('click', () => {
    commit(filterStateToParams(EMPTY_FILTER, currentParams()));
  });
  for (const th of headers) {
    th.querySelector('button')?.addEventListener('click', () => {
      const params = currentParams();
      const key = th.dataset['sortKey']!;
      const flip = params.get('sort') === key && params.get('dir') !== 'desc';
      params.set('sort', key);
      if (flip) params.set('dir', 'desc');
      else params.delete('dir');
      commit(params);
    });
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
    button.addEventListener('click', () => {
      const params = currentParams();
      if (button.dataset['view'] === 'grid') params.set('view', 'grid');
      else params.delete('view');
      commit(params);
    });
  }
  addEventListener('popstate', () => {
    render(currentParams());
    rememberListQuery(location.search);
  });

  render(currentParams());
  rememberListQuery(location.search);
}
